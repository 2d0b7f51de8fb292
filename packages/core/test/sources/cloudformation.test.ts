import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseJson } from '../../src/json/parse.js';
import { buildPolicy } from '../../src/policy/build.js';
import type { PolicyNode } from '../../src/policy/nodes.js';
import { isCloudFormationTemplate, readCloudFormationJson, readCloudFormationYaml } from '../../src/sources/cloudformation/index.js';
import type { SourceFile } from '../../src/sources/types.js';
import type { SourceLocation } from '../../src/source/location.js';

// Expected positions are counted by hand in the fixtures (line numbers from the file, columns from
// the indentation and the lengths of the keys before the value).
const ROOT = new URL('../../../../', import.meta.url);

function readFixture(path: string): SourceFile {
  const text = readFileSync(new URL(path, ROOT), 'utf8');
  if (/\.ya?ml$/.test(path)) return readCloudFormationYaml(text, path);
  const parsed = parseJson(text);
  assert.ok(parsed.ok, 'the fixture is valid JSON');
  return readCloudFormationJson(parsed.document, text, path);
}

/** Line and column of start and end, e.g. `"18:43-18:49"`. */
function span(loc: SourceLocation): string {
  return `${loc.start.line}:${loc.start.column}-${loc.end.line}:${loc.end.column}`;
}

function build(source: SourceFile, path: string): PolicyNode {
  const extracted = source.policies.find((p) => p.path === path);
  assert.ok(extracted, `no policy at ${path}; found ${source.policies.map((p) => p.path).join(', ')}`);
  return buildPolicy(extracted.object, { file: source.file, policyType: extracted.policyType, policyTypeInferred: false });
}

const TRAINING = 'fixtures/cloudformation/good/sagemaker-training-role.yaml';
const BROAD = 'fixtures/cloudformation/bad/overly-broad-role.yaml';
const PUBLIC = 'fixtures/cloudformation/bad/public-resource-policies.yaml';
const CDK = 'fixtures/cdk/cdk.out/MlTrainingStack.template.json';

