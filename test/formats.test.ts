/**
 * Issue #6 end to end: policies read from CloudFormation, Terraform, plans and authorization
 * dumps are checked by the rules with positions in the file the user edits; boundaries declared
 * in the same template or module count; unknown template values never give a scope finding.
 * Every expected line:column below was counted by hand from the texts in this file.
 */
import assert from 'node:assert/strict';
import { Engine, loadTerraformParser, type LintInput } from '@iamscope/core';
import ml from '@iamscope/rules-ml';

function lint(inputs: LintInput[], rules: string[]): string[] {
  const engine = new Engine({ plugins: [ml], recommended: false, config: { rules: Object.fromEntries(rules.map((r) => [r, 'error'])) } });
  return engine.lintGroup(inputs).flatMap((report) => {
    assert.deepEqual(report.notifications, []);
    return report.results.map((r) => `${r.file}:${r.loc.start.line}:${r.loc.start.column}-${r.loc.end.line}:${r.loc.end.column} ${r.ruleId}`);
  });
}

const TRUST_YAML = `      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: sagemaker.amazonaws.com }
            Action: sts:AssumeRole
`;

/** Two roles with the same inline policy (s3:GetObject on every bucket); only the first has the boundary. */
const BOUNDARY_TEMPLATE = `Resources:
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: s3:*
            Resource: [arn:aws:s3:::ml-data-lake-*, arn:aws:s3:::ml-data-lake-*/*]
  Bounded:
    Type: AWS::IAM::Role
    Properties:
      PermissionsBoundary: !Ref Boundary
${TRUST_YAML}      Policies:
        - PolicyName: data
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: !Sub arn:\${AWS::Partition}:s3:::*
  Unbounded:
    Type: AWS::IAM::Role
    Properties:
${TRUST_YAML}      Policies:
        - PolicyName: data
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: !Sub arn:\${AWS::Partition}:s3:::*
`;

