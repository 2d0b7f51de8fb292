import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/role-archetype.js';

/**
 * A CloudFormation role trusted by `service` with one inline policy whose statements start at
 * line 16, column 15 (`- Effect: …`, indented 14 spaces); `props` go before the trust policy.
 */
function role(service: string, statements: string[], options: { name?: string; props?: string; after?: string } = {}): string {
  return `Resources:
  ${options.name ?? 'Role'}:
    Type: AWS::IAM::Role
    Properties:
${options.props ?? ''}      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: ${service} }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
${statements.map((l) => `              ${l}\n`).join('')}${options.after ?? ''}`;
}

const SEED_EXECUTION = [
  '- Effect: Allow',
  '  Action: [s3:GetObject, s3:PutObject, s3:ListBucket]',
  '  Resource: [arn:aws:s3:::ml-data-lake-*, arn:aws:s3:::ml-artifacts-*]',
  '- Effect: Allow',
  '  Action: [ecr:GetDownloadUrlForLayer, ecr:BatchGetImage]',
  '  Resource: arn:aws:ecr:*:*:repository/ml-*',
  '- Effect: Allow',
  '  Action: [logs:CreateLogStream, logs:PutLogEvents]',
  '  Resource: arn:aws:logs:*:*:log-group:/aws/sagemaker/*',
];

