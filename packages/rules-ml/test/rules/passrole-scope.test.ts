import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/passrole-scope.js';

const SERVICES = 'sagemaker.amazonaws.com, states.amazonaws.com, lambda.amazonaws.com';

/** A policy with one statement written one element per line (columns are easy to count). */
const policy = (...elements: string[]) => `{
  "Version": "2012-10-17",
  "Statement": [
    {
${elements.map((e) => `      ${e}`).join(',\n')}
    }
  ]
}`;

new RuleTester().run('ml/passrole-scope', rule, {
  valid: [
    {
      name: 'the seed pipeline passes its execution role to SageMaker only',
      code: policy(
        '"Effect": "Allow"',
        '"Action": "iam:PassRole"',
        '"Resource": "arn:aws:iam::*:role/ml-sagemaker-execution"',
        '"Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } }',
      ),
    },
    {
      name: 'one named role without iam:PassedToService is left to other rules',
      code: policy('"Effect": "Allow"', '"Action": "iam:PassRole"', '"Resource": "arn:aws:iam::111122223333:role/ml-exec"'),
    },
    {
      name: 'a wildcard in the account only names one role per account',
      code: policy('"Effect": "Allow"', '"Action": "iam:PassRole"', '"Resource": "arn:aws:iam::*:role/ml-exec"'),
    },
    {
      name: 'role wildcard limited to ML services with StringLike',
      code: policy(
        '"Effect": "Allow"',
        '"Action": "iam:PassRole"',
        '"Resource": "arn:aws:iam::*:role/ml-*"',
        '"Condition": { "StringLike": { "iam:PassedToService": ["sagemaker.amazonaws.com", "states.amazonaws.com"] } }',
      ),
    },
    {
      name: 'Deny confinement: Allow iam:* with a Deny of PassRole to every other service',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "iam:*", "Resource": "*" },
    {
      "Effect": "Deny",
      "Action": "iam:PassRole",
      "Resource": "*",
      "Condition": { "StringNotEquals": { "iam:PassedToService": ["sagemaker.amazonaws.com", "states.amazonaws.com", "lambda.amazonaws.com"] } }
    }
  ]
}`,
    },
    {
      name: 'NotAction that excludes iam:PassRole',
      code: policy('"Effect": "Allow"', '"NotAction": ["iam:Pass*", "s3:*"]', '"Resource": "*"'),
    },
    {
      name: 'a Deny statement grants nothing',
      code: policy('"Effect": "Deny"', '"Action": "iam:PassRole"', '"Resource": "*"'),
    },
    {
      name: 'mlServices from settings',
      settings: { ml: { mlServices: ['*.amazonaws.com'] } },
      code: policy(
        '"Effect": "Allow"',
        '"Action": "iam:PassRole"',
        '"Resource": "*"',
        '"Condition": { "StringEquals": { "iam:PassedToService": "ec2.amazonaws.com" } }',
      ),
    },
    {
      name: 'a Resource that names no role',
      code: policy('"Effect": "Allow"', '"Action": "iam:*"', '"Resource": "arn:aws:iam::*:user/*"'),
    },
  ],
  invalid: [
    {
      // line 7 is `      "Resource": "*"`: "Resource" is cols 7-16, then ": ", so "*" is cols 19-21 (end 22).
      name: 'PassRole on "*" without iam:PassedToService',
      code: policy('"Effect": "Allow"', '"Action": "iam:PassRole"', '"Resource": "*"'),
      errors: [
        {
          messageId: 'anyService',
          data: { element: 'Resource "*"', services: SERVICES, role: 'arn:aws:iam::123456789012:role/example', service: 'ec2.amazonaws.com' },
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 22,
        },
      ],
    },
    {
      // mixed-case action; only the wildcard item: line 7 is
      // `      "Resource": ["arn:aws:iam::*:role/ml-exec", "arn:aws:iam::*:role/ml-*"]`; the array opens
      // at col 19, the first item is 29 characters quoted (cols 20-48), ", " then the second item at
      // col 51, 26 characters quoted: end 77.
      name: 'mixed-case action on a role-name wildcard',
      code: policy('"Effect": "Allow"', '"Action": "IAM:passRole"', '"Resource": ["arn:aws:iam::*:role/ml-exec", "arn:aws:iam::*:role/ml-*"]'),
      errors: [
        {
          messageId: 'anyService',
          data: {
            element: 'Resource "arn:aws:iam::*:role/ml-*"',
            services: SERVICES,
            role: 'arn:aws:iam::123456789012:role/ml-',
            service: 'ec2.amazonaws.com',
          },
          line: 7,
          column: 51,
          endLine: 7,
          endColumn: 77,
        },
      ],
    },
    {
      // NotAction + NotResource: line 7 is `      "NotResource": "arn:aws:iam::*:role/admin"`; "NotResource" is
      // cols 7-19, the value starts at col 22 and is 27 characters quoted: end 49.
      name: 'NotAction and NotResource let PassRole reach every other role',
      code: policy('"Effect": "Allow"', '"NotAction": "s3:*"', '"NotResource": "arn:aws:iam::*:role/admin"'),
      errors: [
        {
          messageId: 'anyService',
          data: { element: 'NotResource', services: SERVICES, role: 'arn:aws:iam::123456789012:role/example', service: 'ec2.amazonaws.com' },
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 49,
        },
      ],
    },
    {
      // line 10 (after `"Condition": {` and `"StringEquals": {`) is `          "iam:PassedToService": ["sagemaker.amazonaws.com", "glue.amazonaws.com"]`: the key is
      // cols 11-31, the array opens at col 34, the first value is cols 35-59 (25 quoted), ", ", then
      // "glue.amazonaws.com" at col 62, 20 characters quoted: end 82.
      name: 'a PassedToService value outside mlServices',
      code: policy(
        '"Effect": "Allow"',
        '"Action": "iam:PassRole"',
        '"Resource": "arn:aws:iam::111122223333:role/ml-exec"',
        `"Condition": {
        "StringEquals": {
          "iam:PassedToService": ["sagemaker.amazonaws.com", "glue.amazonaws.com"]
        }
      }`,
      ),
      errors: [
        {
          messageId: 'serviceOutsideScope',
          data: { value: '"glue.amazonaws.com"', services: SERVICES, role: 'arn:aws:iam::111122223333:role/ml-exec', service: 'glue.amazonaws.com' },
          line: 10,
          column: 62,
          endLine: 10,
          endColumn: 82,
        },
      ],
    },
    {
      // a StringLike pattern wider than mlServices; line 10 is `          "iam:PassedToService": "*.amazonaws.com"`:
      // the value starts at col 34 and is 17 characters quoted: end 51.
      name: 'a PassedToService pattern wider than mlServices',
      code: policy(
        '"Effect": "Allow"',
        '"Action": "iam:PassRole"',
        '"Resource": "arn:aws:iam::111122223333:role/ml-exec"',
        `"Condition": {
        "StringLike": {
          "iam:PassedToService": "*.amazonaws.com"
        }
      }`,
      ),
      errors: [
        {
          messageId: 'serviceOutsideScope',
          data: { value: '"*.amazonaws.com"', services: SERVICES, role: 'arn:aws:iam::111122223333:role/ml-exec', service: 'ec2.amazonaws.com' },
          line: 10,
          column: 34,
          endLine: 10,
          endColumn: 51,
        },
      ],
    },
    {
      // another condition (MFA) decides: "may", warning. Same place as above: line 10 from col 34
      // ("glue.amazonaws.com" quoted is 20 characters: end 54).
      name: 'conditional statement: a PassedToService value outside mlServices with an MFA condition',
      code: policy(
        '"Effect": "Allow"',
        '"Action": "iam:PassRole"',
        '"Resource": "arn:aws:iam::111122223333:role/ml-exec"',
        `"Condition": {
        "StringEquals": {
          "iam:PassedToService": "glue.amazonaws.com"
        },
        "Bool": { "aws:MultiFactorAuthPresent": "true" }
      }`,
      ),
      errors: [
        {
          messageId: 'mayServiceOutsideScope',
          level: 'warning',
          data: { value: '"glue.amazonaws.com"', services: SERVICES, role: 'arn:aws:iam::111122223333:role/ml-exec', service: 'glue.amazonaws.com' },
          line: 10,
          column: 34,
          endLine: 10,
          endColumn: 54,
        },
      ],
    },
    {
      // a role tag limits which roles, not where they go: "may". Line 7 is
      // `      "Resource": "arn:aws:iam::*:role/ml-*"`: cols 19-44 (26 quoted), end 45.
      name: 'conditional statement: role wildcard with a tag condition only',
      code: policy(
        '"Effect": "Allow"',
        '"Action": "iam:PassRole"',
        '"Resource": "arn:aws:iam::*:role/ml-*"',
        '"Condition": { "StringEquals": { "aws:ResourceTag/team": "ml" } }',
      ),
      errors: [
        {
          messageId: 'mayAnyService',
          level: 'warning',
          data: {
            element: 'Resource "arn:aws:iam::*:role/ml-*"',
            services: SERVICES,
            role: 'arn:aws:iam::123456789012:role/ml-',
            service: 'ec2.amazonaws.com',
          },
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 45,
        },
      ],
    },
    {
      // StringNotEquals on one service leaves every other: reported on the Resource (line 7, cols 19-45);
      // ec2 is excluded, lambda is an ML service, so the example is the next readable service.
      name: 'a negated PassedToService test does not limit to ML services',
      code: policy(
        '"Effect": "Allow"',
        '"Action": "iam:PassRole"',
        '"Resource": "arn:aws:iam::*:role/ml-*"',
        '"Condition": { "StringNotEquals": { "iam:PassedToService": "ec2.amazonaws.com" } }',
      ),
      errors: [
        {
          messageId: 'anyService',
          data: {
            element: 'Resource "arn:aws:iam::*:role/ml-*"',
            services: SERVICES,
            role: 'arn:aws:iam::123456789012:role/ml-',
            service: 'ecs-tasks.amazonaws.com',
          },
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 45,
        },
      ],
    },
    {
      // Deny confinement that misses some roles: the Deny covers role/admin* only, so role/example
      // still goes anywhere. `{ "Effect": "Allow", "Action": "iam:*", "Resource": "*" }` on line 4:
      // 4 spaces, "{ " then "Effect" at col 7 … "Resource" at cols 45-54, "*" at cols 57-59: end 60.
      name: 'a Deny confined to some roles leaves the others',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "iam:*", "Resource": "*" },
    {
      "Effect": "Deny",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::*:role/admin*",
      "Condition": { "StringNotEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } }
    }
  ]
}`,
      errors: [
        {
          messageId: 'anyService',
          data: { element: 'Resource "*"', services: SERVICES, role: 'arn:aws:iam::123456789012:role/example', service: 'ec2.amazonaws.com' },
          line: 4,
          column: 57,
          endLine: 4,
          endColumn: 60,
        },
      ],
    },
    {
      // a conditional Deny (MFA) may not apply: "may". Line 4, "*" at cols 64-66 after
      // `    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": ` (63 characters): end 67.
      name: 'conditional Deny confinement leaves a possible escape',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" },
    {
      "Effect": "Deny",
      "Action": "iam:PassRole",
      "Resource": "*",
      "Condition": {
        "StringNotEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" },
        "BoolIfExists": { "aws:MultiFactorAuthPresent": "true" }
      }
    }
  ]
}`,
      errors: [
        {
          messageId: 'mayAnyService',
          level: 'warning',
          data: { element: 'Resource "*"', services: SERVICES, role: 'arn:aws:iam::123456789012:role/example', service: 'ec2.amazonaws.com' },
          line: 4,
          column: 64,
          endLine: 4,
          endColumn: 67,
        },
      ],
    },
  ],
});
