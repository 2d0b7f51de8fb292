import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { ValueNode } from '@humanwhocodes/momoa';
import { buildPolicy, lastMember } from '../../src/policy/build.js';
import type { SourceLocation } from '../../src/source/location.js';
import { loadTerraformParser, readTerraformModule } from '../../src/sources/terraform/index.js';
import type { ExtractedPolicy, SourceFile } from '../../src/sources/types.js';

// Expected positions are counted by hand in the fixtures and in the inline texts below.
const ROOT = new URL('../../../../', import.meta.url);

function readRoot(path: string): string | undefined {
  try {
    return readFileSync(new URL(path, ROOT), 'utf8');
  } catch {
    return undefined;
  }
}

function readModule(dir: string): SourceFile[] {
  const files = readdirSync(new URL(dir, ROOT))
    .filter((name) => name.endsWith('.tf'))
    .sort()
    .map((name) => ({ file: `${dir}/${name}`, text: readRoot(`${dir}/${name}`)! }));
  return readTerraformModule(files, readRoot);
}

function readText(text: string, file = 'm/main.tf'): SourceFile {
  return readTerraformModule([{ text, file }], () => undefined)[0]!;
}

/** `line:column-line:column` of a location. */
function span(loc: SourceLocation): string {
  return `${loc.start.line}:${loc.start.column}-${loc.end.line}:${loc.end.column}`;
}

function source(sources: SourceFile[], file: string): SourceFile {
  const found = sources.find((s) => s.file === file);
  assert.ok(found, `a SourceFile for ${file}`);
  return found;
}

function policy(file: SourceFile, path: string): ExtractedPolicy {
  const found = file.policies.find((p) => p.path === path);
  assert.ok(found, `a policy at ${path} in ${file.file} (found ${file.policies.map((p) => p.path).join(', ')})`);
  return found;
}

function build(extracted: ExtractedPolicy, file: string) {
  return buildPolicy(extracted.object, { file, policyType: extracted.policyType, policyTypeInferred: false });
}

function stringValue(value: ValueNode | undefined): string | undefined {
  return value?.type === 'String' ? value.value : undefined;
}

