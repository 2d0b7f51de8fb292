import { before } from 'mocha';
import { loadTerraformParser } from '@iamscope/core';
import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/no-broad-managed-policy.js';

const TRUST = `      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: sagemaker.amazonaws.com }
            Action: sts:AssumeRole
`;

before(loadTerraformParser);

new RuleTester().run('ml/no-broad-managed-policy', rule, {
  valid: [
    {
      name: 'a narrow AWS managed policy',
      filename: 'template.yaml',
      code: `Resources:
  TrainingRole:
    Type: AWS::IAM::Role
    Properties:
${TRUST}      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess
`,
    },
    {
      name: 'a broad policy the allow option accepts',
      filename: 'template.yaml',
      options: { allow: ['AmazonSageMakerFullAccess'] },
      code: `Resources:
  TrainingRole:
    Type: AWS::IAM::Role
    Properties:
${TRUST}      ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonSageMakerFullAccess]
`,
    },
    {
      name: 'a customer managed policy named like a broad one is not judged',
      filename: 'template.yaml',
      code: `Resources:
  TrainingRole:
    Type: AWS::IAM::Role
    Properties:
${TRUST}      ManagedPolicyArns: [arn:aws:iam::123456789012:policy/AmazonS3FullAccess]
`,
    },
  ],
  invalid: [
    {
      name: 'AmazonSageMakerFullAccess on a CloudFormation role, reported on the ARN',
      filename: 'template.yaml',
      code: `Resources:
  TrainingRole:
    Type: AWS::IAM::Role
    Properties:
${TRUST}      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/AmazonSageMakerFullAccess
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/AdministratorAccess
`,
      errors: [
        { messageId: 'broadManagedPolicy', line: 12, column: 11, endLine: 12, endColumn: 60 },
        { messageId: 'broadManagedPolicy', line: 13, column: 11, endLine: 13, endColumn: 73, data: { policy: 'AdministratorAccess', kind: 'role', principal: 'TrainingRole', action: '*', resource: '*' } },
      ],
    },
    {
      name: 'a Terraform attachment and managed_policy_arns, on a user and a role',
      filename: 'main.tf',
      code: `resource "aws_iam_user" "analyst" {
  name = "analyst"
}

resource "aws_iam_user_policy_attachment" "s3" {
  user       = aws_iam_user.analyst.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess"
}

resource "aws_iam_role" "pipeline" {
  name                = "ml-pipeline"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "states.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  managed_policy_arns = ["arn:aws:iam::aws:policy/IAMFullAccess"]
}
`,
      errors: [
        { messageId: 'broadManagedPolicy', line: 7, column: 16, endLine: 7, endColumn: 60 },
        { messageId: 'broadManagedPolicy', line: 13, column: 26, endLine: 13, endColumn: 65, data: { policy: 'IAMFullAccess', kind: 'role', principal: 'ml-pipeline', action: 'iam:*', resource: '*' } },
      ],
    },
  ],
});
