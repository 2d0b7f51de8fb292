import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './run-cli.js';

// Issue #6 trial cases tf/tpl4 and tf/tpl2: policies read through file() and templatefile() are
// checked and reported in the file they are written in, whatever its extension.
const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["logs:CreateLogStream"],
      "Resource": "arn:aws:logs:*:*:log-group:\${log_group}:*"
    }
  ]
}
`;

interface JsonReport {
  filesRead: number;
  policiesChecked: number;
  results: { ruleId: string; file: string; line: number; column: number; message: string }[];
}

describe('iamscope scan: Terraform file() and templatefile()', () => {
  let project: string;
  before(() => {
    project = mkdtempSync(join(tmpdir(), 'iamscope-tf-file-'));
    mkdirSync(join(project, 'm/policies'), { recursive: true });
    writeFileSync(
      join(project, 'm/main.tf'),
      [
        'resource "aws_iam_policy" "txt" {',
        '  name   = "ml-txt"',
        '  policy = file("${path.module}/policies/pipeline.txt")',
        '}',
        'resource "aws_iam_policy" "tpl" {',
        '  name   = "ml-logs"',
        '  policy = templatefile("${path.module}/policies/logs.json.tftpl", { log_group = "/app/training" })',
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(join(project, 'm/policies/pipeline.txt'), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjct", "Resource": "*"}]}\n');
    writeFileSync(join(project, 'm/policies/logs.json.tftpl'), POLICY);
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  it('checks the referenced files when only the .tf file is named, each result located in its file', () => {
    const run = runCli(['scan', 'm/main.tf', '-f', 'json'], { cwd: project });
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    const found = report.results.filter((r) => r.ruleId === 'unknown-action' || r.ruleId === 'ml/logs-scope').map((r) => `${r.file}:${r.line}:${r.column} ${r.ruleId}`);
    // pipeline.txt: "s3:GetObjct" starts at column 71 of line 1; the template's Resource string at 7:19
    assert.deepEqual(found, ['m/policies/logs.json.tftpl:7:19 ml/logs-scope', 'm/policies/pipeline.txt:1:71 unknown-action']);
    const logs = report.results.find((r) => r.ruleId === 'ml/logs-scope')!;
    assert.match(logs.message, /log-group:\/app\/training:/);
    // main.tf and the two files it reads; one policy from each of them
    assert.equal(report.filesRead, 3);
    assert.equal(report.policiesChecked, 2);
  });

  it('reports a policy file that is also scanned on its own once per finding', () => {
    writeFileSync(join(project, 'm/policies/pipeline.json'), '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjct", "Resource": "*"}]}\n');
    writeFileSync(join(project, 'm/json.tf'), 'resource "aws_iam_policy" "json" {\n  policy = file("policies/pipeline.json")\n}\n');
    try {
      const run = runCli(['scan', 'm', '-f', 'json'], { cwd: project });
      const report = JSON.parse(run.stdout) as JsonReport;
      const found = report.results.filter((r) => r.file === 'm/policies/pipeline.json').map((r) => `${r.line}:${r.column} ${r.ruleId}`);
      assert.deepEqual(found, ['1:71 unknown-action']);
    } finally {
      rmSync(join(project, 'm/json.tf'));
      rmSync(join(project, 'm/policies/pipeline.json'));
    }
  });
});