describe('readTerraformModule: good module (fixtures/terraform/good/ml-exec)', () => {
  const dir = 'fixtures/terraform/good/ml-exec';
  let sources: SourceFile[];
  before(async () => {
    await loadTerraformParser();
    sources = readModule(dir);
  });

  it('returns one SourceFile per .tf file in input order, then the JSON file read with file()', () => {
    assert.deepEqual(
      sources.map((s) => [s.file, s.format]),
      [
        [`${dir}/main.tf`, 'terraform'],
        [`${dir}/policies.tf`, 'terraform'],
        [`${dir}/variables.tf`, 'terraform'],
        [`${dir}/ecr-pull.json`, 'terraform'],
      ],
    );
    assert.deepEqual(sources.flatMap((s) => s.errors), []);
  });

  it('reads the role with its literal name and its boundary declared in another file', () => {
    const main = source(sources, `${dir}/main.tf`);
    assert.equal(main.principals.length, 1);
    const role = main.principals[0]!;
    assert.equal(role.kind, 'role');
    assert.equal(role.name, 'ml-exec-training');
    assert.deepEqual(role.refs, [`tf:${dir}#aws_iam_role.training`, 'name:role/ml-exec-training']);
    assert.equal(span(role.loc), '1:1-1:35');
    assert.equal(role.boundary?.ref, `tf:${dir}#aws_iam_policy.boundary`);
    assert.equal(span(role.boundary!.loc), '4:26-4:53');
  });

  it('types the trust document by its use and locates it in the data block (principal, condition key, resolved variable)', () => {
    const trust = policy(source(sources, `${dir}/main.tf`), 'data.aws_iam_policy_document.trust (aws_iam_role.training.assume_role_policy)');
    assert.equal(trust.policyType, 'trust');
    assert.equal(trust.owner, `tf:${dir}#aws_iam_role.training`);
    const built = build(trust, `${dir}/main.tf`);
    assert.equal(built.version?.value, '2012-10-17');
    const statement = built.statements[0]!;
    assert.equal(statement.sid?.value, 'SageMakerAssume');
    assert.equal(statement.effect?.value, 'Allow');
    assert.equal(span(statement.effect!.loc), '8:3-8:12', 'the default Effect sits at the statement keyword');
    const principal = statement.principal!.values[0]!;
    assert.equal(principal.principalType, 'Service');
    assert.equal(principal.value, 'sagemaker.amazonaws.com');
    assert.equal(span(principal.loc), '13:22-13:47');
    const key = statement.condition!.operators[0]!.keys[0]!;
    assert.equal(statement.condition!.operators[0]!.operator, 'StringEquals');
    assert.equal(key.key, 'aws:SourceAccount');
    assert.equal(span(key.loc), '17:18-17:37');
    assert.equal(key.values[0]!.value, '123456789012', 'the default of var.account_id (variables.tf)');
    assert.equal(span(key.values[0]!.loc), '18:19-18:33');
  });

  it('reads jsonencode with keys at the HCL keys and a variable default resolved inside an interpolation', () => {
    const policies = source(sources, `${dir}/policies.tf`);
    const dataRead = policy(policies, 'aws_iam_policy.data_read.policy');
    assert.equal(dataRead.policyType, 'identity');
    assert.deepEqual(dataRead.refs, [`tf:${dir}#aws_iam_policy.data_read`, 'name:policy/ml-exec-data-read']);
    const statement = build(dataRead, `${dir}/policies.tf`).statements[0]!;
    assert.deepEqual(statement.action!.items.map((i) => [i.value, span(i.loc)]), [
      ['s3:GetObject', '9:21-9:35'],
      ['s3:ListBucket', '9:37-9:52'],
    ]);
    assert.equal(span(statement.action!.member.name.loc), '9:9-9:15');
    assert.deepEqual(statement.resource!.items.map((i) => [i.value, span(i.loc)]), [
      ['arn:aws:s3:::ml-data-lake-raw', '10:21-10:54'],
      ['arn:aws:s3:::ml-data-lake-raw/*', '10:56-10:91'],
    ]);
  });

  it('resolves a data document used from another file, with a local interpolated', () => {
    const logs = policy(source(sources, `${dir}/policies.tf`), 'data.aws_iam_policy_document.logs (aws_iam_role_policy.logs.policy)');
    assert.equal(logs.policyType, 'identity');
    assert.equal(logs.owner, `tf:${dir}#aws_iam_role.training`);
    const resource = build(logs, `${dir}/policies.tf`).statements[0]!.resource!.items[0]!;
    assert.equal(resource.value, 'arn:aws:logs:*:*:log-group:/aws/sagemaker/TrainingJobs:*');
    assert.equal(span(resource.loc), '31:18-31:67');
  });

  it('parses a <<- heredoc with positions in the .tf file', () => {
    const boundary = policy(source(sources, `${dir}/policies.tf`), 'aws_iam_policy.boundary.policy');
    assert.deepEqual(boundary.refs, [`tf:${dir}#aws_iam_policy.boundary`, 'name:policy/ml-boundary']);
    const statement = build(boundary, `${dir}/policies.tf`).statements[0]!;
    assert.deepEqual(statement.action!.items.map((i) => span(i.loc)), ['44:22-44:28', '44:30-44:38', '44:40-44:59']);
    assert.equal(span(statement.resource!.items[0]!.loc), '45:23-45:26');
  });

  it('reports the attachment declared next to the policy, in policies.tf', () => {
    assert.deepEqual(
      source(sources, `${dir}/policies.tf`).attachments.map((a) => [a.policy, a.principal, span(a.loc)]),
      [[`tf:${dir}#aws_iam_policy.data_read`, `tf:${dir}#aws_iam_role.training`, '18:16-18:44']],
    );
  });

  it('reports a file("${path.module}/…") policy in the JSON file, located there', () => {
    const json = source(sources, `${dir}/ecr-pull.json`);
    const ecr = policy(json, 'aws_iam_role_policy.ecr.policy');
    assert.equal(ecr.owner, `tf:${dir}#aws_iam_role.training`);
    const statement = build(ecr, json.file).statements[0]!;
    assert.equal(span(statement.action!.items[0]!.loc), '7:18-7:37');
    assert.equal(statement.resource!.items[0]!.value, 'arn:aws:ecr:us-east-1:123456789012:repository/ml-training');
  });
});

