import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceLocation, wholeFileSubmission } from '@iamscope/core';
import { sarifProblems } from '../../core/test/support/sarif-validator.js';
import { BIN } from './run-cli.js';

/** A request the fake Access Analyzer received. */
interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string;
  body: Record<string, unknown>;
}

/** What the fake answers: status, JSON body, and the error type header for errors. */
interface Answer {
  status?: number;
  errorType?: string;
  body: unknown;
}

/** A loopback HTTP server that answers like Access Analyzer (recorded response shapes). */
class FakeAccessAnalyzer {
  readonly received: Received[] = [];
  answer: (request: Received) => Answer = () => ({ body: { findings: [] } });
  private readonly server: Server = createServer((req, res) => this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((done) => this.server.close(done));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const request = { method: req.method ?? '', path: url.pathname, query: url.searchParams, authorization: String(req.headers.authorization ?? ''), body: JSON.parse(raw || '{}') };
      this.received.push(request);
      const answer = this.answer(request);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (answer.errorType) headers['x-amzn-errortype'] = answer.errorType;
      res.writeHead(answer.status ?? 200, headers).end(JSON.stringify(answer.body));
    });
  }
}

/** Runs the built CLI in a child process (asynchronously, so the fake server in this process can answer). */
function runCliAsync(args: string[], options: { cwd: string; env: Record<string, string>; nodeArgs?: string[] }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], { cwd: options.cwd, env: { PATH: process.env['PATH'] ?? '', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

// Lines 1-11; the empty Sid "" is at line 5, 0-based column 13, offset 65 (2 + 27 + 17 + 6 + 13);
// "s3:GetObjekt" at line 7, 0-based column 16, offset 110 (line 7 starts at 65 - 13 + 17 + 25 = 94).
const ROLE = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "",\n      "Effect": "Allow",\n      "Action": "s3:GetObjekt",\n      "Resource": "*"\n    }\n  ]\n}\n';
// No Version (iamscope: missing-version at 1:1); "s3:x-amz-acl" at line 3, 0-based column 122, offset 19 + 122 = 141.
const CONDITION =
  '{\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data/*", "Condition": { "StringEquals": { "s3:x-amz-acl": "private" } } }\n  ]\n}\n';
// A role trust policy (inferred: a service principal with sts:AssumeRole); clean for iamscope.
const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}\n';

function span(line: number, column: number, offset: number, length: number) {
  return { start: { line, column, offset }, end: { line, column: column + length, offset: offset + length } };
}

function finding(issueCode: string, findingType: string, details: string, location: ReturnType<typeof span>) {
  return {
    findingDetails: details,
    findingType,
    issueCode,
    learnMoreLink: `https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-${issueCode}`,
    locations: [{ path: [{ value: 'Statement' }, { index: 0 }], span: location }],
  };
}

