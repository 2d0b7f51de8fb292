import assert from 'node:assert/strict';
import { buildPolicy } from '../../src/policy/build.js';
import { loadTerraformParser, readTerraformModule } from '../../src/sources/terraform/index.js';
import type { SourceFile } from '../../src/sources/types.js';

// Issue #6 trial fixes in the Terraform reader: nesting limit, placeholder descriptions, functions
// and conditionals, templatefile() rendering, syntax-error messages. Positions counted by hand.

function read(text: string, referenced: Record<string, string> = {}): SourceFile[] {
  return readTerraformModule([{ text, file: 'm/main.tf' }], (path) => referenced[path]);
}

/** `line:column message` of each error of a file. */
function errors(file: SourceFile): string[] {
  return file.errors.map((e) => `${e.loc.start.line}:${e.loc.start.column} ${e.message}`);
}

/** Action and Resource values of every statement of a file's first policy. */
function elements(file: SourceFile): { action: (string | null)[]; resource: (string | null)[] }[] {
  const policy = buildPolicy(file.policies[0]!.object, { file: file.file, policyType: 'identity', policyTypeInferred: false });
  return policy.statements.map((s) => ({ action: s.action?.items.map((i) => i.value) ?? [], resource: s.resource?.items.map((i) => i.value) ?? [] }));
}

/** A module with one policy whose statement has the given HCL Action and Resource expressions. */
function statement(action: string, resource: string, before = ''): string {
  return `${before}resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ${action}, Resource = ${resource} }] })\n}\n`;
}

describe('readTerraformModule: nesting limit', () => {
  before(() => loadTerraformParser());

  it('reports a value nested 300 levels deep at the 257th level and still reads the policy and the rest of the module', () => {
    // line 2 is `  policy = jsonencode(` (22 characters) then `{a = ` x300: level k opens at column 23 + 5(k-1)
    const text = `resource "aws_iam_policy" "d" {\n  policy = jsonencode(${'{a = '.repeat(300)}1${'}'.repeat(300)})\n}\nresource "aws_iam_policy" "ok" {\n  policy = jsonencode({ Statement = [] })\n}\n`;
    const [file] = read(text);
    assert.deepEqual(errors(file!), [`2:${23 + 5 * 256} Invalid HCL: nested deeper than 256 levels.`]);
    assert.equal(file!.policies.length, 2);
  });

  it('reads 100,000 balanced [ in an Action without exhausting the stack', () => {
    const prefix = '  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ';
    const text = `resource "aws_iam_policy" "d" {\n${prefix}${'['.repeat(100_000)}"s3:GetObject"${']'.repeat(100_000)}, Resource = "*" }] })\n}\n`;
    const [file] = read(text);
    // the document's levels: object 1, Statement 2, statement 3, then the k-th [ is level 3 + k; level 257 is k = 254
    assert.deepEqual(errors(file!), [`2:${prefix.length + 254} Invalid HCL: nested deeper than 256 levels.`]);
    assert.equal(file!.policies.length, 1);
  });

  it('reports 100,000 unclosed [ at the last one, where the closing } shows it is unclosed', () => {
    const text = `resource "aws_iam_policy" "d" {\n  policy = jsonencode(${'['.repeat(100_000)}\n}\n`;
    const [file] = read(text);
    // `  policy = jsonencode(` is 22 characters: the last [ is at column 22 + 100000; the } at 3:1
    assert.deepEqual(errors(file!), [`2:${22 + 100_000} Invalid HCL: unclosed "[": expected "]" by 3:1`]);
  });

  it('stops following a chain of 3,000 locals', () => {
    const locals = Array.from({ length: 3000 }, (_, i) => `  a${i} = local.a${i + 1}`).join('\n');
    const text = `locals {\n${locals}\n  a3000 = "{}"\n}\nresource "aws_iam_policy" "d" {\n  policy = local.a0\n}\n`;
    const [file] = read(text);
    // levels: the argument's local.a0 is 1, the definition of a<j> (line j + 2) is j + 2; 258 > 257 is a256 on line 258,
    // its value `local.a257` at column 10 (after `  a256 = `)
    assert.deepEqual(errors(file!), ['258:10 Invalid HCL: nested deeper than 256 levels.']);
    assert.equal(file!.policies.length, 0);
  });
});