describe('CloudFormation reader: YAML template with a role, its boundary and inline policies', () => {
  const source = readFixture(TRAINING);
  const role = `cfn:${TRAINING}#TrainingRole`;
  const boundary = `cfn:${TRAINING}#Boundary`;

  it('finds the boundary policy, the trust policy and the inline policy with their types, refs and owners', () => {
    assert.equal(source.format, 'cloudformation');
    assert.deepEqual(source.errors, []);
    assert.deepEqual(
      source.policies.map((p) => [p.path, p.policyType, p.refs, p.owner]),
      [
        ['Resources.Boundary.Properties.PolicyDocument', 'identity', [boundary, 'name:policy/ml-boundary'], undefined],
        ['Resources.TrainingRole.Properties.AssumeRolePolicyDocument', 'trust', undefined, role],
        ['Resources.TrainingRole.Properties.Policies[0].PolicyDocument', 'identity', undefined, role],
      ],
    );
  });

  it('declares the role with its literal name and its boundary by reference, at the !Ref', () => {
    assert.equal(source.principals.length, 1);
    const decl = source.principals[0]!;
    assert.equal(decl.kind, 'role');
    assert.deepEqual(decl.refs, [role, 'name:role/ml-exec-training']);
    assert.equal(decl.name, 'ml-exec-training');
    assert.equal(span(decl.loc), '26:3-26:15');
    assert.equal(decl.boundary?.ref, boundary);
    assert.equal(span(decl.boundary!.loc), '30:28-30:41');
    assert.deepEqual(source.attachments, []);
  });

  it('locates the items of a flow sequence', () => {
    const policy = build(source, 'Resources.Boundary.Properties.PolicyDocument');
    const item = policy.statements[0]!.action!.items[1]!;
    assert.equal(item.value, 's3:PutObject');
    assert.equal(span(item.loc), '20:36-20:48');
  });

  it('resolves !Sub with a parameter default and AWS::Partition, located at the tagged scalar', () => {
    const policy = build(source, 'Resources.TrainingRole.Properties.Policies[0].PolicyDocument');
    const [bucket, objects] = policy.statements[0]!.resource!.items;
    assert.equal(bucket!.value, 'arn:aws:s3:::ml-data-lake-prod');
    assert.equal(span(bucket!.loc), '52:21-52:66');
    assert.equal(objects!.value, 'arn:aws:s3:::ml-data-lake-prod/*');
    assert.equal(span(objects!.loc), '53:21-53:70');
  });

  it('resolves !Join with a nested !Ref, located at the !Join', () => {
    const policy = build(source, 'Resources.TrainingRole.Properties.Policies[0].PolicyDocument');
    const item = policy.statements[1]!.resource!.items[0]!;
    assert.equal(item.value, 'arn:aws:s3:::ml-artifacts-prod/models/*');
    assert.equal(item.loc.start.line, 57);
    assert.equal(item.loc.start.column, 27);
  });

  it('writes the stack account and region as placeholders', () => {
    const policy = build(source, 'Resources.TrainingRole.Properties.Policies[0].PolicyDocument');
    assert.equal(
      policy.statements[2]!.resource!.items[0]!.value,
      'arn:aws:logs:${unresolved:AWS::Region}:${unresolved:AWS::AccountId}:log-group:/aws/sagemaker/*',
    );
  });

  it('locates the trust policy principal, the condition key and the !Ref condition value', () => {
    const trust = build(source, 'Resources.TrainingRole.Properties.AssumeRolePolicyDocument');
    assert.equal(trust.version?.value, '2012-10-17', 'an unquoted 2012-10-17 stays a string (YAML 1.2 core schema)');
    const statement = trust.statements[0]!;
    assert.equal(statement.principal!.values[0]!.value, 'sagemaker.amazonaws.com');
    assert.equal(span(statement.principal!.values[0]!.loc), '36:24-36:47');
    const key = statement.condition!.operators[0]!.keys[0]!;
    assert.equal(key.key, 'aws:SourceAccount');
    assert.equal(span(key.loc), '40:17-40:34');
    assert.equal(key.values[0]!.value, '${unresolved:AWS::AccountId}');
    assert.equal(span(key.values[0]!.loc), '40:36-40:55');
  });
});

describe('CloudFormation reader: the bad role template', () => {
  const source = readFixture(BROAD);

  it('keeps an unquoted 2008-10-17 as the string the invalid-version rule reads', () => {
    const policy = build(source, 'Resources.Boundary.Properties.PolicyDocument');
    assert.equal(policy.version?.value, '2008-10-17');
    assert.equal(span(policy.version!.loc), '16:18-16:28');
  });

  it('locates the trust policy Principal "*"', () => {
    const trust = build(source, 'Resources.TrainingRole.Properties.AssumeRolePolicyDocument');
    assert.equal(trust.statements[0]!.principal!.wildcard, true);
    assert.equal(span(trust.statements[0]!.principal!.loc), '29:24-29:27');
  });

  it('resolves a !Sub-built "*" bucket ARN at the !Sub', () => {
    const policy = build(source, 'Resources.TrainingRole.Properties.Policies[0].PolicyDocument');
    const item = policy.statements[0]!.resource!.items[0]!;
    assert.equal(item.value, 'arn:aws:s3:::*');
    assert.equal(span(item.loc), '39:27-39:60');
  });

  it('takes both branches of an !If action item, without AWS::NoValue, at the branch', () => {
    const policy = build(source, 'Resources.TrainingRole.Properties.Policies[0].PolicyDocument');
    const items = policy.statements[1]!.action!.items;
    assert.deepEqual(items.map((i) => i.value), ['iam:PassRole', 's3:GetObjct', 's3:DeleteObject']);
    assert.equal(span(items[2]!.loc), '45:34-45:49');
  });

  it('resolves a parameter with a default and leaves one without a default unknown', () => {
    const policy = build(source, 'Resources.TrainingRole.Properties.Policies[0].PolicyDocument');
    const [known, unknown] = policy.statements[2]!.resource!.items;
    assert.equal(known!.value, 'arn:aws:s3:::ml-data-lake-prod/*');
    assert.equal(unknown!.value, 'arn:aws:s3:::${unresolved:Ref:ScratchBucket}/*');
    assert.equal(span(unknown!.loc), '52:21-52:57');
  });

  it('reports malformed YAML as an error with its position and reads no policy', () => {
    const malformed = readFixture('fixtures/cloudformation/bad/malformed.yaml');
    assert.equal(malformed.format, 'cloudformation');
    assert.deepEqual(malformed.policies, []);
    assert.equal(malformed.errors.length, 1, 'one error per position');
    assert.equal(malformed.errors[0]!.message, 'Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ].');
    assert.equal(malformed.errors[0]!.loc.start.line, 7);
    assert.equal(malformed.errors[0]!.loc.start.column, 7);
  });
});

