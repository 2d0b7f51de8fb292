import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/privilege-escalation.js';

/** A policy document of the given statements (each written on its own lines by the case). */
const policy = (statements: string) => `{
  "Version": "2012-10-17",
  "Statement": [
${statements}
  ]
}`;

new RuleTester().run('ml/privilege-escalation', rule, {
  valid: [
    {
      name: 'PassRole of one named role to SageMaker: the role is not in the scan, so no path is known',
      code: policy(`    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/ml-sagemaker-execution" },
    { "Effect": "Allow", "Action": "sagemaker:CreateNotebookInstance", "Resource": "*" }`),
    },
    {
      name: 'iam:PassedToService limited to a service the method does not use',
      code: policy(`    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } },
    { "Effect": "Allow", "Action": "lambda:CreateFunction", "Resource": "*" },
    { "Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": "*" }`),
    },
    {
      name: 'an iam:PermissionsBoundary condition on CreateRole and AttachRolePolicy',
      code: policy(`    { "Effect": "Allow", "Action": ["iam:CreateRole", "iam:AttachRolePolicy"], "Resource": "*", "Condition": { "StringEquals": { "iam:PermissionsBoundary": "arn:aws:iam::123456789012:policy/ml-boundary" } } }`),
    },
    {
      name: 'access keys of the caller only (${aws:username})',
      code: policy(`    { "Effect": "Allow", "Action": ["iam:CreateAccessKey", "iam:UpdateLoginProfile"], "Resource": "arn:aws:iam::*:user/\${aws:username}" }`),
    },
    {
      name: 'a new version of AWS managed policies only, which cannot be versioned',
      code: policy(`    { "Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "arn:aws:iam::aws:policy/*" }`),
    },
    {
      name: 'NotAction that leaves out every iam action',
      code: policy(`    { "Effect": "Allow", "NotAction": ["iam:*", "sts:*", "sso:*", "identitystore:*", "codestar:*"], "Resource": "*" }`),
    },
    {
      name: 'everything on everything: already administrator, nothing to escalate to',
      code: policy(`    { "Effect": "Allow", "Action": "*", "Resource": "*" }`),
    },
    {
      name: 'a Deny with NotResource confines the grant to a resource the method cannot use',
      code: policy(`    { "Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*" },
    { "Effect": "Deny", "Action": "iam:*", "NotResource": "arn:aws:s3:::ml-data-lake-a" }`),
    },
  ],
  invalid: [
    {
      // line 4 `    { "Effect": "Allow", "Action": ` is 35 characters: the quoted 25-character action spans columns 36-60
      name: 'a mixed-case action is the same action',
      code: policy(`    { "Effect": "Allow", "Action": "IAM:createPolicyVersion", "Resource": "*" }`),
      errors: [{ messageId: 'escalate', line: 4, column: 36, endLine: 4, endColumn: 61 }],
    },
    {
      // Allow with NotResource still reaches every other customer managed policy
      name: 'Allow with NotResource that leaves out only some policies',
      code: policy(`    { "Effect": "Allow", "Action": "iam:CreatePolicyVersion", "NotResource": "arn:aws:iam::*:policy/protected-*" }`),
      errors: [{ messageId: 'escalate', line: 4, column: 36, endLine: 4, endColumn: 61 }],
    },
    {
      name: 'PassRole on every role with CreateNotebookInstance, reported on the PassRole item',
      // line 4 `    { "Effect": "Allow", "Action": ["iam:PassRole", …`: the item starts at column 37
      code: policy(`    { "Effect": "Allow", "Action": ["iam:PassRole", "sagemaker:CreateNotebookInstance"], "Resource": "*" }`),
      errors: [
        {
          messageId: 'escalate',
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 51,
          data: {
            subject: 'This policy',
            title: 'Create a notebook instance with a privileged execution role',
            id: 'sagemaker-passrole-create-notebook-instance',
            actions: '"iam:PassRole" on "arn:aws:iam::123456789012:role/OrganizationAccountAccessRole", "sagemaker:CreateNotebookInstance" on "arn:aws:sagemaker:us-east-1:123456789012:notebook-instance/example"',
            gains: 'the permissions of a role that trusts sagemaker.amazonaws.com',
          },
        },
      ],
    },
    {
      name: 'a condition on another key makes it "may", one level lower',
      // line 4: `    { "Effect": "Allow", "Action": "iam:PutRolePolicy", …`: the value starts at column 36, 19 characters
      code: policy(`    { "Effect": "Allow", "Action": "iam:PutRolePolicy", "Resource": "*", "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } } }`),
      errors: [{ messageId: 'mayEscalate', level: 'warning', line: 4, column: 36, endLine: 4, endColumn: 55 }],
    },
    {
      name: 'a Deny of one role name does not block PassRole on the others',
      // line 4: `    { "Effect": "Allow", "Action": "iam:PassRole", …`: column 36, 14 characters
      code: policy(`    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" },
    { "Effect": "Deny", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/example" },
    { "Effect": "Allow", "Action": ["glue:CreateDevEndpoint"], "Resource": "*" }`),
      errors: [{ messageId: 'escalate', line: 4, column: 36, endLine: 4, endColumn: 50 }],
    },
    {
      name: 'a role of a CloudFormation template that can put a policy on itself',
      filename: 'template.yaml',
      // line 16 `                Action: iam:PutRolePolicy`: column 25, 17 characters
      code: `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ml-pipeline
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: states.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: self
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: iam:PutRolePolicy
                Resource: arn:aws:iam::123456789012:role/ml-pipeline
`,
      errors: [
        {
          messageId: 'escalate',
          line: 16,
          column: 25,
          endLine: 16,
          endColumn: 42,
          data: {
            subject: 'Role "ml-pipeline"',
            title: 'Write an inline policy onto a role',
            id: 'iam-put-role-policy',
            actions: '"iam:PutRolePolicy" on "arn:aws:iam::123456789012:role/ml-pipeline"',
            gains: 'administrator access (it can grant itself any permission)',
          },
        },
      ],
    },
  ],
});