describe('issue #6: policies where they live', () => {
  before(loadTerraformParser);

  describe('CloudFormation', () => {
    it('analyzes a role with its PermissionsBoundary !Ref to a ManagedPolicy of the same template', () => {
      // line 45 is the Unbounded role's Resource: `                Resource: !Sub arn:${AWS::Partition}:s3:::*`
      // (16 spaces, "Resource: " ends at column 26; the !Sub scalar is 33 characters long)
      assert.deepEqual(lint([{ text: BOUNDARY_TEMPLATE, file: 'roles.yaml' }], ['ml/s3-scope']), ['roles.yaml:45:27-45:60 ml/s3-scope']);
    });

    it('lets a boundary of the same template that limits instance types and PassRole satisfy the identity-policy rules', () => {
      const template = (boundary: string) => `Resources:
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: sagemaker:CreateTrainingJob
            Resource: "*"
            Condition:
              ForAllValues:StringLike: { "sagemaker:InstanceTypes": ["ml.m5.*"] }
              "Null": { "sagemaker:InstanceTypes": "false" }
          - Effect: Allow
            Action: iam:PassRole
            Resource: "*"
            Condition: { StringEquals: { "iam:PassedToService": sagemaker.amazonaws.com } }
  Trainer:
    Type: AWS::IAM::Role
    Properties:
${boundary}${TRUST_YAML}      Policies:
        - PolicyName: train
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [sagemaker:CreateTrainingJob, iam:PassRole]
                Resource: "*"
`;
      const rules = ['ml/instance-type-limit', 'ml/passrole-scope'];
      assert.deepEqual(lint([{ text: template('      PermissionsBoundary: !Ref Boundary\n'), file: 't.yaml' }], rules), []);
      // without the boundary, line 33 `                Action: [sagemaker:CreateTrainingJob, iam:PassRole]` and line 34
      // `                Resource: "*"` are reported: the first action item at column 26, the "*" at column 27
      assert.deepEqual(lint([{ text: template(''), file: 't.yaml' }], rules), [
        't.yaml:33:26-33:53 ml/instance-type-limit',
        't.yaml:34:27-34:30 ml/passrole-scope',
      ]);
    });

    it('gives no scope finding through a parameter without a default; a default decides', () => {
      const template = (bucketParameter: string) => `Parameters:
  DataBucket:
    Type: String${bucketParameter}
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
${TRUST_YAML}      Policies:
        - PolicyName: data
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [s3:GetObject, s3:PutObject]
                Resource: !Sub arn:aws:s3:::\${DataBucket}/*
`;
      assert.deepEqual(lint([{ text: template(''), file: 't.yaml' }], ['ml/s3-scope']), []);
      assert.deepEqual(lint([{ text: template('\n    Default: ml-data-lake-prod'), file: 't.yaml' }], ['ml/s3-scope']), []);
      // with `Default: shared-bucket` on line 4 the Resource is on line 22; the 33-character !Sub scalar starts at column 27
      assert.deepEqual(lint([{ text: template('\n    Default: shared-bucket'), file: 't.yaml' }], ['ml/s3-scope']), ['t.yaml:22:27-22:60 ml/s3-scope']);
    });

    it('leaves values the template does not decide to no syntax rule', () => {
      const text = `Parameters:
  KeyArn: { Type: String }
  Provider: { Type: String }
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Federated: !Ref Provider }
            Action: sts:AssumeRoleWithWebIdentity
      Policies:
        - PolicyName: p
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: kms:Decrypt
                Resource: [!Ref KeyArn, !GetAtt Key.Arn, !ImportValue shared-key-arn]
                Condition: { IpAddress: { "aws:SourceIp": !Ref KeyArn } }
`;
      const rules = ['malformed-arn', 'arn-field-not-allowed', 'action-resource-mismatch', 'invalid-federated-principal', 'variable-in-non-string-operator', 'invalid-policy-variable'];
      assert.deepEqual(lint([{ text, file: 't.yaml' }], rules), []);
    });

    it('reports a partly unknown Resource when no value of the unknown part reaches the scope', () => {
      const text = `Parameters:
  Suffix: { Type: String }
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
${TRUST_YAML}      Policies:
        - PolicyName: p
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: !Sub arn:aws:s3:::evil-\${Suffix}/*
              - Effect: Allow
                Action: s3:PutObject
                Resource: !Sub arn:aws:s3:::ml-data-lake-\${Suffix}/*
`;
      // line 20 is the first Resource (16 spaces, `Resource: `); the 34-character !Sub scalar starts at column 27.
      // The second one (line 23) may name a data-lake bucket or not, so it gives nothing.
      const engine = new Engine({ plugins: [ml], recommended: false, config: { rules: { 'ml/s3-scope': 'error' } } });
      const results = engine.lintText(text, 't.yaml').results.map((r) => `${r.loc.start.line}:${r.loc.start.column}-${r.loc.end.column} ${r.level}`);
      assert.deepEqual(results, ['20:27-61 error']);
    });

    it('reports a policy variable as certain when no value of it reaches the scope', () => {
      // line 4: `    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": ` is 62 characters
      const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::corp-finance/home/${aws:username}/*"}\n  ]\n}\n';
      const engine = new Engine({ plugins: [ml], recommended: false, config: { rules: { 'ml/s3-scope': 'error' } } });
      assert.deepEqual(engine.lintText(text, 'p.json').results.map((r) => `${r.loc.start.line}:${r.loc.start.column} ${r.level}`), ['4:63 error']);
    });

    it('locates findings in statements, conditions, principals and intrinsic-built strings', () => {
      const text = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: "*" }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [s3:GetObjct]
                Resource: !Join ["", ["arn:aws:s3:::ml-data-lake-a/", "*"]]
                Condition:
                  StringEquals: { "aws:RequestedRegoin": eu-west-1 }
`;
      assert.deepEqual(lint([{ text, file: 't.yaml' }], ['trust-policy-wildcard-principal', 'unknown-action', 'unknown-global-condition-key', 'ml/s3-scope']), [
        't.yaml:10:31-10:34 trust-policy-wildcard-principal',
        't.yaml:18:26-18:37 unknown-action',
        't.yaml:21:35-21:56 unknown-global-condition-key',
      ]);
    });

    it('says a finding in a trust policy that a YAML anchor shares between two roles once', () => {
      // line 9: 12 spaces, `Principal: { AWS: ` (18 characters), so the quoted "*" spans columns 31-33
      const text = `Resources:
  A:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: &trust
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: "*" }
            Action: sts:AssumeRole
  B:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: *trust
`;
      assert.deepEqual(lint([{ text, file: 't.yaml' }], ['trust-policy-wildcard-principal']), ['t.yaml:9:31-9:34 trust-policy-wildcard-principal']);
    });

    it('reports malformed YAML as a parse-error with its position', () => {
      const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Role:\n    Type: [AWS::IAM::Role\n';
      const [result] = new Engine({ recommended: false }).lintText(text, 'broken.yaml').results;
      assert.equal(result?.ruleId, 'parse-error');
      assert.match(result?.message ?? '', /^Invalid YAML: Flow sequence/);
      // the unclosed `[` of line 4 is noticed at the end of the text (line 5)
      assert.equal(result?.loc.start.line, 5);
    });
  });

  describe('Terraform', () => {
    const main = `resource "aws_iam_role" "training" {
  name                 = "ml-exec-training"
  assume_role_policy   = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "sagemaker.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  permissions_boundary = aws_iam_policy.boundary.arn
}

resource "aws_iam_role" "other" {
  name               = "ml-exec-other"
  assume_role_policy = aws_iam_role.training.assume_role_policy
}
`;
    const policies = `resource "aws_iam_policy" "boundary" {
  name   = "ml-boundary"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = ["arn:aws:s3:::ml-data-lake-*", "arn:aws:s3:::ml-data-lake-*/*"] }] })
}

resource "aws_iam_policy" "data" {
  name   = "ml-data"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = var.bucket_arn }] })
}

resource "aws_iam_role_policy_attachment" "training" {
  role       = aws_iam_role.training.name
  policy_arn = aws_iam_policy.data.arn
}
`;
    const variables = (defaultValue: string) => `variable "bucket_arn" {
  type = string${defaultValue}
}
`;

    it('analyzes a role with a policy attached in another file, within its boundary', () => {
      const inputs = (v: string) => [
        { text: main, file: 'm/main.tf' },
        { text: policies, file: 'm/policies.tf' },
        { text: variables(v), file: 'm/variables.tf' },
      ];
      // the attached policy reaches every bucket, but the training role's boundary caps S3 to ml-data-lake-*
      assert.deepEqual(lint(inputs('\n  default = "arn:aws:s3:::*"'), ['ml/s3-scope']), []);
      // no default: the ARN is unknown, so no scope finding either way
      assert.deepEqual(lint(inputs(''), ['ml/s3-scope']), []);
    });

    it('reports a policy attached in another file when the role has no boundary; the default decides', () => {
      const unbounded = main.replace('  permissions_boundary = aws_iam_policy.boundary.arn\n', '');
      const inputs = [
        { text: unbounded, file: 'm/main.tf' },
        { text: policies, file: 'm/policies.tf' },
        { text: variables('\n  default = "arn:aws:s3:::*"'), file: 'm/variables.tf' },
      ];
      // policies.tf line 8: `  policy = jsonencode({ … Resource = var.bucket_arn }] })`; var.bucket_arn starts at column 118
      assert.deepEqual(lint(inputs, ['ml/s3-scope']), ['m/policies.tf:8:118-8:132 ml/s3-scope']);
    });

    it('locates findings in a data document: principals, condition keys and actions', () => {
      const text = `resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole", "sts:AsumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgId2"
      values   = ["o-abc"]
    }
  }
}
`;
      // line 8: 4 spaces, `actions = [` then "sts:AssumeRole" (16-31) and "sts:AsumeRole" (34-48, quotes included);
      // line 11: 6 spaces, `identifiers = [` (15 characters), "*" at 22-24; line 15: `      variable = ` then the key at 18
      assert.deepEqual(lint([{ text, file: 'main.tf' }], ['unknown-action', 'trust-policy-wildcard-principal', 'unknown-global-condition-key']), [
        'main.tf:8:34-8:49 unknown-action',
        'main.tf:11:22-11:25 trust-policy-wildcard-principal',
        'main.tf:15:18-15:39 unknown-global-condition-key',
      ]);
    });

    it('turns a failure inside a reader into a READER_CRASH notification of its files', () => {
      const text = 'resource "aws_iam_policy" "p" {\n  policy = file("${path.module}/p.json")\n}\n';
      const engine = new Engine({ recommended: false });
      const [report] = engine.lintGroup([{ text, file: 'm/main.tf' }], () => {
        throw new Error('disk on fire');
      });
      assert.deepEqual(report!.notifications.map((n) => `${n.code} ${n.file} ${n.message}`), ['READER_CRASH m/main.tf iamscope could not read the file: disk on fire']);
    });

    it('reports malformed HCL as a parse-error with its position and still reads the rest', () => {
      const text = 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObjct", Resource = "*" }] })\n}\n\nresource "x" "y" {\n  a = \n}\n';
      const results = lint([{ text, file: 'p.tf' }], ['unknown-action']);
      assert.ok(results.includes('p.tf:2:91-2:104 unknown-action'), results.join('\n'));
      assert.ok(results.some((r) => /^p\.tf:[67]:\d+-\S+ parse-error$/.test(r)), results.join('\n'));
    });
  });

  describe('authorization-details dumps and Terraform plans', () => {
    it('locates a finding inside a role inline policy of a dump', () => {
      const text = `{
  "RoleDetailList": [
    {
      "RoleName": "ml-exec",
      "Arn": "arn:aws:iam::123456789012:role/ml-exec",
      "AssumeRolePolicyDocument": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": { "Service": "sagemaker.amazonaws.com" }, "Action": "sts:AssumeRole" }] },
      "RolePolicyList": [
        { "PolicyName": "p", "PolicyDocument": { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObjct", "Resource": "*" }] } }
      ],
      "AttachedManagedPolicies": [{ "PolicyName": "AmazonS3FullAccess", "PolicyArn": "arn:aws:iam::aws:policy/AmazonS3FullAccess" }]
    }
  ]
}
`;
      assert.deepEqual(lint([{ text, file: 'dump.json' }], ['unknown-action', 'ml/no-broad-managed-policy']), [
        'dump.json:8:120-8:133 unknown-action',
        'dump.json:10:86-10:130 ml/no-broad-managed-policy',
      ]);
    });

    it('locates a finding inside a policy string of a plan', () => {
      const text = `{
  "format_version": "1.2",
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_iam_policy.p",
          "type": "aws_iam_policy",
          "name": "p",
          "values": { "name": "p", "policy": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"s3:GetObjct\\",\\"Resource\\":\\"*\\"}]}" }
        }
      ]
    }
  }
}
`;
      assert.deepEqual(lint([{ text, file: 'plan.json' }], ['unknown-action']), ['plan.json:10:123-10:138 unknown-action']);
    });
  });
});