describe('readTerraformModule: unknown values, functions and conditionals', () => {
  before(() => loadTerraformParser());

  it('names unknown values by a short description made of [A-Za-z0-9_.:/-] only', () => {
    const text = statement(
      '["s3:GetObject"]',
      '[[for b in local.buckets : "arn:aws:s3:::${b}/*"], aws_kms_key.k.arn, "${data.aws_s3_bucket.shared.arn}/*", "arn:aws:s3:::${var.x == "a" ? "b" : "c"},x", aws_iam_role.r[0].arn, md5("x")]',
      'locals {\n  buckets = var.names\n}\n',
    );
    const [file] = read(text);
    assert.deepEqual(elements(file!)[0]!.resource, [
      '${unresolved:for-expression}',
      '${unresolved:aws_kms_key.k.arn}',
      '${unresolved:data.aws_s3_bucket.shared.arn}/*',
      'arn:aws:s3:::${unresolved:conditional},x',
      '${unresolved:aws_iam_role.r.arn}',
      '${unresolved:md5-call}',
    ]);
  });

  it('evaluates format, join, lower, upper and replace of known arguments', () => {
    const text = statement(
      '[lower("S3:GetObject"), upper("s3:putobject"), replace("s3:ListBucketX", "X", "")]',
      '[format("arn:aws:s3:::%s/%d%%", "finance", 7), join("", ["arn:aws:s3:::", "a", "/*"]), format("arn:aws:s3:::%s", var.b), format("%v", "x")]',
    );
    const [file] = read(text);
    assert.deepEqual(elements(file!)[0], {
      action: ['s3:getobject', 'S3:PUTOBJECT', 's3:ListBucket'],
      resource: ['arn:aws:s3:::finance/7%', 'arn:aws:s3:::a/*', 'arn:aws:s3:::${unresolved:var.b}', '${unresolved:format-call}'],
    });
  });

  it('takes the branch of a known condition, and both branches of an unknown one in Action and Resource', () => {
    const variables = 'variable "prod" {\n  default = true\n}\n';
    const text = statement('var.on ? ["s3:GetObject"] : ["s3:PutObject", "s3:DeleteObject"]', '["arn:aws:s3:::a", var.prod ? "arn:aws:s3:::p" : "arn:aws:s3:::q", var.x ? "arn:aws:s3:::x" : "arn:aws:s3:::y"]', variables);
    const [file] = read(text);
    assert.deepEqual(elements(file!)[0], {
      action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resource: ['arn:aws:s3:::a', 'arn:aws:s3:::p', 'arn:aws:s3:::x', 'arn:aws:s3:::y'],
    });
  });

  it('takes both branches of an unknown condition in aws_iam_policy_document lists', () => {
    const text = [
      'data "aws_iam_policy_document" "d" {',
      '  statement {',
      '    actions   = var.write ? ["s3:PutObject"] : ["s3:GetObject"]',
      '    resources = ["*"]',
      '  }',
      '}',
      'resource "aws_iam_policy" "p" {',
      '  policy = data.aws_iam_policy_document.d.json',
      '}',
      '',
    ].join('\n');
    const [file] = read(text);
    assert.deepEqual(elements(file!)[0]!.action, ['s3:PutObject', 's3:GetObject']);
  });
});

describe('readTerraformModule: templatefile()', () => {
  before(() => loadTerraformParser());
  const call = (vars: string) => `resource "aws_iam_policy" "t" {\n  policy = templatefile("\${path.module}/p.tftpl", ${vars})\n}\n`;

  it('substitutes literal variables, reads $${ and %%{ as literal text and quotes an unknown value outside a string', () => {
    const template = '{"Statement": [{"Effect": "Allow", "Action": ${actions}, "Resource": "arn:aws:s3:::${bucket}/$${aws:username}/%%{x}"}]}';
    const [, referenced] = read(call('{ bucket = "ml-data" }'), { 'm/p.tftpl': template });
    assert.equal(referenced!.file, 'm/p.tftpl');
    assert.deepEqual(elements(referenced!)[0], { action: ['${unresolved:actions}'], resource: ['arn:aws:s3:::ml-data/${aws:username}/%{x}'] });
  });

  it('leaves a template with %{ } directives unread, without an error', () => {
    const template = '{"Statement": [%{ for b in buckets }{"Effect": "Allow", "Action": "s3:*", "Resource": "${b}"}%{ endfor }]}';
    const sources = read(call('{ buckets = ["a"] }'), { 'm/p.tftpl': template });
    assert.deepEqual(sources.map((s) => [s.file, s.policies.length, s.errors.length]), [['m/main.tf', 0, 0], ['m/p.tftpl', 0, 0]]);
  });
});

describe('readTerraformModule: syntax-error messages', () => {
  before(() => loadTerraformParser());

  it('reports an unclosed [ at the [ itself', () => {
    const text = [
      'resource "aws_iam_policy" "broken" {',
      '  policy = jsonencode({',
      '    Statement = [{ Effect = "Allow", Action = "logs:*", Resource = "*" }',
      '  })',
      '}',
      '',
    ].join('\n');
    // `    Statement = ` is 16 characters: the [ is at 3:17; the } that ends it early at 4:3
    assert.deepEqual(errors(read(text)[0]!), ['3:17 Invalid HCL: unclosed "[": expected "]" by 4:3']);
  });

  it('reports an unterminated heredoc at its <<EOF', () => {
    const text = 'resource "aws_iam_policy" "h" {\n  policy = <<EOF\n{"Statement": []}\n';
    const [file] = read(text);
    assert.deepEqual(errors(file!), ['2:12 Invalid HCL: unterminated heredoc: no closing "EOF" line']);
    // the location spans `<<EOF`
    assert.equal(file!.errors[0]!.loc.end.column, 17);
  });

  it('reports a string left open at the end of its line as unterminated', () => {
    const text = 'resource "aws_iam_policy" "s" {\n  name   = "ml-s\n  policy = "{}"\n}\n';
    assert.deepEqual(errors(read(text)[0]!), ['2:12 Invalid HCL: unterminated string (a quoted string cannot span lines)']);
  });

  it('does not repeat "Invalid JSON" in the message of a policy that is not valid JSON', () => {
    const text = 'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{"Statement": [1,]}\nEOF\n}\n';
    // `{"Statement": [1,` is 17 characters: the trailing comma is at 3:17
    assert.deepEqual(errors(read(text)[0]!), ['3:17 Invalid JSON in policy: Unexpected trailing comma before "]".']);
  });
});