new RuleTester().run('ml/role-archetype', rule, {
  valid: [
    { name: "the seed's execution role stays in its envelope", filename: 't.yaml', code: role('sagemaker.amazonaws.com', SEED_EXECUTION) },
    {
      name: 'a training instance that only reads data and pulls images',
      filename: 't.yaml',
      code: role('ec2.amazonaws.com', ['- Effect: Allow', '  Action: [s3:GetObject, ecr:BatchGetImage]', '  Resource: "*"']),
    },
    {
      name: 'a role of no archetype (CodeBuild) may push images',
      filename: 't.yaml',
      code: role('codebuild.amazonaws.com', ['- Effect: Allow', '  Action: [ecr:PutImage, iam:CreateRole]', '  Resource: "*"']),
    },
    {
      name: 'a Deny confines the Allow',
      filename: 't.yaml',
      code: role('sagemaker.amazonaws.com', ['- Effect: Allow', '  Action: "*"', '  Resource: "*"', '- Effect: Deny', '  Action: [iam:*, ecr:*]', '  Resource: "*"']),
    },
    {
      name: 'a boundary of the same template confines the Allow',
      filename: 't.yaml',
      code: role('sagemaker.amazonaws.com', ['- Effect: Allow', '  Action: [ecr:*, iam:*]', '  Resource: "*"'], {
        props: '      PermissionsBoundary: !Ref Boundary\n',
        after: `  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer, s3:GetObject]
            Resource: "*"
`,
      }),
    },
    {
      name: 'data scientists may create roles (ml/role-creation-requires-boundary governs that)',
      filename: 't.yaml',
      code: role('sagemaker.amazonaws.com', ['- Effect: Allow', '  Action: [iam:CreateRole, iam:AttachRolePolicy]', '  Resource: "*"'], {
        name: 'DataScientist',
        props: '      RoleName: ds-alice\n',
      }),
      settings: { ml: { roleArchetypes: { 'ds-*': 'data-scientist' } } },
    },
    {
      name: 'a role trusted by two archetypes is not judged',
      filename: 't.yaml',
      code: role('[sagemaker.amazonaws.com, ec2.amazonaws.com]', ['- Effect: Allow', '  Action: s3:PutObject', '  Resource: "*"']),
    },
    { name: 'a standalone policy file has no role', code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "iam:*", "Resource": "*" }]\n}' },
  ],
  invalid: [
    {
      // line 17: 16 spaces, `Action: [` then s3:GetObject (26-37), iam:CreateRole (40-53), ecr:PutImage (56-67)
      name: 'IAM write and an image push in an execution role, on their Action items',
      filename: 't.yaml',
      code: role('sagemaker.amazonaws.com', ['- Effect: Allow', '  Action: [s3:GetObject, iam:CreateRole, ecr:PutImage]', '  Resource: "*"']),
      errors: [
        { messageId: 'outsideEnvelope', line: 17, column: 40, endLine: 17, endColumn: 54 },
        { messageId: 'outsideEnvelope', line: 17, column: 56, endLine: 17, endColumn: 68 },
      ],
    },
    {
      name: 'an S3 write in a training-instance role',
      filename: 't.yaml',
      code: role('ec2.amazonaws.com', ['- Effect: Allow', '  Action: [s3:GetObject, s3:PutObject]', '  Resource: arn:aws:s3:::ml-data-lake-x/*']),
      errors: [{ messageId: 'outsideEnvelope', line: 17, column: 40, endLine: 17, endColumn: 52 }],
    },
    {
      // line 17: 16 spaces, `NotAction: ` (11 characters), so the list starts at column 28
      name: 'NotAction grants IAM write to an execution role',
      filename: 't.yaml',
      code: role('sagemaker.amazonaws.com', ['- Effect: Allow', '  NotAction: [s3:*, ecr:*]', '  Resource: "*"']),
      errors: [{ messageId: 'outsideEnvelope', line: 17, column: 28, endLine: 17, endColumn: 41 }],
    },
    {
      // line 17: 16 spaces and `Action: ` (8 characters), so iam:CreateRole spans columns 25-38
      name: 'Allow with NotResource grants IAM write on every role outside the listed ones',
      filename: 't.yaml',
      code: role('sagemaker.amazonaws.com', ['- Effect: Allow', '  Action: iam:CreateRole', '  NotResource: arn:aws:iam::*:role/ml-*']),
      errors: [{ messageId: 'outsideEnvelope', line: 17, column: 25, endLine: 17, endColumn: 39 }],
    },
    {
      name: 'a mixed-case action in a pipeline role',
      filename: 't.yaml',
      code: role('states.amazonaws.com', ['- Effect: Allow', '  Action: IAM:putRolePolicy', '  Resource: "*"']),
      errors: [{ messageId: 'outsideEnvelope', line: 17, column: 25, endLine: 17, endColumn: 42 }],
    },
    {
      name: 'a conditional statement may grant (level lowered)',
      filename: 't.yaml',
      code: role('sagemaker.amazonaws.com', ['- Effect: Allow', '  Action: iam:DeletePolicy', '  Resource: "*"', '  Condition: { StringEquals: { "aws:RequestedRegion": eu-west-1 } }']),
      errors: [{ messageId: 'mayOutsideEnvelope', line: 17, column: 25, endLine: 17, endColumn: 41, level: 'warning' }],
    },
    {
      // RoleName adds line 5, so the Action is on line 18
      name: 'settings.ml.roleArchetypes matches the role name',
      filename: 't.yaml',
      code: role('lambda.amazonaws.com', ['- Effect: Allow', '  Action: iam:CreatePolicyVersion', '  Resource: "*"'], { name: 'Etl', props: '      RoleName: ml-pipeline-etl\n' }),
      settings: { ml: { roleArchetypes: { 'ml-pipeline-*': 'pipeline' } } },
      errors: [
        {
          messageId: 'outsideEnvelope',
          line: 18,
          column: 25,
          endLine: 18,
          endColumn: 48,
          data: {
            element: 'Action',
            action: 'iam:CreatePolicyVersion',
            witness: 'arn:aws:iam::123456789012:policy/example',
            access: 'IAM write',
            archetype: 'ML pipeline',
            role: 'ml-pipeline-etl',
            why: 'settings.ml.roleArchetypes "ml-pipeline-*"',
          },
        },
      ],
    },
    {
      // line 25 (after the 9 statement lines from line 16): 6 spaces, `ManagedPolicyArns: [` (20 characters), so the ARN starts at column 27
      name: 'an attached AWS managed policy grants IAM write, reported on the attachment',
      filename: 't.yaml',
      code: role('sagemaker.amazonaws.com', SEED_EXECUTION, { after: '      ManagedPolicyArns: [arn:aws:iam::aws:policy/IAMFullAccess]\n' }),
      errors: [{ messageId: 'managedOutsideEnvelope', line: 25, column: 27, endLine: 25, endColumn: 64 }],
    },
  ],
});