describe('readTerraformModule: bad module (fixtures/terraform/bad/ml-exec)', () => {
  const dir = 'fixtures/terraform/bad/ml-exec';
  let sources: SourceFile[];
  before(async () => {
    await loadTerraformParser();
    sources = readModule(dir);
  });

  it('reports the malformed file with a position and still reads the rest of it', () => {
    const broken = source(sources, `${dir}/broken.tf`);
    assert.deepEqual(broken.errors.map((e) => [e.message, span(e.loc)]), [['Invalid HCL: unclosed "[": expected "]" by 6:3', '4:17-4:17']]);
    assert.deepEqual(broken.policies, [], 'the broken block is not read');
    assert.deepEqual(broken.principals.map((p) => [p.name, span(p.loc)]), [['analyst', '9:1-9:34']]);
  });

  it('turns principals type "*" into Principal "*" located at the identifier', () => {
    const trust = policy(source(sources, `${dir}/main.tf`), 'data.aws_iam_policy_document.anyone (aws_iam_role.open.assume_role_policy)');
    const principal = build(trust, `${dir}/main.tf`).statements[0]!.principal!;
    assert.equal(principal.wildcard, true);
    assert.equal(span(principal.values[0]!.loc), '11:22-11:25');
  });

  it('locates a misspelt action in jsonencode', () => {
    const wide = policy(source(sources, `${dir}/main.tf`), 'aws_iam_role_policy.wide.policy');
    assert.equal(wide.owner, `tf:${dir}#aws_iam_role.open`);
    const item = build(wide, `${dir}/main.tf`).statements[0]!.action!.items[1]!;
    assert.equal(item.value, 'sagemaker:CreateTrainingJobs');
    assert.equal(span(item.loc), '22:27-22:57');
  });

  it('writes var.bucket without default as a placeholder and translates &{…} and $${…} to IAM variables', () => {
    const pass = policy(source(sources, `${dir}/policies.tf`), 'data.aws_iam_policy_document.pass (aws_iam_policy.pass.policy)');
    const [passRole, own] = build(pass, `${dir}/policies.tf`).statements;
    assert.equal(passRole!.action!.items[0]!.value, 'iam:PassRole');
    assert.equal(own!.resource!.items[0]!.value, 'arn:aws:s3:::${unresolved:var.bucket}/home/${aws:username}/*');
    assert.equal(span(own!.resource!.items[0]!.loc), '10:18-10:69');
    const value = own!.condition!.operators[0]!.keys[0]!.values[0]!;
    assert.equal(value.value, 'home/${aws:username}/');
    assert.equal(span(value.loc), '14:19-14:43');
  });

  it('reads attachments to several roles, by reference and by literal name', () => {
    assert.deepEqual(
      source(sources, `${dir}/policies.tf`).attachments.map((a) => [a.policy, a.principal]),
      [
        [`tf:${dir}#aws_iam_policy.pass`, `tf:${dir}#aws_iam_role.open`],
        [`tf:${dir}#aws_iam_policy.pass`, 'name:role/legacy-ml-role'],
      ],
    );
  });

  it('reads a heredoc bucket policy (Version 2008-10-17, Principal "*") as a resource policy', () => {
    const bucket = policy(source(sources, `${dir}/policies.tf`), 'aws_s3_bucket_policy.public.policy');
    assert.equal(bucket.policyType, 'resource');
    const built = build(bucket, `${dir}/policies.tf`);
    assert.equal(built.version?.value, '2008-10-17');
    assert.equal(span(built.version!.loc), '34:14-34:26');
    assert.equal(span(built.statements[0]!.principal!.values[0]!.loc), '38:20-38:23');
    assert.equal(built.statements[0]!.resource!.items[0]!.value, 'arn:aws:s3:::${unresolved:var.bucket}/*');
  });

  it('maps a quoted JSON string with \\" escapes back to the .tf columns', () => {
    const queue = policy(source(sources, `${dir}/policies.tf`), 'aws_sqs_queue_policy.escaped.policy');
    const built = build(queue, `${dir}/policies.tf`);
    assert.equal(span(built.version!.member.name.loc), '49:17-49:28');
    assert.equal(span(built.version!.loc), '49:30-49:44');
    assert.equal(built.statements[0]!.principal!.values[0]!.principalType, 'AWS');
  });
});