const EMPTY_SID = finding('EMPTY_SID_VALUE', 'SUGGESTION', 'Add a value to the empty string in the Sid element.', span(5, 13, 65, 2));
const INVALID_ACTION = finding('INVALID_ACTION', 'ERROR', 'The action s3:GetObjekt does not exist. Did you mean s3:GetObject?', span(7, 16, 110, 14));
const UNSUPPORTED_KEY = finding('UNSUPPORTED_ACTION_FOR_CONDITION_KEY', 'ERROR', 'The following actions: s3:GetObject do not support the condition key s3:x-amz-acl.', span(3, 122, 141, 14));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamscope-aa-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('iamscope scan --access-analyzer (loopback Access Analyzer)', function () {
  const fake = new FakeAccessAnalyzer();
  let endpoint = '';
  const home = mkdtempSync(join(tmpdir(), 'iamscope-aa-home-'));
  // no shared AWS files, no instance metadata: nothing outside the loopback server is asked
  const isolated = () => ({ HOME: home, AWS_CONFIG_FILE: join(home, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'), AWS_EC2_METADATA_DISABLED: 'true' });
  const env = () => ({ ...isolated(), AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'not-a-secret', AWS_REGION: 'us-east-1' });

  before(async () => {
    endpoint = await fake.start();
  });
  after(() => fake.stop());
  beforeEach(() => {
    fake.received.length = 0;
  });

  it('puts findings at the file line and column in SARIF, follows nextToken and sums up the cross-check', async () => {
    fake.answer = (request) => {
      const document = request.body['policyDocument'];
      if (document === ROLE && !request.query.get('nextToken')) return { body: { findings: [EMPTY_SID], nextToken: 'page-2' } };
      if (document === ROLE) return { body: { findings: [INVALID_ACTION] } };
      if (document === CONDITION) return { body: { findings: [UNSUPPORTED_KEY] } };
      return { body: { findings: [] } };
    };
    const dir = folder({ 'role.json': ROLE, 'condition.json': CONDITION, 'trust.json': TRUST });
    const { code, stdout, stderr } = await runCliAsync(['scan', '.', '--access-analyzer', '--format', 'sarif'], { cwd: dir, env: env() });
    assert.equal(stderr, '');
    assert.equal(code, 1, 'aa/INVALID_ACTION and aa/UNSUPPORTED_ACTION_FOR_CONDITION_KEY are errors');
    const log = JSON.parse(stdout);
    assert.deepEqual(sarifProblems(log), []);
    const run = log.runs[0];
    const aa = run.results
      .filter((r: { ruleId: string }) => r.ruleId.startsWith('aa/'))
      .map((r: any) => ({ rule: r.ruleId, level: r.level, uri: r.locations[0].physicalLocation.artifactLocation.uri, region: r.locations[0].physicalLocation.region }));
    assert.deepEqual(aa, [
      { rule: 'aa/UNSUPPORTED_ACTION_FOR_CONDITION_KEY', level: 'error', uri: 'condition.json', region: { startLine: 3, startColumn: 123, endLine: 3, endColumn: 137, charOffset: 141, charLength: 14 } },
      { rule: 'aa/EMPTY_SID_VALUE', level: 'note', uri: 'role.json', region: { startLine: 5, startColumn: 14, endLine: 5, endColumn: 16, charOffset: 65, charLength: 2 } },
      { rule: 'aa/INVALID_ACTION', level: 'error', uri: 'role.json', region: { startLine: 7, startColumn: 17, endLine: 7, endColumn: 31, charOffset: 110, charLength: 14 } },
    ]);
    const invalidAction = run.results.find((r: { ruleId: string }) => r.ruleId === 'aa/INVALID_ACTION');
    assert.equal(invalidAction.message.text, 'The action s3:GetObjekt does not exist. Did you mean s3:GetObject?');
    assert.match(invalidAction.partialFingerprints['iamscope/v1'], /^[0-9a-f]{16}:1$/);
    const rule = run.tool.driver.rules[invalidAction.ruleIndex];
    assert.equal(rule.id, 'aa/INVALID_ACTION');
    assert.equal(rule.helpUri, INVALID_ACTION.learnMoreLink);
    assert.equal(rule.defaultConfiguration.level, 'error');
    // offline results are still there
    assert.ok(run.results.some((r: { ruleId: string }) => r.ruleId === 'unknown-action'));
    // EMPTY_SID_VALUE, INVALID_ACTION and UNSUPPORTED_ACTION_FOR_CONDITION_KEY match empty-element,
    // unknown-action and condition-key-action-mismatch at the same spans; AA gave no MISSING_VERSION
    // for condition.json.
    assert.deepEqual(run.properties.accessAnalyzerCrossCheck, {
      policiesValidated: 3,
      accessAnalyzerOnly: {},
      iamscopeOnly: { MISSING_VERSION: 1 },
    });

    // 4 calls: role.json twice (two pages), condition.json, trust.json, all signed with the fake key
    assert.equal(fake.received.length, 4);
    for (const r of fake.received) {
      assert.equal(`${r.method} ${r.path}`, 'POST /policy/validation');
      assert.match(r.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/us-east-1\/access-analyzer\/aws4_request/);
    }
    const pages = fake.received.filter((r) => r.body['policyDocument'] === ROLE);
    assert.deepEqual(pages.map((r) => r.query.get('nextToken')), [null, 'page-2']);
    assert.deepEqual(pages[0]!.body, { policyDocument: ROLE, policyType: 'IDENTITY_POLICY' });
    const trust = fake.received.find((r) => r.body['policyDocument'] === TRUST)!;
    assert.deepEqual(trust.body, { policyDocument: TRUST, policyType: 'RESOURCE_POLICY', validatePolicyResourceType: 'AWS::IAM::AssumeRolePolicyDocument' });
  });

  it('puts findings in CloudFormation and Terraform policies at the line and column of the original file', async () => {
    // the submitted documents are compact JSON that iamscope serialises; the fake finds the action in them
    fake.answer = (request) => {
      const document = String(request.body['policyDocument']);
      const offset = document.indexOf('"s3:GetObjekt"');
      if (offset === -1) return { body: { findings: [] } };
      return { body: { findings: [finding('INVALID_ACTION', 'ERROR', 'The action s3:GetObjekt does not exist.', span(1, offset, offset, 14))] } };
    };
    // template.yaml line 9: 12 spaces and `Action: ` (8 characters), so the plain scalar s3:GetObjekt spans columns 21-32
    const template = 'Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: Allow\n            Action: s3:GetObjekt\n            Resource: "*"\n';
    // main.tf line 2: `  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ` is 90
    // characters, so the quoted "s3:GetObjekt" spans columns 91-104
    const terraform = 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObjekt", Resource = "*" }] })\n}\n';
    const dir = folder({ 'template.yaml': template, 'main.tf': terraform });
    const { code, stdout, stderr } = await runCliAsync(['scan', '.', '--access-analyzer', '--format', 'sarif'], { cwd: dir, env: env() });
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const log = JSON.parse(stdout);
    assert.deepEqual(sarifProblems(log), []);
    const aa = log.runs[0].results
      .filter((r: { ruleId: string }) => r.ruleId === 'aa/INVALID_ACTION')
      .map((r: any) => {
        const { artifactLocation, region } = r.locations[0].physicalLocation;
        return `${artifactLocation.uri}:${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn}`;
      });
    assert.deepEqual(aa, ['main.tf:2:91-2:105', 'template.yaml:9:21-9:33']);
    // each policy was sent once, as identity policy JSON
    assert.equal(fake.received.length, 2);
    for (const r of fake.received) assert.equal(r.body['policyType'], 'IDENTITY_POLICY');
  });

  it('submits a policy a Terraform module reads with file() and places its findings in that file', async () => {
    fake.answer = (request) => {
      const document = String(request.body['policyDocument']);
      const offset = document.indexOf('"s3:GetObjekt"');
      if (offset === -1) return { body: { findings: [] } };
      return { body: { findings: [finding('INVALID_ACTION', 'ERROR', 'The action s3:GetObjekt does not exist.', span(1, offset, offset, 14))] } };
    };
    // policy.txt line 3: `  "Statement": [{ "Effect": "Allow", "Action": ` is 47 characters, so "s3:GetObjekt" spans columns 48-61
    const policy = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*" }]\n}\n';
    const main = 'resource "aws_iam_policy" "p" {\n  policy = file("${path.module}/policy.txt")\n}\n';
    const dir = folder({ 'main.tf': main, 'policy.txt': policy });
    const { code, stdout, stderr } = await runCliAsync(['scan', 'main.tf', '--access-analyzer', '--format', 'sarif'], { cwd: dir, env: env() });
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const aa = JSON.parse(stdout).runs[0].results
      .filter((r: { ruleId: string }) => r.ruleId === 'aa/INVALID_ACTION')
      .map((r: any) => {
        const { artifactLocation, region } = r.locations[0].physicalLocation;
        return `${artifactLocation.uri}:${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn}`;
      });
    assert.deepEqual(aa, ['policy.txt:3:48-3:62']);
    assert.equal(fake.received.length, 1);
  });

  it('shows the cross-check as a stylish footer', async () => {
    fake.answer = (request) => (request.body['policyDocument'] === CONDITION ? { body: { findings: [UNSUPPORTED_KEY] } } : { body: { findings: [] } });
    const dir = folder({ 'condition.json': CONDITION });
    const { code, stdout } = await runCliAsync(['scan', '.', '--access-analyzer'], { cwd: dir, env: env() });
    assert.equal(code, 1);
    assert.ok(stdout.includes('  3:123  error    The following actions: s3:GetObject do not support the condition key s3:x-amz-acl.  aa/UNSUPPORTED_ACTION_FOR_CONDITION_KEY  condition.json:3:123\n'), stdout);
    assert.ok(
      stdout.includes('Access Analyzer cross-check (1 policy validated)\n  only Access Analyzer: none\n  only iamscope: MISSING_VERSION 1\n'),
      stdout,
    );
  });

  it('retries a throttled call (429) and then uses the answer', async () => {
    let calls = 0;
    fake.answer = () => (++calls === 1 ? { status: 429, errorType: 'ThrottlingException', body: { message: 'Rate exceeded' } } : { body: { findings: [INVALID_ACTION] } });
    const dir = folder({ 'role.json': ROLE });
    const { code, stdout, stderr } = await runCliAsync(['scan', '.', '--access-analyzer', '--format', 'json'], { cwd: dir, env: env() });
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.equal(fake.received.length, 2);
    const report = JSON.parse(stdout);
    const found = report.results.find((r: { ruleId: string }) => r.ruleId === 'aa/INVALID_ACTION');
    assert.deepEqual([found.line, found.column, found.endColumn], [7, 17, 31]);
    assert.deepEqual(report.notifications, []);
  });

  it('gives one line on AccessDenied, keeps the offline results and exits 2 when no call succeeded', async () => {
    fake.answer = () => ({ status: 403, errorType: 'AccessDeniedException', body: { message: 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: access-analyzer:ValidatePolicy' } });
    const dir = folder({ 'role.json': ROLE });
    const { code, stdout, stderr } = await runCliAsync(['scan', '.', '--access-analyzer', '--format', 'sarif'], { cwd: dir, env: env() });
    assert.equal(code, 2);
    assert.equal(
      stderr,
      'iamscope: Access Analyzer: access denied (AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: access-analyzer:ValidatePolicy); 1 of 1 calls failed. The offline results are complete.\n',
    );
    const run = JSON.parse(stdout).runs[0];
    assert.deepEqual(run.results.map((r: { ruleId: string }) => r.ruleId), ['empty-element', 'unknown-action']);
    const [note] = run.invocations[0].toolExecutionNotifications;
    assert.deepEqual([note.level, note.descriptor.id], ['error', 'ACCESS_ANALYZER_DENIED']);
    assert.equal(run.invocations[0].executionSuccessful, false);
  });

  it('exits by the findings when some calls succeeded and others were denied', async () => {
    fake.answer = (request) =>
      request.body['policyDocument'] === CONDITION ? { status: 403, errorType: 'AccessDeniedException', body: { message: 'Denied by an SCP' } } : { body: { findings: [] } };
    const dir = folder({ 'condition.json': CONDITION, 'trust.json': TRUST });
    const { code, stdout, stderr } = await runCliAsync(['scan', '.', '--access-analyzer', '--format', 'json'], { cwd: dir, env: env() });
    assert.equal(stderr, 'iamscope: Access Analyzer: access denied (AccessDeniedException: Denied by an SCP); 1 of 2 calls failed. The offline results are complete.\n');
    assert.equal(code, 0, 'only the missing-version warning remains');
    assert.deepEqual(JSON.parse(stdout).notifications.map((n: { level: string; code: string }) => `${n.level} ${n.code}`), ['warning ACCESS_ANALYZER_DENIED']);
  });

  it('says once that there are no credentials, makes no call and keeps the offline results', async () => {
    const dir = folder({ 'role.json': ROLE });
    const noCredentials = { ...isolated(), AWS_ENDPOINT_URL: endpoint, AWS_REGION: 'us-east-1' };
    const { code, stdout, stderr } = await runCliAsync(['scan', '.', '--access-analyzer'], { cwd: dir, env: noCredentials });
    assert.equal(code, 2);
    assert.equal(
      stderr,
      'iamscope: Access Analyzer: no AWS credentials found: pass --aws-profile, set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or sign in with `aws sso login`; no call made. The offline results are complete.\n',
    );
    assert.equal(fake.received.length, 0);
    assert.ok(stdout.includes('role.json:7:17'), stdout);
  });

  it('runs the custom checks of the configuration and reports a FAIL at the statement it names', async () => {
    const reference = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:List*","Resource":"*"}]}';
    fake.answer = (request) => {
      if (request.path === '/policy/check-access-not-granted') {
        const reasons = [{ description: 'One or more of the listed actions in statement 0 can be performed by the policy.', statementIndex: 0 }];
        return { body: { result: 'FAIL', message: 'The policy document grants access to perform one or more of the listed actions.', reasons } };
      }
      if (request.path === '/policy/check-no-new-access') return { body: { result: 'PASS', message: 'The modified permissions grant no new access.', reasons: [] } };
      return { body: { findings: [] } };
    };
    const dir = folder({ 'role.json': ROLE });
    const config = { accessAnalyzer: { checkAccessNotGranted: { actions: ['s3:GetObject'] }, checkNoNewAccess: { reference: 'refs/read-only.json' } } };
    writeFileSync(join(dir, 'iamscope.config.json'), JSON.stringify(config));
    mkdirSync(join(dir, 'refs'));
    writeFileSync(join(dir, 'refs', 'read-only.json'), reference);
    const { code, stdout, stderr } = await runCliAsync(['scan', 'role.json', '--access-analyzer', '--format', 'json'], { cwd: dir, env: env() });
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const failed = JSON.parse(stdout).results.filter((r: { ruleId: string }) => r.ruleId.startsWith('aa/'));
    // the statement object: "{" at line 4, column 5, "}" at line 9, column 5 (end exclusive: 6)
    assert.deepEqual(
      failed.map((r: any) => [r.ruleId, r.level, r.line, r.column, r.endLine, r.endColumn, r.message]),
      [['aa/check-access-not-granted', 'error', 4, 5, 9, 6, 'check-access-not-granted: One or more of the listed actions in statement 0 can be performed by the policy.']],
    );
    const byPath = new Map(fake.received.map((r) => [r.path, r.body]));
    assert.deepEqual(byPath.get('/policy/check-access-not-granted'), { policyDocument: ROLE, policyType: 'IDENTITY_POLICY', access: [{ actions: ['s3:GetObject'] }] });
    assert.deepEqual(byPath.get('/policy/check-no-new-access'), { newPolicyDocument: ROLE, existingPolicyDocument: reference, policyType: 'IDENTITY_POLICY' });
  });

  it('exits 2 before any call when the reference policy cannot be read', async () => {
    const dir = folder({ 'role.json': ROLE, 'iamscope.config.json': '{"accessAnalyzer":{"checkNoNewAccess":{"reference":"missing.json"}}}' });
    const { code, stderr } = await runCliAsync(['scan', 'role.json', '--access-analyzer'], { cwd: dir, env: env() });
    assert.equal(code, 2);
    assert.match(stderr, /^iamscope: invalid configuration: .*\/accessAnalyzer\/checkNoNewAccess\/reference.*cannot read missing\.json: ENOENT\.\n$/);
    assert.equal(fake.received.length, 0);
  });

  it('never imports the SDK nor opens a socket without the flag', async () => {
    const dir = folder({ 'role.json': ROLE });
    const hook = join(dir, 'no-aws.mjs');
    const resolveHook = `export async function resolve(specifier, context, next) { if (specifier.startsWith('@aws-sdk/')) throw new Error('SDK imported: ' + specifier); return next(specifier, context); }`;
    writeFileSync(
      hook,
      [
        "import { register } from 'node:module';",
        "import net from 'node:net';",
        `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(resolveHook)}));`,
        'const connect = net.Socket.prototype.connect;',
        "net.Socket.prototype.connect = function (...args) { process.stderr.write('socket opened\\n'); return connect.apply(this, args); };",
      ].join('\n'),
    );
    const nodeArgs = ['--import', hook];
    const offline = await runCliAsync(['scan', 'role.json'], { cwd: dir, env: env(), nodeArgs });
    assert.equal(offline.stderr, '');
    assert.equal(offline.code, 0, 'warnings and notes only');
    assert.match(offline.stdout, /2 problems \(0 errors, 1 warning, 1 note\)/);
    // the same hook does catch the SDK when the flag asks for it
    const online = await runCliAsync(['scan', 'role.json', '--access-analyzer'], { cwd: dir, env: env(), nodeArgs });
    assert.equal(online.code, 2);
    assert.match(online.stderr, /SDK imported: @aws-sdk\/client-accessanalyzer/);
    assert.equal(fake.received.length, 0);
  });
});

describe('wholeFileSubmission', () => {
  it('submits a file without its byte-order mark and maps offsets back past it', () => {
    const text = '\uFEFF{\n  "Sid": ""\n}';
    const submitted = wholeFileSubmission(text);
    assert.equal(submitted.text, '{\n  "Sid": ""\n}');
    // "" is at offset 11 of the submitted text (2 + 9): offset 12 of the file, line 2, column 10
    assert.deepEqual(sourceLocation(submitted, 11, 13), { start: { line: 2, column: 10, offset: 12 }, end: { line: 2, column: 12, offset: 14 } });
  });
});