describe('CloudFormation reader: policies written as JSON text', () => {
  const source = readFixture(PUBLIC);

  it('reads the ECR policy of a literal block scalar with positions in the YAML file', () => {
    const policy = build(source, 'Resources.Images.Properties.RepositoryPolicyText');
    const statement = policy.statements[0]!;
    assert.equal(statement.principal!.values[0]!.value, '*');
    assert.equal(span(statement.principal!.loc), '14:26-14:29');
    assert.equal(statement.action!.items[1]!.value, 'ecr:GetDownloadUrlForLayer');
    assert.equal(span(statement.action!.items[1]!.loc), '15:45-15:73');
  });

  it('reads an !Sub whose template is JSON text, substituting in each string at its place', () => {
    const policy = build(source, 'Resources.DeliveryPolicy.Properties.PolicyDocument');
    const statement = policy.statements[0]!;
    assert.equal(span(statement.principal!.values[0]!.loc), '22:110-22:113');
    const resource = statement.resource!.items[0]!;
    assert.equal(resource.value, 'arn:aws:logs:${unresolved:AWS::Region}:${unresolved:AWS::AccountId}:log-group:/ml/*');
    assert.equal(resource.loc.start.line, 22);
    assert.equal(resource.loc.start.column, 159);
  });

  it('types resource policies as resource and builds the ARN of a queue with a generated name', () => {
    assert.deepEqual(source.policies.map((p) => p.policyType), ['resource', 'resource', 'resource']);
    const policy = build(source, 'Resources.QueuePolicy.Properties.PolicyDocument');
    const item = policy.statements[0]!.resource!.items[0]!;
    assert.equal(item.value, 'arn:aws:sqs:${unresolved:AWS::Region}:${unresolved:AWS::AccountId}:${unresolved:Ref:Queue}');
    assert.equal(span(item.loc), '35:23-35:40');
  });

  it('reports invalid JSON text at its place in the block scalar', () => {
    const broken = readFixture('fixtures/cloudformation/bad/broken-policy-text.yaml');
    assert.deepEqual(broken.policies, []);
    assert.equal(broken.errors.length, 1);
    assert.equal(broken.errors[0]!.message, 'Invalid JSON in the policy text at Resources.Images.Properties.RepositoryPolicyText: Unexpected trailing comma before "}".');
    assert.equal(span(broken.errors[0]!.loc), '9:80-9:80');
  });

  it('maps escapes of a JSON string property to the characters of the template', () => {
    const json = readFixture('fixtures/cloudformation/good/resource-policies.json');
    const policy = build(json, 'Resources.Images.Properties.RepositoryPolicyText');
    const sid = policy.statements[0]!.sid!;
    assert.equal(sid.value, 'Pull');
    assert.equal(span(sid.loc), '31:90-31:98');
  });
});

