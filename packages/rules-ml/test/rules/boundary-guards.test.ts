import { readFileSync } from 'node:fs';
import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/boundary-guards.js';

// Positions: 1-based columns; an item's column is 1 + the index of its opening quote in the line
// as written below (statements are indented by 4 spaces), its endColumn 1 + the index after its
// closing quote. A NotAction/NotResource element spans from its value's opening `[` or `"` to the end of it.

/** The seed's boundary goals, implemented (fixtures/seed/good/permissions-boundary.json). */
const GOOD_BOUNDARY = readFileSync(new URL('../../../../fixtures/seed/good/permissions-boundary.json', import.meta.url), 'utf8');
const GUARDED = { ml: { allowedRegions: ['us-east-1', 'eu-west-1'], sensitiveBuckets: ['finance-*'] } };

// Deny statements that each add two operators on the key: 2^7 = 128 branches, beyond the 64 searched.
const manyDenies = Array.from({ length: 7 }, (_, i) =>
  `{"Effect":"Deny","Action":"sagemaker:*","Resource":"*","Condition":{"ForAnyValue:StringNotLike":{"sagemaker:InstanceTypes":"ml.m${i}.*"},"Null":{"sagemaker:InstanceTypes":"true"}}}`,
).join(',');

new RuleTester().run('ml/boundary-guards', rule, {
  valid: [
    { name: 'the good boundary fixture, every guard set', policyType: 'boundary', settings: GUARDED, code: GOOD_BOUNDARY },
    { name: 'the good boundary fixture as an SCP, zero-config', policyType: 'scp', code: GOOD_BOUNDARY },
    {
      name: 'SCP: Allow "*" with Deny guards (instance types with a Null guard, conditional IAM denies, mixed case)',
      policyType: 'scp',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "*", "Resource": "*" },
    {
      "Effect": "Deny",
      "Action": ["sagemaker:Create*", "sagemaker:Update*"],
      "Resource": "*",
      "Condition": { "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": ["ml.m5.*", "ml.g5.xlarge"] } }
    },
    {
      "Effect": "Deny",
      "Action": ["SageMaker:createTrainingJob", "sagemaker:CreateProcessingJob", "sagemaker:CreateTransformJob", "sagemaker:CreateHyperParameterTuningJob",
        "sagemaker:CreateEndpointConfig", "sagemaker:CreateNotebookInstance", "sagemaker:CreateApp", "sagemaker:CreateCluster", "sagemaker:UpdateCluster",
        "sagemaker:CreateDataQualityJobDefinition", "sagemaker:CreateModelBiasJobDefinition", "sagemaker:CreateModelExplainabilityJobDefinition",
        "sagemaker:CreateModelQualityJobDefinition", "sagemaker:CreateMonitoringSchedule", "sagemaker:UpdateMonitoringSchedule",
        "sagemaker:UpdateNotebookInstance", "sagemaker:UpdateTrainingJob", "sagemaker:CreateDomain", "sagemaker:UpdateDomain",
        "sagemaker:CreateSpace", "sagemaker:UpdateSpace", "sagemaker:CreateUserProfile", "sagemaker:UpdateUserProfile"],
      "Resource": "*",
      "Condition": { "Null": { "sagemaker:InstanceTypes": "true" } }
    },
    { "Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "*", "Condition": { "StringNotLike": { "ec2:InstanceType": ["t3.*", "g5.xlarge"] } } },
    {
      "Effect": "Deny",
      "Action": ["IAM:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:CreateUser", "iam:PutUserPolicy", "iam:AttachUserPolicy"],
      "Resource": "*",
      "Condition": { "StringNotEquals": { "iam:PermissionsBoundary": "arn:aws:iam::123456789012:policy/ml-boundary" } }
    },
    {
      "Effect": "Deny",
      "Action": ["iam:*PolicyVersion", "iam:*PermissionsBoundary", "iam:UpdateAssumeRolePolicy", "iam:*Group*", "iam:CreateAccessKey", "iam:*LoginProfile"],
      "Resource": "*"
    },
    { "Effect": "Deny", "Action": "iam:PassRole", "Resource": "*", "Condition": { "StringNotEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }
  ]
}`,
    },
    {
      name: 'NotAction that leaves out compute, IAM and S3',
      policyType: 'boundary',
      settings: GUARDED,
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "NotAction": ["sagemaker:*", "ec2:*", "iam:*", "s3:*", "cloudwatch:*", "logs:*", "ecr:*", "states:*", "lambda:*", "kms:*"], "Resource": "*" }]
}`,
    },
    {
      name: 'role creation allowed only with a boundary (conditional grant)',
      policyType: 'boundary',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["iam:CreateRole", "iam:AttachRolePolicy"],
      "Resource": "arn:aws:iam::*:role/ml-*",
      "Condition": { "StringEquals": { "iam:PermissionsBoundary": "arn:aws:iam::123456789012:policy/ml-boundary" } }
    }
  ]
}`,
    },
    {
      name: 'identity policies are left to the other rules',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
}`,
    },
    {
      name: 'S3 on data buckets only, with sensitive buckets elsewhere',
      policyType: 'boundary',
      settings: GUARDED,
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": ["arn:aws:s3:::ml-data-lake-*", "arn:aws:s3:::ml-data-lake-*/*"] }]
}`,
    },
  ],
  invalid: [
    {
      name: 'boundary Allow "*": instance types and IAM escalation, zero-config',
      policyType: 'boundary',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "*", "Resource": "*" }
  ]
}`,
      // `"*"` after `"Action": ` starts at index 35 of line 4 and is 3 characters long
      errors: [
        {
          messageId: 'iamEscalation',
          data: {
            element: 'Action',
            action: 'iam:CreateRole',
            more: ' (also "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:CreatePolicyVersion", 16 more)',
            resource: 'arn:aws:iam::123456789012:role/example',
          },
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 39,
        },
        {
          messageId: 'instanceTypes',
          data: {
            element: 'Action',
            action: 'sagemaker:CreateApp',
            more: ' (also "ec2:RunInstances")',
            resource: 'arn:aws:sagemaker:us-east-1:123456789012:app/example/example/example/example',
            can: 'can',
            what: 'use instance type "ml.p5.48xlarge"',
          },
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 39,
        },
      ],
    },
    {
      name: 'SCP: a mixed-case compute action without a condition',
      policyType: 'scp',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["SageMaker:createTrainingJob", "sagemaker:Describe*"], "Resource": "*" }
  ]
}`,
      // `"SageMaker:createTrainingJob"` starts at index 36 of line 4 (after `[`), 29 characters
      errors: [{ messageId: 'instanceTypes', line: 4, column: 37, endLine: 4, endColumn: 66 }],
    },
    {
      name: 'conditional: a ForAnyValue Deny without a Null guard lets requests without types through ("may")',
      policyType: 'boundary',
      // `"sagemaker:CreateTrainingJob"` starts at index 35 of line 4, 29 characters
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*" },
    { "Effect": "Deny", "Action": "sagemaker:*", "Resource": "*", "Condition": { "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": "ml.m5.*" } } }
  ]
}`,
      errors: [
        {
          messageId: 'instanceTypes',
          data: {
            element: 'Action',
            action: 'sagemaker:CreateTrainingJob',
            more: '',
            resource: 'arn:aws:sagemaker:us-east-1:123456789012:reserved-capacity/example',
            can: 'may',
            what: 'send requests that name no instance type',
          },
          level: 'warning',
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 65,
        },
      ],
    },
    {
      name: 'Deny confinement of IAM on roles leaves policy versions open through NotAction',
      policyType: 'boundary',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["iam:PassRole", "iam:CreateRole"], "Resource": "*" },
    { "Effect": "Allow", "NotAction": ["sagemaker:*", "ec2:*"], "NotResource": "arn:aws:iam::*:role/admin-*" },
    { "Effect": "Deny", "Action": "iam:*", "Resource": "arn:aws:iam::*:role/*" }
  ]
}`,
      // the NotAction value `["sagemaker:*", "ec2:*"]` starts at index 38 of line 5, 24 characters
      errors: [
        {
          messageId: 'iamEscalation',
          data: {
            element: 'NotAction',
            action: 'iam:CreatePolicyVersion',
            more: ' (also "iam:SetDefaultPolicyVersion", "iam:CreateUser", "iam:PutUserPolicy", 9 more)',
            resource: 'arn:aws:iam::123456789012:policy/example',
          },
          line: 5,
          column: 39,
          endLine: 5,
          endColumn: 63,
        },
      ],
    },
    {
      name: 'NotResource lets S3 reach a sensitive bucket',
      policyType: 'boundary',
      settings: { ml: { sensitiveBuckets: ['finance-*'] } },
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::ml-*" }
  ]
}`,
      // `"arn:aws:s3:::ml-*"` starts at index 66 of line 4, 19 characters
      errors: [
        {
          messageId: 'sensitiveBuckets',
          data: { element: 'NotResource', action: 's3:GetObject', more: '', witness: 'arn:aws:s3:::finance-example/example', can: 'can' },
          line: 4,
          column: 67,
          endLine: 4,
          endColumn: 86,
        },
      ],
    },
    {
      name: 'regions: with allowedRegions set, regional ML actions without an aws:RequestedRegion limit',
      policyType: 'scp',
      settings: GUARDED,
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "sagemaker:ListTrainingJobs", "Resource": "*" },
    { "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*", "Condition": { "StringEquals": { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] } } }
  ]
}`,
      // `"sagemaker:ListTrainingJobs"` starts at index 35 of line 4 (28 characters), `"ecr:BatchGetImage"` at index 35 of line 5 (19)
      errors: [
        {
          messageId: 'regions',
          data: { element: 'Action', action: 'sagemaker:ListTrainingJobs', more: '', can: 'can', what: 'ap-southeast-1' },
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 64,
        },
        {
          messageId: 'regions',
          data: { element: 'Action', action: 'ecr:BatchGetImage', more: '', can: 'can', what: 'eu-central-1' },
          line: 5,
          column: 36,
          endLine: 5,
          endColumn: 55,
        },
      ],
    },
    {
      name: 'conditions too complex to decide within the analysis limit',
      policyType: 'boundary',
      // `"sagemaker:CreateTrainingJob"` starts at index 36 of line 4 (after `[`), 29 characters
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob"], "Resource": "*" },
    ${manyDenies}
  ]
}`,
      errors: [
        {
          messageId: 'tooComplex',
          data: { element: 'Action', action: 'sagemaker:CreateTrainingJob', more: '', guard: 'instance-type' },
          level: 'warning',
          line: 4,
          column: 37,
          endLine: 4,
          endColumn: 66,
        },
      ],
    },
  ],
});