describe('readTerraformModule: inline cases', () => {
  before(() => loadTerraformParser());

  it('reports a syntax error in heredoc JSON at its position in the .tf file', () => {
    const file = readText('resource "aws_iam_policy" "p" {\n  policy = <<EOT\n{\n  "Statement": [,]\n}\nEOT\n}\n');
    assert.deepEqual(file.policies, []);
    assert.equal(file.errors.length, 1);
    assert.match(file.errors[0]!.message, /^Invalid JSON in policy: /);
    assert.equal(span(file.errors[0]!.loc), '4:17-4:17');
  });

  it('reports an unterminated quoted string', () => {
    const file = readText('resource "aws_iam_user" "u" {\n  name = "open\n}\n');
    assert.equal(file.errors[0]!.message, 'Invalid HCL: unterminated string (a quoted string cannot span lines)');
    assert.equal(file.errors[0]!.loc.start.line, 2);
    assert.equal(file.errors[0]!.loc.start.column, 10);
  });

  it('merges source and override documents by Sid', () => {
    const text = [
      'data "aws_iam_policy_document" "base" {',
      '  statement {',
      '    sid     = "A"',
      '    actions = ["s3:GetObject"]',
      '  }',
      '}',
      'data "aws_iam_policy_document" "final" {',
      '  source_policy_documents = [data.aws_iam_policy_document.base.json]',
      '  statement {',
      '    sid     = "A"',
      '    actions = ["s3:PutObject"]',
      '  }',
      '  statement {',
      '    sid     = "B"',
      '    actions = ["s3:ListBucket"]',
      '  }',
      '}',
      'resource "aws_iam_user_policy" "p" {',
      '  user   = "analyst"',
      '  policy = data.aws_iam_policy_document.final.json',
      '}',
    ].join('\n');
    const file = readText(text);
    assert.deepEqual(file.policies.map((p) => [p.path, p.policyType, p.owner]), [
      ['data.aws_iam_policy_document.final (aws_iam_user_policy.p.policy)', 'identity', 'name:user/analyst'],
    ]);
    const statements = build(file.policies[0]!, 'm/main.tf').statements;
    assert.deepEqual(statements.map((s) => [s.sid?.value, s.action?.items[0]?.value, s.action?.items[0]?.loc.start.line]), [
      ['A', 's3:PutObject', 11],
      ['B', 's3:ListBucket', 15],
    ]);
  });

  it('keeps an unused data document as policy type unknown, and reads a local holding jsonencode', () => {
    const text = [
      'locals {',
      '  doc = jsonencode({ Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }] })',
      '}',
      'data "aws_iam_policy_document" "unused" {',
      '  statement {',
      '    actions = ["s3:*"]',
      '  }',
      '}',
      'resource "aws_kms_key" "k" {',
      '  policy = local.doc',
      '}',
    ].join('\n');
    const file = readText(text);
    assert.deepEqual(file.policies.map((p) => [p.path, p.policyType]), [
      ['aws_kms_key.k.policy', 'resource'],
      ['data.aws_iam_policy_document.unused', 'unknown'],
    ]);
    const effect = lastMember(build(file.policies[0]!, 'm/main.tf').statements[0]!.object!, 'Effect')!;
    assert.equal(stringValue(effect.value), 'Deny');
    assert.equal(span(effect.value.loc), '2:46-2:52');
  });

  it('reads managed_policy_arns, a literal boundary ARN and group memberships', () => {
    const text = [
      'resource "aws_iam_role" "r" {',
      '  name                 = "r"',
      '  assume_role_policy   = "{}"',
      '  managed_policy_arns  = ["arn:${data.aws_partition.current.partition}:iam::aws:policy/ReadOnlyAccess"]',
      '  permissions_boundary = "arn:aws:iam::${var.account}:policy/boundaries/ml-boundary"',
      '}',
      'resource "aws_iam_user" "u" {',
      '  name = "u"',
      '}',
      'resource "aws_iam_user_group_membership" "m" {',
      '  user   = aws_iam_user.u.name',
      '  groups = [aws_iam_group.g.name]',
      '}',
    ].join('\n');
    const file = readText(text);
    assert.deepEqual(file.attachments.map((a) => [a.policy, a.principal, span(a.loc)]), [
      ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'tf:m#aws_iam_role.r', '4:27-4:103'],
    ]);
    assert.equal(file.principals[0]!.boundary?.ref, 'name:policy/ml-boundary');
    assert.deepEqual(file.principals[1]!.groups?.map((g) => [g.ref, span(g.loc)]), [['tf:m#aws_iam_group.g', '12:13-12:33']]);
  });

  it('reads templatefile() with literal variables, located in the template file', () => {
    const template = '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${bucket}/${key}"}]}';
    const text = 'resource "aws_iam_policy" "t" {\n  policy = templatefile("${path.module}/p.json.tpl", { bucket = "ml-data" })\n}\n';
    const sources = readTerraformModule([{ text, file: 'm/main.tf' }], (path) => (path === 'm/p.json.tpl' ? template : undefined));
    assert.deepEqual(sources.map((s) => s.file), ['m/main.tf', 'm/p.json.tpl']);
    const resource = build(sources[1]!.policies[0]!, 'm/p.json.tpl').statements[0]!.resource!.items[0]!;
    assert.equal(resource.value, 'arn:aws:s3:::ml-data/${unresolved:key}');
    assert.equal(span(resource.loc), '1:74-1:105');
  });

  it('locates a list variable defined in another file at its use', () => {
    const variables = 'variable "actions" {\n  default = ["s3:GetObject", "s3:PutObject"]\n}\n';
    const main = 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = var.actions\n    resources = ["*"]\n  }\n}\n';
    const [mainFile] = readTerraformModule([{ text: main, file: 'm/main.tf' }, { text: variables, file: 'm/variables.tf' }], () => undefined);
    const items = build(mainFile!.policies[0]!, 'm/main.tf').statements[0]!.action!.items;
    assert.deepEqual(items.map((i) => [i.value, span(i.loc)]), [
      ['s3:GetObject', '3:17-3:28'],
      ['s3:PutObject', '3:17-3:28'],
    ]);
  });

  it('reads an empty module and an empty file to nothing', () => {
    assert.deepEqual(readTerraformModule([], () => undefined), []);
    assert.deepEqual(readText(''), { file: 'm/main.tf', format: 'terraform', policies: [], principals: [], attachments: [], errors: [] });
  });
});
