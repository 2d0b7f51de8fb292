import assert from 'node:assert/strict';
import type { ValueNode } from '@humanwhocodes/momoa';
import { readCloudFormationYaml } from '../../src/sources/cloudformation/index.js';
import type { SourceFile } from '../../src/sources/types.js';
import type { SourceLocation } from '../../src/source/location.js';

const FILE = 't.yaml';

/** The plain JSON value of a node (what the IAM layer reads), for comparing whole documents. */
function plain(node: ValueNode): unknown {
  if (node.type === 'Object') return Object.fromEntries(node.members.map((m) => [m.name.type === 'String' ? m.name.value : m.name.name, plain(m.value)]));
  if (node.type === 'Array') return node.elements.map((e) => plain(e.value));
  return node.type === 'Null' ? null : node.value;
}

function span(loc: SourceLocation): string {
  return `${loc.start.line}:${loc.start.column}-${loc.end.line}:${loc.end.column}`;
}

/** A template with one role whose inline policy has the given statement lines (indented 10 spaces). */
function roleTemplate(head: string, statement: string): string {
  return `${head}Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
${statement}`;
}

function inline(source: SourceFile): unknown {
  assert.deepEqual(source.errors, []);
  const policy = source.policies.find((p) => p.path === 'Resources.R.Properties.Policies[0].PolicyDocument');
  assert.ok(policy, 'the inline policy is read');
  return (plain(policy.object) as { Statement: unknown[] }).Statement[0];
}

