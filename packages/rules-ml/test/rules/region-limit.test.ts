import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/region-limit.js';

const EU = { ml: { allowedRegions: ['eu-west-1'] } };

// Deny statements that each add two operators on the key: 2^7 = 128 branches, beyond the 64 searched.
const manyDenies = Array.from({ length: 7 }, (_, i) =>
  `{"Effect":"Deny","Action":"sagemaker:*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"eu-west-${i}"},"StringNotLike":{"aws:RequestedRegion":"eu-*"}}}`,
).join(',');

new RuleTester().run('ml/region-limit', rule, {
  valid: [
    {
      name: 'zero-config: no region findings without a guard',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:training-job/*" }]
}`,
    },
    {
      name: 'zero-config: a guard that limits',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateTrainingJob",
      "Resource": "*",
      "Condition": { "StringEquals": { "aws:RequestedRegion": ["eu-west-1", "eu-central-1"] } }
    }
  ]
}`,
    },
    {
      name: 'ARNs in the allowed region need no guard',
      settings: EU,
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "arn:aws:sagemaker:eu-west-1:111122223333:training-job/*" }]
}`,
    },
    {
      name: 'global actions and region-less ARNs (IAM, S3 buckets and objects) are not regional',
      settings: EU,
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["iam:GetRole", "sts:GetCallerIdentity", "s3:ListAllMyBuckets"], "Resource": "*" },
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::ml-data-*", "arn:aws:s3:::ml-data-*/*"] }
  ]
}`,
    },
    {
      name: 'mixed-case actions with a StringEquals guard in the allowed regions',
      settings: EU,
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["SageMaker:Create*", "ECR:batchGetImage"],
      "Resource": "*",
      "Condition": { "StringEquals": { "aws:RequestedRegion": "eu-west-1" } }
    }
  ]
}`,
    },
    {
      name: 'Deny confinement: StringNotEquals aws:RequestedRegion on a Deny with NotAction for global services',
      settings: EU,
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "*", "Resource": "*" },
    {
      "Effect": "Deny",
      "NotAction": ["iam:*", "sts:*", "organizations:*"],
      "Resource": "*",
      "Condition": { "StringNotEquals": { "aws:RequestedRegion": ["eu-west-1"] } }
    }
  ]
}`,
    },
    {
      name: 'a Deny statement naming another region is not a grant',
      settings: EU,
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Deny", "Action": "sagemaker:*", "Resource": "arn:aws:sagemaker:us-east-1:*:*" }]
}`,
    },
  ],
  invalid: [
    {
      // Line 7: 6 spaces, "Resource" cols 7-16, `: [` (17-19), first item at col 20: 62 characters quoted, end 82.
      // The same item is the grant without a guard: both findings, the ARN first (error), then the Action item
      // (line 6: "Action" cols 7-14, `: `, value at col 17, "sagemaker:CreateModel" quoted 23: end 40; warning).
      name: 'an ARN in another region, granted without a guard',
      settings: EU,
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateModel",
      "Resource": ["arn:aws:sagemaker:us-east-1:111122223333:model/*"]
    }
  ]
}`,
      errors: [
        {
          messageId: 'noGuard',
          level: 'warning',
          data: {
            element: 'Action',
            action: 'sagemaker:CreateModel',
            resource: 'arn:aws:sagemaker:us-east-1:111122223333:model/_',
            scope: 'outside settings.ml.allowedRegions (eu-west-1)',
            region: 'us-east-1',
          },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 40,
        },
        {
          messageId: 'otherRegion',
          data: { arn: 'arn:aws:sagemaker:us-east-1:111122223333:model/*', region: 'us-east-1', allowed: 'eu-west-1' },
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 70,
        },
      ],
    },
    {
      // NotAction: reported on its value. Line 3: "Effect" at col 19, "Allow" 29-35, "NotAction" 38-48, value at
      // col 51; "iam:*" quoted is 7: end 58.
      name: 'NotAction on "*" without a guard',
      settings: EU,
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }]
}`,
      errors: [
        {
          messageId: 'noGuard',
          level: 'warning',
          data: {
            element: 'NotAction',
            action: 'cloudwatch:BatchGetServiceLevelObjectiveBudgetReport',
            resource: 'arn:aws:cloudwatch:us-east-1:123456789012:slo/example',
            scope: 'outside settings.ml.allowedRegions (eu-west-1)',
            region: 'us-east-1',
          },
          line: 3,
          column: 51,
          endLine: 3,
          endColumn: 58,
        },
      ],
    },
    {
      // A StringLike guard wider than the allowed regions: on the value "eu-*". Line 8: "StringLike" cols 22-33,
      // `: { `, "aws:RequestedRegion" (21 quoted) cols 38-58, `: `, "eu-*" at col 61 (6 quoted): end 67.
      name: 'a StringLike guard wider than allowedRegions, with NotResource',
      settings: EU,
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateEndpoint",
      "NotResource": "arn:aws:s3:::*",
      "Condition": { "StringLike": { "aws:RequestedRegion": "eu-*" } }
    }
  ]
}`,
      errors: [
        {
          messageId: 'guardTooWide',
          level: 'warning',
          data: { action: 'sagemaker:CreateEndpoint', scope: 'outside settings.ml.allowedRegions (eu-west-1)', region: 'eu-central-1', value: 'eu-*' },
          line: 8,
          column: 61,
          endLine: 8,
          endColumn: 67,
        },
      ],
    },
    {
      // zero-config guard check: StringNotEquals only excludes. Line 8: "StringNotEquals" (17 quoted) cols 22-38,
      // `: { `, the key at col 43 (21 quoted): end 64.
      name: 'zero-config: a guard that only excludes a region',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateTrainingJob",
      "Resource": "*",
      "Condition": { "StringNotEquals": { "aws:RequestedRegion": "us-east-1" } }
    }
  ]
}`,
      errors: [
        {
          messageId: 'guardNegated',
          level: 'warning',
          data: { action: 'sagemaker:CreateTrainingJob', scope: 'in any region', region: 'eu-west-1', operator: 'StringNotEquals' },
          line: 8,
          column: 43,
          endLine: 8,
          endColumn: 64,
        },
      ],
    },
    {
      // A policy variable decides the region. Line 8: "StringEquals" (14 quoted) cols 22-35, `: { `, key at col 40: end 61.
      name: 'policy variable in the region guard',
      settings: EU,
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "logs:PutLogEvents",
      "Resource": "*",
      "Condition": { "StringEquals": { "aws:RequestedRegion": "\${aws:PrincipalTag/region}" } }
    }
  ]
}`,
      errors: [
        {
          messageId: 'guardUndecided',
          level: 'warning',
          data: { action: 'logs:PutLogEvents', scope: 'outside settings.ml.allowedRegions (eu-west-1)', region: 'us-east-1', operator: 'StringEquals' },
          line: 8,
          column: 40,
          endLine: 8,
          endColumn: 61,
        },
      ],
    },
    {
      // A Deny that also depends on a tag may not apply: the mixed-case Action item is reported. Line 4:
      // `    { "Effect": "Allow", ` puts "Action" at cols 26-33 and the value at col 36; "SAGEMAKER:CreateTrainingJob"
      // quoted is 29: end 65.
      name: 'mixed-case action confined only by a conditional Deny on another key',
      settings: EU,
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "SAGEMAKER:CreateTrainingJob", "Resource": "*" },
    {
      "Effect": "Deny",
      "Action": "*",
      "Resource": "*",
      "Condition": {
        "StringNotEquals": { "aws:RequestedRegion": "eu-west-1" },
        "StringEquals": { "aws:PrincipalTag/strict": "true" }
      }
    }
  ]
}`,
      errors: [
        {
          messageId: 'noGuard',
          level: 'warning',
          data: {
            element: 'Action',
            action: 'sagemaker:CreateTrainingJob',
            resource: 'arn:aws:sagemaker:us-east-1:123456789012:reserved-capacity/example',
            scope: 'outside settings.ml.allowedRegions (eu-west-1)',
            region: 'us-east-1',
          },
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 65,
        },
      ],
    },
    {
      // Single line: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":` is 64 characters, so the
      // Action value starts at col 65; "sagemaker:CreateTrainingJob" quoted is 29: end 94.
      name: 'too many conditional Deny statements to decide',
      settings: EU,
      code: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:CreateTrainingJob","Resource":"*"},${manyDenies}]}`,
      errors: [
        {
          messageId: 'tooComplex',
          level: 'warning',
          data: { element: 'Action', action: 'sagemaker:CreateTrainingJob', scope: 'outside settings.ml.allowedRegions (eu-west-1)' },
          line: 1,
          column: 65,
          endLine: 1,
          endColumn: 94,
        },
      ],
    },
  ],
});
