import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseJson } from '../../src/json/parse.js';
import { buildPolicy } from '../../src/policy/build.js';
import type { SourceLocation } from '../../src/source/location.js';
import { isTerraformPlan, readTerraformPlan } from '../../src/sources/terraform/index.js';
import type { ExtractedPolicy, SourceFile } from '../../src/sources/types.js';

// Expected positions are counted by hand in fixtures/terraform/plan/plan.json (policies are JSON
// strings there: positions are inside the string literal, escapes counted in the file's columns).
const FILE = 'fixtures/terraform/plan/plan.json';
const PLAN = new URL('../../../../fixtures/terraform/plan/plan.json', import.meta.url);

function read(text: string, file = FILE): SourceFile {
  const parsed = parseJson(text);
  assert.ok(parsed.ok, 'the test text is valid JSON');
  assert.equal(isTerraformPlan(parsed.document.body), true);
  return readTerraformPlan(parsed.document, text, file);
}

function span(loc: SourceLocation): string {
  return `${loc.start.line}:${loc.start.column}-${loc.end.line}:${loc.end.column}`;
}

function policy(file: SourceFile, path: string): ExtractedPolicy {
  const found = file.policies.find((p) => p.path === path);
  assert.ok(found, `a policy at ${path}`);
  return found;
}

function build(extracted: ExtractedPolicy) {
  return buildPolicy(extracted.object, { file: FILE, policyType: extracted.policyType, policyTypeInferred: false });
}

describe('readTerraformPlan (fixtures/terraform/plan/plan.json)', () => {
  let plan: SourceFile;
  before(() => {
    plan = read(readFileSync(PLAN, 'utf8'));
  });

  it('tells a plan from other JSON', () => {
    const other = parseJson('{"format_version": "1.0", "Statement": []}');
    assert.ok(other.ok);
    assert.equal(isTerraformPlan(other.document.body), false);
  });

  it('finds every policy with its type, owner and refs, child modules included', () => {
    assert.deepEqual(
      plan.policies.map((p) => [p.path, p.policyType, p.owner ?? null, p.refs ?? null]),
      [
        ['aws_iam_role.training.assume_role_policy', 'trust', `tf:${FILE}#aws_iam_role.training`, null],
        ['aws_iam_role.training.inline_policy[0].policy', 'identity', `tf:${FILE}#aws_iam_role.training`, null],
        ['aws_iam_policy.data_read.policy', 'identity', null, [`tf:${FILE}#aws_iam_policy.data_read`, 'name:policy/ml-exec-data-read']],
        ['module.artifacts.aws_s3_bucket_policy.this.policy', 'resource', null, null],
      ],
    );
    assert.equal(plan.format, 'terraform-plan');
    assert.deepEqual(plan.errors, []);
  });

  it('maps positions through \\" escapes into the string literal', () => {
    const trust = build(policy(plan, 'aws_iam_role.training.assume_role_policy'));
    assert.equal(span(trust.version!.member.name.loc), '15:37-15:48');
    assert.equal(span(trust.version!.loc), '15:49-15:63');
    const principal = trust.statements[0]!.principal!.values[0]!;
    assert.equal(principal.value, 'sagemaker.amazonaws.com');
    assert.equal(span(principal.loc), '15:128-15:155');
  });

  it('keeps positions on the plan line when the policy string holds \\n escapes', () => {
    const inline = build(policy(plan, 'aws_iam_role.training.inline_policy[0].policy'));
    assert.equal(span(inline.version!.member.name.loc), '21:33-21:44');
    assert.equal(inline.statements[0]!.action!.items[0]!.value, 'logs:PutLogEvents');
  });

  it('decodes a \\u escape and spans all six characters of it', () => {
    const bucket = build(policy(plan, 'module.artifacts.aws_s3_bucket_policy.this.policy'));
    const resource = bucket.statements[0]!.resource!.items[0]!;
    assert.equal(resource.value, 'arn:aws:s3:::ml-artifacts-prod/*');
    assert.equal(span(resource.loc), '72:154-72:195');
    assert.equal(bucket.statements[0]!.principal!.wildcard, true);
  });

  it('reads the role with its boundary, and attachments by literal ARN and by configuration reference', () => {
    assert.deepEqual(
      plan.principals.map((p) => [p.kind, p.name, p.refs, p.boundary?.ref, p.boundary && span(p.boundary.loc)]),
      [['role', 'ml-exec-training', [`tf:${FILE}#aws_iam_role.training`, 'name:role/ml-exec-training'], 'name:policy/ml-boundary', '17:37-17:83']],
    );
    assert.deepEqual(
      plan.attachments.map((a) => [a.policy, a.principal, a.loc.start.line]),
      [
        [`tf:${FILE}#aws_iam_policy.data_read`, 'name:role/ml-exec-training', 38],
        ['arn:aws:iam::aws:policy/AmazonSageMakerReadOnly', 'name:role/ml-exec-training', 55],
      ],
    );
  });

  it('reports invalid JSON inside a policy string at its position in the plan', () => {
    const text = [
      '{"format_version": "1.2", "planned_values": {"root_module": {"resources": [',
      '  {"address": "aws_iam_policy.p", "mode": "managed", "type": "aws_iam_policy", "name": "p",',
      '   "values": {"policy": "{\\"Statement\\": [}"}}',
      ']}}}',
    ].join('\n');
    const file = read(text, 'plan.json');
    assert.deepEqual(file.policies, []);
    assert.equal(file.errors.length, 1);
    assert.match(file.errors[0]!.message, /^Invalid JSON in policy: /);
    assert.equal(span(file.errors[0]!.loc), '3:43-3:43');
  });
});