describe('CloudFormation reader: JSON templates and CDK output', () => {
  it('resolves Fn::Sub with a variable map over Fn::FindInMap, and Fn::Join over AWS::Partition', () => {
    const source = readFixture('fixtures/cloudformation/good/resource-policies.json');
    const policy = build(source, 'Resources.DataLakePolicy.Properties.PolicyDocument');
    const statement = policy.statements[0]!;
    assert.equal(statement.principal!.values[0]!.value, 'arn:aws:iam::111122223333:role/ml-exec-training');
    assert.equal(statement.principal!.values[0]!.loc.start.line, 19);
    assert.equal(statement.resource!.items[0]!.value, 'arn:aws:s3:::ml-data-lake-prod/*');
    assert.equal(statement.resource!.items[0]!.loc.start.line, 21);
    assert.equal(statement.resource!.items[0]!.loc.start.column, 27);
  });

  it('sets the CDK construct path on policies and principals and reads Roles as attachments', () => {
    const source = readFixture(CDK);
    const role = `cfn:${CDK}#TrainingRole6A2BD5D3`;
    const policy = `cfn:${CDK}#TrainingRoleDefaultPolicy5B2F9F34`;
    assert.deepEqual(
      source.policies.map((p) => [p.path, p.policyType, p.cdkPath]),
      [
        ['Resources.TrainingRole6A2BD5D3.Properties.AssumeRolePolicyDocument', 'trust', 'MlTrainingStack/TrainingRole/Resource'],
        ['Resources.TrainingRoleDefaultPolicy5B2F9F34.Properties.PolicyDocument', 'identity', 'MlTrainingStack/TrainingRole/DefaultPolicy/Resource'],
      ],
    );
    assert.equal(source.principals[0]!.cdkPath, 'MlTrainingStack/TrainingRole/Resource');
    assert.deepEqual(source.principals[0]!.refs, [role, 'name:role/ml-exec-training-cdk']);
    assert.deepEqual(source.attachments.map((a) => [a.policy, a.principal, span(a.loc)]), [[policy, role, '68:6-70:7']]);
  });

  it('computes Fn::GetAtt Arn of a bucket with a literal BucketName, and locates an Fn::Join at its object', () => {
    const source = readFixture(CDK);
    const policy = build(source, 'Resources.TrainingRoleDefaultPolicy5B2F9F34.Properties.PolicyDocument');
    const [bucket, objects] = policy.statements[0]!.resource!.items;
    assert.equal(bucket!.value, 'arn:aws:s3:::ml-data-lake-cdk');
    assert.equal(span(bucket!.loc), '36:9-41:10');
    assert.equal(objects!.value, 'arn:aws:s3:::ml-data-lake-cdk/*');
    assert.equal(span(objects!.loc), '42:9-55:10');
  });

  it('tells templates from other JSON', () => {
    const body = (text: string) => {
      const parsed = parseJson(text);
      assert.ok(parsed.ok);
      return parsed.document.body;
    };
    assert.equal(isCloudFormationTemplate(body('{"AWSTemplateFormatVersion":"2010-09-09"}')), true);
    assert.equal(isCloudFormationTemplate(body('{"Resources":{"F":{"Type":"AWS::Serverless::Function"}}}')), true);
    assert.equal(isCloudFormationTemplate(body('{"Resources":{"F":{"Type":"Custom::Thing"}}}')), false);
    assert.equal(isCloudFormationTemplate(body('{"Version":"2012-10-17","Statement":[]}')), false);
  });

  it('gives no format, policies or errors for a YAML file that is not a template', () => {
    const workflow = readCloudFormationYaml('on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n', '.github/workflows/ci.yml');
    assert.deepEqual(workflow, { file: '.github/workflows/ci.yml', policies: [], principals: [], attachments: [], errors: [] });
  });
});
