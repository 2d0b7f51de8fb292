import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/instance-type-limit.js';

const ALLOWED = { ml: { allowedInstanceTypes: ['ml.m5.*', 'ml.g5.xlarge', 't3.*'] } };

// Deny statements that each add two operators on the key: 2^7 = 128 branches, beyond the 64 searched.
const manyDenies = Array.from({ length: 7 }, (_, i) =>
  `{"Effect":"Deny","Action":"sagemaker:*","Resource":"*","Condition":{"ForAnyValue:StringNotLike":{"sagemaker:InstanceTypes":"ml.m${i}.*"},"Null":{"sagemaker:InstanceTypes":"true"}}}`,
).join(',');

new RuleTester().run('ml/instance-type-limit', rule, {
  valid: [
    {
      name: 'the seed data-scientist limit (ForAllValues:StringLike with a Null guard), zero-config',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateTrainingJob",
      "Resource": "arn:aws:sagemaker:*:*:training-job/ds-*",
      "Condition": {
        "ForAllValues:StringLike": { "sagemaker:InstanceTypes": ["ml.m5.*", "ml.g5.xlarge"] },
        "Null": { "sagemaker:InstanceTypes": "false" }
      }
    }
  ]
}`,
    },
    {
      name: 'the same limit inside settings.ml.allowedInstanceTypes',
      settings: ALLOWED,
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateTrainingJob",
      "Resource": "*",
      "Condition": {
        "ForAllValues:StringLike": { "sagemaker:InstanceTypes": ["ml.m5.*", "ml.g5.xlarge"] },
        "Null": { "sagemaker:InstanceTypes": "false" }
      }
    }
  ]
}`,
    },
    {
      name: 'Deny confinement: ForAnyValue:StringNotLike plus a Deny of requests without the key',
      settings: ALLOWED,
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "sagemaker:Create*", "Resource": "*" },
    {
      "Effect": "Deny",
      "Action": "sagemaker:*",
      "Resource": "*",
      "Condition": { "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": ["ml.m5.*"] } }
    },
    { "Effect": "Deny", "Action": "sagemaker:*", "Resource": "*", "Condition": { "Null": { "sagemaker:InstanceTypes": "true" } } }
  ]
}`,
    },
    {
      name: 'NotAction that leaves out SageMaker and EC2',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "NotAction": ["sagemaker:*", "ec2:*", "iam:*"], "Resource": "*" }]
}`,
    },
    {
      name: 'mixed-case action names with a limit',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["SageMaker:createTrainingJob", "SAGEMAKER:CREATEPROCESSINGJOB"],
      "Resource": "*",
      "Condition": {
        "ForAllValues:StringEquals": { "sagemaker:InstanceTypes": ["ml.m5.large"] },
        "Null": { "sagemaker:InstanceTypes": "false" }
      }
    }
  ]
}`,
    },
    {
      name: 'ec2:RunInstances on subnets and images only: the instance-type key is on the instance',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "ec2:RunInstances", "Resource": ["arn:aws:ec2:*:*:subnet/*", "arn:aws:ec2:*::image/*"] }]
}`,
    },
    {
      name: 'ec2:RunInstances on instances with StringEquals on ec2:InstanceType (false when absent)',
      settings: ALLOWED,
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:RunInstances",
      "Resource": "arn:aws:ec2:*:*:instance/*",
      "Condition": { "StringLike": { "ec2:InstanceType": ["t3.*"] } }
    }
  ]
}`,
    },
    {
      name: 'a SageMaker key guard makes a statement inapplicable to ec2:RunInstances',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ec2:RunInstances", "sagemaker:CreateTrainingJob"],
      "Resource": "*",
      "Condition": {
        "ForAllValues:StringLike": { "sagemaker:InstanceTypes": ["ml.m5.*"] },
        "Null": { "sagemaker:InstanceTypes": "false" }
      }
    }
  ]
}`,
    },
    {
      name: 'conditions on other keys do not matter when the instance types are limited',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateProcessingJob",
      "Resource": "*",
      "Condition": {
        "StringEquals": { "aws:RequestedRegion": "eu-west-1" },
        "ForAllValues:StringLike": { "sagemaker:InstanceTypes": ["ml.t3.*"] },
        "Null": { "sagemaker:InstanceTypes": "false" }
      }
    }
  ]
}`,
    },
    {
      name: 'an unconditional Deny of every SageMaker action',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "sagemaker:*", "Resource": "*" },
    { "Effect": "Deny", "Action": "sagemaker:*", "Resource": "*" }
  ]
}`,
    },
    {
      name: 'a permissions boundary is checked by other rules',
      policyType: 'boundary',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
}`,
    },
  ],
  invalid: [
    {
      // line 6: "Action" at col 7, value starts col 17 with "[" so the first item is at col 18;
      // "sagemaker:CreateTrainingJob" is 27 characters, 29 quoted: cols 18-46 (end 47).
      name: 'no instance-type condition, reported on the Action item',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob"],
      "Resource": "arn:aws:sagemaker:*:*:training-job/pipeline-*"
    }
  ]
}`,
      errors: [
        {
          messageId: 'noCondition',
          data: {
            element: 'Action',
            action: 'sagemaker:CreateTrainingJob',
            resource: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/pipeline-',
            key: 'sagemaker:InstanceTypes',
            can: 'can',
            type: 'ml.p5.48xlarge',
          },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 47,
        },
      ],
    },
    {
      // line 8: 6 spaces, "Condition" cols 7-17, `: { ` , "ForAnyValue:StringLike" (24 quoted) cols 22-45, `: { `,
      // then the key at col 50; "sagemaker:InstanceTypes" quoted is 25: end 75.
      name: 'ForAnyValue on an Allow lets a request add any other type',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateTrainingJob",
      "Resource": "*",
      "Condition": { "ForAnyValue:StringLike": { "sagemaker:InstanceTypes": ["ml.m5.*"] } }
    }
  ]
}`,
      errors: [
        {
          messageId: 'anyValue',
          data: { action: 'sagemaker:CreateTrainingJob', key: 'sagemaker:InstanceTypes', can: 'can', type: 'ml.p5.48xlarge', operator: 'ForAnyValue:StringLike' },
          line: 8,
          column: 50,
          endLine: 8,
          endColumn: 75,
        },
      ],
    },
    {
      // ForAllValues without a Null guard is true without the key: "may" (warning) on the key, line 8;
      // "ForAllValues:StringLike" quoted is 25 (cols 22-46), so the key starts at col 51 and ends at 76.
      name: 'ForAllValues without a Null guard',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateEndpointConfig",
      "Resource": "*",
      "Condition": { "ForAllValues:StringLike": { "sagemaker:InstanceTypes": ["ml.m5.*"] } }
    }
  ]
}`,
      errors: [
        {
          messageId: 'keyMayBeAbsent',
          level: 'warning',
          data: { action: 'sagemaker:CreateEndpointConfig', key: 'sagemaker:InstanceTypes', operator: 'ForAllValues:StringLike' },
          line: 8,
          column: 51,
          endLine: 8,
          endColumn: 76,
        },
      ],
    },
    {
      // line 9: 8 spaces, "ForAllValues:StringLike" cols 9-33, `: { ` , the key cols 38-62, `: [` (65),
      // "ml.m5.*" cols 66-74, `, `, then "ml.*.xlarge" (13 quoted) at cols 77-89: end 90.
      name: 'a StringLike pattern wider than settings.ml.allowedInstanceTypes',
      settings: ALLOWED,
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateTrainingJob",
      "Resource": "*",
      "Condition": {
        "ForAllValues:StringLike": { "sagemaker:InstanceTypes": ["ml.m5.*", "ml.*.xlarge"] },
        "Null": { "sagemaker:InstanceTypes": "false" }
      }
    }
  ]
}`,
      errors: [
        {
          messageId: 'tooWide',
          data: { action: 'sagemaker:CreateTrainingJob', key: 'sagemaker:InstanceTypes', can: 'can', type: 'ml.g4dn.xlarge', value: 'ml.*.xlarge', allowed: 'ml.m5.*, ml.g5.xlarge' },
          line: 9,
          column: 77,
          endLine: 9,
          endColumn: 90,
        },
      ],
    },
    {
      // zero-config: "*" limits nothing. Line 8: "StringLike" cols 22-33, `: { `, "ec2:InstanceType" cols 38-55,
      // `: `, then "*" at cols 58-60 (end 61).
      name: 'ec2:RunInstances with StringLike "*" on ec2:InstanceType',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:RunInstances",
      "Resource": "arn:aws:ec2:*:*:instance/*",
      "Condition": { "StringLike": { "ec2:InstanceType": "*" } }
    }
  ]
}`,
      errors: [
        {
          messageId: 'matchesAll',
          data: { action: 'ec2:RunInstances', key: 'ec2:InstanceType', can: 'can', type: 'p5.48xlarge', value: '*' },
          line: 8,
          column: 58,
          endLine: 8,
          endColumn: 61,
        },
      ],
    },
    {
      // Allow + NotResource with only a negated operator (a deny-list is not a limit): reported on the key.
      // Line 9: "ForAllValues:StringNotLike" (28 quoted) cols 9-36, `: { `, the key at cols 41-65 (end 66).
      name: 'NotResource with a negated operator that only excludes p instances',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateTrainingJob",
      "NotResource": "arn:aws:s3:::*",
      "Condition": {
        "ForAllValues:StringNotLike": { "sagemaker:InstanceTypes": ["ml.p*"] },
        "Null": { "sagemaker:InstanceTypes": "false" }
      }
    }
  ]
}`,
      errors: [
        {
          messageId: 'negatedOnly',
          data: { action: 'sagemaker:CreateTrainingJob', key: 'sagemaker:InstanceTypes', can: 'can', type: 'ml.g5.48xlarge', operator: 'ForAllValues:StringNotLike' },
          line: 9,
          column: 41,
          endLine: 9,
          endColumn: 66,
        },
      ],
    },
    {
      // NotAction: reported on the NotAction value. Line 3: `  "Statement": [{ ` puts "Effect" at col 19,
      // "Allow" at 29-35, "NotAction" at 38-48, `: `, the value at col 51; "iam:*" quoted is 7: end 58.
      name: 'NotAction grants every compute launch',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }]
}`,
      errors: [
        {
          messageId: 'noCondition',
          data: {
            element: 'NotAction',
            action: 'sagemaker:CreateApp',
            resource: 'arn:aws:sagemaker:us-east-1:123456789012:app/example/example/example/example',
            key: 'sagemaker:InstanceTypes',
            can: 'can',
            type: 'ml.p5.48xlarge',
          },
          line: 3,
          column: 51,
          endLine: 3,
          endColumn: 58,
        },
      ],
    },
    {
      // A Deny that also depends on the region may not apply: "may" (warning). Line 4: 4 spaces, `{ "Effect": "Allow", `
      // puts "Action" at cols 26-33 and the value at col 36; "SageMaker:createtrainingjob" quoted is 29: end 65.
      name: 'mixed-case action confined only by a conditional Deny on another key',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "SageMaker:createtrainingjob", "Resource": "*" },
    {
      "Effect": "Deny",
      "Action": "sagemaker:*",
      "Resource": "*",
      "Condition": {
        "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": ["ml.m5.*"] },
        "StringEquals": { "aws:RequestedRegion": "eu-west-1" }
      }
    },
    { "Effect": "Deny", "Action": "sagemaker:*", "Resource": "*", "Condition": { "Null": { "sagemaker:InstanceTypes": "true" } } }
  ]
}`,
      errors: [
        {
          messageId: 'noCondition',
          level: 'warning',
          data: {
            element: 'Action',
            action: 'sagemaker:CreateTrainingJob',
            resource: 'arn:aws:sagemaker:us-east-1:123456789012:reserved-capacity/example',
            key: 'sagemaker:InstanceTypes',
            can: 'may',
            type: 'ml.p5.48xlarge',
          },
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 65,
        },
      ],
    },
    {
      // The Deny blocks other types but not requests without the key: "may" on the Action item (line 4).
      name: 'Deny confinement without a Null guard',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*" },
    {
      "Effect": "Deny",
      "Action": "sagemaker:*",
      "Resource": "*",
      "Condition": { "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": ["ml.m5.*"] } }
    }
  ]
}`,
      errors: [
        {
          messageId: 'absentKey',
          level: 'warning',
          data: { element: 'Action', action: 'sagemaker:CreateTrainingJob', key: 'sagemaker:InstanceTypes' },
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 65,
        },
      ],
    },
    {
      // A Deny that decides only by region does not limit the types: certain. Action item line 4, cols 36-65.
      name: 'a conditional Deny on the region only',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*" },
    {
      "Effect": "Deny",
      "Action": "*",
      "Resource": "*",
      "Condition": { "StringNotEquals": { "aws:RequestedRegion": "eu-west-1" } }
    }
  ]
}`,
      errors: [
        {
          messageId: 'noCondition',
          level: 'error',
          data: {
            element: 'Action',
            action: 'sagemaker:CreateTrainingJob',
            resource: 'arn:aws:sagemaker:us-east-1:123456789012:reserved-capacity/example',
            key: 'sagemaker:InstanceTypes',
            can: 'can',
            type: 'ml.p5.48xlarge',
          },
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 65,
        },
      ],
    },
    {
      // A Deny on part of the resources leaves the rest open: certain. Action item line 4, col 36-65.
      name: 'a conditional Deny that covers only some training jobs',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*" },
    {
      "Effect": "Deny",
      "Action": "sagemaker:*",
      "Resource": "arn:aws:sagemaker:*:*:training-job/prod-*",
      "Condition": { "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": ["ml.m5.*"] } }
    }
  ]
}`,
      errors: [
        {
          messageId: 'noCondition',
          data: {
            element: 'Action',
            action: 'sagemaker:CreateTrainingJob',
            resource: 'arn:aws:sagemaker:us-east-1:123456789012:reserved-capacity/example',
            key: 'sagemaker:InstanceTypes',
            can: 'can',
            type: 'ml.p5.48xlarge',
          },
          line: 4,
          column: 36,
          endLine: 4,
          endColumn: 65,
        },
      ],
    },
    {
      // A policy variable decides the types: "may" on the key. Line 9: 8 spaces, "StringLike" cols 9-20, `: { `,
      // the key at col 25 (25 characters quoted, end 50).
      name: 'policy variable in the instance-type condition',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateNotebookInstance",
      "Resource": "*",
      "Condition": {
        "StringLike": { "sagemaker:InstanceTypes": "\${aws:PrincipalTag/types}" },
        "Null": { "sagemaker:InstanceTypes": "false" }
      }
    }
  ]
}`,
      errors: [
        {
          messageId: 'undecided',
          level: 'warning',
          data: { action: 'sagemaker:CreateNotebookInstance', key: 'sagemaker:InstanceTypes', type: 'ml.p5.48xlarge', operator: 'StringLike' },
          line: 9,
          column: 25,
          endLine: 9,
          endColumn: 50,
        },
      ],
    },
    {
      // IfExists is true without the key: "may" on the key. Line 8: "StringLikeIfExists" (20 quoted) cols 22-41,
      // `: { `, the key at col 46; "ec2:InstanceType" quoted is 18: end 64.
      name: 'StringLikeIfExists on ec2:InstanceType',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ec2:RunInstances",
      "Resource": "*",
      "Condition": { "StringLikeIfExists": { "ec2:InstanceType": ["t3.*"] } }
    }
  ]
}`,
      errors: [
        {
          messageId: 'keyMayBeAbsent',
          level: 'warning',
          data: { action: 'ec2:RunInstances', key: 'ec2:InstanceType', operator: 'StringLikeIfExists' },
          line: 8,
          column: 46,
          endLine: 8,
          endColumn: 64,
        },
      ],
    },
    {
      // Single line: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":` is 64 characters, so
      // the Action value starts at col 65; "sagemaker:CreateTrainingJob" quoted is 29: end 94.
      name: 'too many conditional Deny statements to decide',
      code: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:CreateTrainingJob","Resource":"*"},${manyDenies}]}`,
      errors: [
        {
          messageId: 'tooComplex',
          level: 'warning',
          data: { element: 'Action', action: 'sagemaker:CreateTrainingJob', key: 'sagemaker:InstanceTypes' },
          line: 1,
          column: 65,
          endLine: 1,
          endColumn: 94,
        },
      ],
    },
  ],
});