describe('CloudFormation intrinsics', () => {
  it('splits a CommaDelimitedList default into list items and keeps SSM parameter defaults unknown', () => {
    const source = readCloudFormationYaml(
      roleTemplate(
        'Parameters:\n  Actions: {Type: CommaDelimitedList, Default: "s3:GetObject, s3:PutObject"}\n  Version: {Type: "AWS::SSM::Parameter::Value<String>", Default: /cdk/version}\n',
        '              - Effect: Allow\n                Action: !Ref Actions\n                Resource: !Sub "arn:aws:ssm:::parameter/${Version}"\n',
      ),
      FILE,
    );
    assert.deepEqual(inline(source), { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:ssm:::parameter/${unresolved:Ref:Version}' });
  });

  it('resolves AWS::URLSuffix, Fn::Select over Fn::Split, and keeps ${!…} as an IAM policy variable', () => {
    const source = readCloudFormationYaml(
      roleTemplate(
        '',
        '              - Effect: Allow\n                Principal: {Service: !Sub "sagemaker.${AWS::URLSuffix}"}\n' +
          '                Action: !Select [1, !Split [",", "s3:ListBucket,s3:GetObject"]]\n' +
          '                Resource: !Sub "arn:aws:s3:::ml-data-lake-home/${!aws:username}/*"\n',
      ),
      FILE,
    );
    assert.deepEqual(inline(source), {
      Effect: 'Allow',
      Principal: { Service: 'sagemaker.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::ml-data-lake-home/${aws:username}/*',
    });
  });

  it('drops AWS::NoValue members; Fn::If is a placeholder in NotAction, NotResource, Effect and negated condition operators', () => {
    const source = readCloudFormationYaml(
      roleTemplate(
        '',
        '              - Effect: !If [C, Allow, Deny]\n                Sid: !Ref AWS::NoValue\n' +
          '                NotAction: [!If [C, "iam:*", "s3:*"]]\n                NotResource: !If [C, "arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]\n' +
          '                Condition: {StringNotEquals: {aws:RequestedRegion: !If [C, eu-west-1, us-east-1]}, NotIpAddress: {aws:SourceIp: [!If [C, 10.0.0.0/8, 192.168.0.0/16]]}}\n',
      ),
      FILE,
    );
    assert.deepEqual(inline(source), {
      Effect: '${unresolved:Fn::If:C}',
      NotAction: ['${unresolved:Fn::If:C}'],
      NotResource: '${unresolved:Fn::If:C}',
      Condition: { StringNotEquals: { 'aws:RequestedRegion': '${unresolved:Fn::If:C}' }, NotIpAddress: { 'aws:SourceIp': ['${unresolved:Fn::If:C}'] } },
    });
  });

  it('takes both branches of an Fn::If that is the whole Action, Resource, principal or condition value, each at its branch', () => {
    const source = readCloudFormationYaml(
      roleTemplate(
        '',
        '              - Effect: Allow\n' +
          '                Principal: {AWS: !If [C, "arn:aws:iam::111122223333:root", !Ref AWS::NoValue]}\n' +
          '                Action: !If [C, s3:GetObject, [s3:PutObject, s3:DeleteObject]]\n' +
          '                Resource: !If [C, "arn:aws:s3:::prod/*", "arn:aws:s3:::scratch/*"]\n' +
          '                Condition: {StringEquals: {aws:RequestedRegion: !If [C, eu-west-1, [us-east-1]]}}\n',
      ),
      FILE,
    );
    assert.deepEqual(inline(source), {
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: ['arn:aws:s3:::prod/*', 'arn:aws:s3:::scratch/*'],
      Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } },
    });
    const statement = (source.policies[0]!.object.members[0]!.value as { elements: { value: ValueNode }[] }).elements[0]!.value;
    const resource = statement.type === 'Object' ? statement.members.find((m) => m.name.type === 'String' && m.name.value === 'Resource')!.value : undefined;
    assert.equal(resource?.type, 'Array');
    // line 12: 16 spaces, "Resource: " (cols 17-26), "!If [" from col 27, "C, " cols 32-34, the true branch at
    // cols 35-55 (21 characters with quotes), ", " then the false branch at cols 58-81
    assert.equal(span(resource.loc), '12:27-12:83');
    assert.deepEqual(resource.elements.map((e) => span(e.value.loc)), ['12:35-12:56', '12:58-12:82']);
  });

  it('reads the statements of both branches of an Fn::If that is the whole Statement, without AWS::NoValue', () => {
    const source = readCloudFormationYaml(
      `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: !If [C, [{Effect: Allow, Action: "s3:*", Resource: "*"}], !Ref AWS::NoValue]
`,
      FILE,
    );
    assert.deepEqual(source.errors, []);
    assert.deepEqual(plain(source.policies[0]!.object), { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    const statements = source.policies[0]!.object.members[0]!.value;
    // line 6: 8 spaces, "Statement: " (cols 9-19), "!If [C, [" from col 20; the statement's "{" at col 29,
    // 46 characters long ("{Effect: Allow, " 16, 'Action: "s3:*", ' 16, 'Resource: "*"}' 14), so it ends before col 75
    assert.equal(statements.type === 'Array' ? span(statements.elements[0]!.value.loc) : '', '6:29-6:75');
  });

  it('writes Fn::ImportValue, Fn::GetAtt with a nested attribute, and Fn::FindInMap with an unknown key as placeholders', () => {
    const source = readCloudFormationYaml(
      roleTemplate(
        'Mappings:\n  Buckets: {us-east-1: {Data: ml-data-lake-use1}}\n',
        '              - Effect: Allow\n                Action: s3:GetObject\n' +
          '                Resource: [!ImportValue SharedBucketArn, !GetAtt Db.Endpoint.Address, !FindInMap [Buckets, !Ref AWS::Region, Data]]\n',
      ),
      FILE,
    );
    assert.deepEqual(inline(source), {
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: ['${unresolved:ImportValue:SharedBucketArn}', '${unresolved:GetAtt:Db.Endpoint.Address}', '${unresolved:FindInMap:Buckets}'],
    });
  });

  it('computes Ref and Fn::GetAtt Arn of resources that set their name; a generated name (or one that refers to itself) is unknown', () => {
    const source = readCloudFormationYaml(
      `Resources:
  Data: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub "ml-data-lake-\${AWS::AccountId}"}}
  Runner: {Type: AWS::IAM::Role, Properties: {RoleName: ml-exec-runner, Path: /ml/}}
  Loop: {Type: AWS::S3::Bucket, Properties: {BucketName: !Ref Loop}}
  Anon: {Type: AWS::S3::Bucket}
` + roleTemplate('', '              - Effect: Allow\n                Action: [s3:GetObject, iam:PassRole]\n' +
        '                Resource: [!Sub "\${Data.Arn}/*", !GetAtt Runner.Arn, !Sub "arn:aws:s3:::\${Loop}", !Ref Anon, !GetAtt Anon.Arn]\n').replace('Resources:\n', ''),
      FILE,
    );
    assert.deepEqual((inline(source) as { Resource: string[] }).Resource, [
      'arn:aws:s3:::ml-data-lake-${unresolved:AWS::AccountId}/*',
      'arn:aws:iam::${unresolved:AWS::AccountId}:role/ml/ml-exec-runner',
      'arn:aws:s3:::${unresolved:Ref:Loop}',
      '${unresolved:Ref:Anon}',
      'arn:aws:s3:::${unresolved:Ref:Anon}',
    ]);
  });

  it('reads anchors, aliases and merge keys (explicit keys win) without duplicating members', () => {
    const source = readCloudFormationYaml(
      roleTemplate(
        '',
        '              - &read\n                Effect: Allow\n                Action: s3:GetObject\n                Resource: "*"\n' +
          '              - <<: *read\n                Action: s3:PutObject\n',
      ),
      FILE,
    );
    assert.deepEqual(source.errors, []);
    const statements = (plain(source.policies[0]!.object) as { Statement: unknown[] }).Statement;
    assert.deepEqual(statements[1], { Effect: 'Allow', Resource: '*', Action: 's3:PutObject' });
  });

  it('stops aliases that expand past the node limit with an error at the alias', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 6; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const source = readCloudFormationYaml(`${lines.join('\n')}\n`, FILE);
    assert.equal(source.errors.length, 1);
    assert.equal(source.errors[0]!.message, 'YAML aliases expand to more than 200000 nodes (an alias bomb?): this alias, and any later one that would pass the limit, is read as null.');
    assert.equal(source.errors[0]!.loc.start.line, 6);
  });

  it('refuses YAML nested deeper than 256 levels before parsing it, at the level past the limit', () => {
    const flow = readCloudFormationYaml(`a: ${'['.repeat(300)}${']'.repeat(300)}\n`, FILE);
    assert.deepEqual(flow.errors.map((e) => [e.message, span(e.loc)]), [['YAML nested deeper than 256 levels.', '1:259-1:259']]);
    const block = readCloudFormationYaml(`${'- '.repeat(300)}x\n`, FILE);
    assert.deepEqual(block.errors.map((e) => span(e.loc)), ['1:511-1:511']);
    const quoted = readCloudFormationYaml(`a: "${'['.repeat(300)}"\nb: [${'"[", '.repeat(300)}]\n`, FILE);
    assert.deepEqual(quoted.errors, [], 'brackets inside quoted scalars are text');
  });

  it('keeps duplicate keys in a policy for the duplicate-key rule (the last one wins, as in JSON)', () => {
    const source = readCloudFormationYaml(
      roleTemplate('', '              - Effect: Allow\n                Action: s3:GetObject\n                Action: s3:PutObject\n                Resource: "*"\n'),
      FILE,
    );
    assert.deepEqual(source.errors, []);
    const statement = (source.policies[0]!.object.members[0]!.value as { elements: { value: ValueNode }[] }).elements[0]!.value;
    assert.equal(statement.type, 'Object');
    assert.deepEqual(statement.members.map((m) => [m.name.type === 'String' && m.name.value, m.loc.start.line]), [['Effect', 9], ['Action', 10], ['Action', 11], ['Resource', 12]]);
  });

  it('reads the documents of a stream that are templates (not a second `Resources: {}`), and counts positions after a BOM and CRLF line ends', () => {
    const text = '\ufeffResources:\r\n  B:\r\n    Type: AWS::S3::BucketPolicy\r\n    Properties:\r\n      PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: "s3:GetObject"}]}\r\n---\r\nResources: {}\r\n';
    const source = readCloudFormationYaml(text, FILE);
    assert.equal(source.policies.length, 1);
    const statement = (plain(source.policies[0]!.object) as { Statement: unknown[] }).Statement[0];
    assert.deepEqual(statement, { Effect: 'Allow', Principal: '*', Action: 's3:GetObject' });
    const principal = source.policies[0]!.object.members[0]!.value;
    assert.equal(principal.type, 'Array');
    const member = principal.elements[0]!.value.type === 'Object' ? principal.elements[0]!.value.members[1]! : undefined;
    assert.equal(span(member!.value.loc), '5:63-5:66');
  });
});

describe('CloudFormation principals, attachments and other policy properties', () => {
  const text = `Parameters:
  TeamRole: {Type: String, Default: ml-scientist}
Conditions:
  Extra: !Equals [a, b]
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: [!Ref Role, !Ref TeamRole]
      Groups: [ml-admins]
      PolicyDocument: {Statement: [{Effect: Allow, Action: s3:ListBucket, Resource: "*"}]}
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub "ml-exec-\${AWS::Region}"
      PermissionsBoundary: !Sub "arn:\${AWS::Partition}:iam::\${AWS::AccountId}:policy/ml-boundary"
      ManagedPolicyArns:
        - !Ref Policy
        - !If [Extra, arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess, !Ref AWS::NoValue]
  Inline:
    Type: AWS::IAM::RolePolicy
    Properties:
      RoleName: !Ref Role
      PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
  Alice:
    Type: AWS::IAM::User
    Properties:
      Groups: [!Ref Team]
  Team:
    Type: AWS::IAM::Group
  AddAlice:
    Type: AWS::IAM::UserToGroupAddition
    Properties: {GroupName: ml-readers, Users: [!Ref Alice]}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AWSLambdaBasicExecutionRole
        - S3ReadPolicy: {BucketName: ml-data-lake-prod}
        - Statement: [{Effect: Allow, Action: sagemaker:InvokeEndpoint, Resource: "*"}]
  Bus:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: s
      Statement: {Effect: Allow, Principal: "*", Action: events:PutEvents, Resource: "*"}
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      ResourcePolicy:
        PolicyDocument: {Statement: [{Effect: Allow, Principal: "*", Action: dynamodb:GetItem, Resource: "*"}]}
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy: !If [Extra, {Statement: [{Effect: Allow, Principal: "*", Action: "kms:*", Resource: "*"}]}, !Ref AWS::NoValue]
  Broken:
    Type: AWS::SNS::TopicPolicy
    Properties:
      PolicyDocument: [not, a, document]
`;
  const source = readCloudFormationYaml(text, FILE);
  const ref = (id: string) => `cfn:${FILE}#${id}`;

  it('reads attachments from Roles/Groups lists (logical ids, parameter defaults, literal names) and ManagedPolicyArns', () => {
    assert.deepEqual(
      source.attachments.map((a) => [a.policy, a.principal, a.loc.start.line, a.loc.start.column]),
      [
        [ref('Policy'), ref('Role'), 9, 15],
        [ref('Policy'), 'name:role/ml-scientist', 9, 26],
        [ref('Policy'), 'name:group/ml-admins', 10, 16],
        [ref('Policy'), ref('Role'), 18, 11],
        ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', ref('Role'), 19, 23],
        ['arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole', ref('FnRole'), 38, 11],
      ],
    );
  });

  it('declares principals: a name with unknown parts is no name ref, a boundary ARN with a literal name is a name ref, groups from Groups and UserToGroupAddition', () => {
    assert.deepEqual(
      source.principals.map((p) => [p.kind, p.refs, p.name, p.boundary?.ref, p.groups?.map((g) => g.ref)]),
      [
        ['role', [ref('Role')], 'Role', 'name:policy/ml-boundary', undefined],
        ['user', [ref('Alice')], 'Alice', undefined, [ref('Team'), 'name:group/ml-readers']],
        ['group', [ref('Team')], 'Team', undefined, undefined],
        ['role', [ref('FnRole')], 'FnRole', undefined, undefined],
      ],
    );
  });

  it('reads each policy-bearing property with its type and owner, both documents of an Fn::If, and reports a document that is no object', () => {
    assert.deepEqual(
      source.policies.map((p) => [p.path, p.policyType, p.owner]),
      [
        ['Resources.Policy.Properties.PolicyDocument', 'identity', undefined],
        ['Resources.Inline.Properties.PolicyDocument', 'identity', ref('Role')],
        ['Resources.Fn.Properties.Policies[2]', 'identity', ref('FnRole')],
        ['Resources.Bus.Properties.Statement', 'resource', undefined],
        ['Resources.Table.Properties.ResourcePolicy.PolicyDocument', 'resource', undefined],
        ['Resources.Key.Properties.KeyPolicy(Fn::If true)', 'resource', undefined],
      ],
    );
    const bus = plain(source.policies[3]!.object) as { Statement: { Action: string } };
    assert.equal(bus.Statement.Action, 'events:PutEvents');
    assert.deepEqual(source.errors.map((e) => [e.message, span(e.loc)]), [
      ['Expected a policy document (an object) at Resources.Broken.Properties.PolicyDocument, got array.', '58:23-58:41'],
    ]);
  });
});
