import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/deny-with-unsupported-tag-key.js';

const deny = (action: string, condition: string): string =>
  `{ "Version": "2012-10-17", "Statement": [{ "Effect": "Deny", "Action": ${action}, "Resource": "*", "Condition": ${condition} }] }`;

new RuleTester().run('deny-with-unsupported-tag-key', rule, {
  valid: [
    {
      name: 'every action supports aws:ResourceTag through its resource type',
      code: deny('["ec2:TerminateInstances", "ec2:StopInstances"]', '{ "StringEquals": { "aws:ResourceTag/env": "prod" } }'),
    },
    {
      name: 'StringNotEquals is true on a missing key, so the Deny applies',
      code: deny('["ec2:TerminateInstances", "ec2:DescribeInstances"]', '{ "StringNotEquals": { "aws:ResourceTag/env": "prod" } }'),
    },
    {
      name: 'IfExists is true on a missing key',
      code: deny('"ec2:DescribeInstances"', '{ "StringEqualsIfExists": { "aws:ResourceTag/env": "prod" } }'),
    },
    {
      name: 'ForAllValues is true on a missing key, Null "true" too',
      code: deny('"ec2:DescribeInstances"', '{ "ForAllValues:StringEquals": { "aws:TagKeys": ["env"] }, "Null": { "aws:RequestTag/env": "true" } }'),
    },
    {
      name: 'aws:RequestTag on an action that sets tags',
      code: deny('"ec2:CreateTags"', '{ "StringEquals": { "aws:RequestTag/env": "prod" } }'),
    },
    {
      name: 'Allow statements belong to allow-with-unsupported-tag-key',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "ec2:DescribeInstances", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/env": "prod" } } }] }`,
    },
    {
      name: 'other tag keys (aws:PrincipalTag) are not about the actions',
      code: deny('"ec2:DescribeInstances"', '{ "StringEquals": { "aws:PrincipalTag/team": "ml" } }'),
    },
  ],
  invalid: [
    {
      // line 8: 6 spaces, "Condition" (11 units) cols 7-17, ": " 18-19, "{" 20, " " 21, "StringEquals" (14) 22-35,
      // ":" 36, " " 37, "{" 38, " " 39, "aws:ResourceTag/env" (21 units) cols 40-60 → end 61.
      // ec2:TerminateInstances acts on an instance (which lists aws:ResourceTag); ec2:DescribeInstances takes only "*".
      name: 'a describe action escapes a Deny on resource tags',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "Action": ["ec2:TerminateInstances", "ec2:DescribeInstances"],
      "Resource": "*",
      "Condition": { "StringEquals": { "aws:ResourceTag/env": "prod" } }
    }
  ]
}`,
      errors: [
        { messageId: 'withAction', data: { count: 1, examples: '"ec2:DescribeInstances"', key: 'aws:ResourceTag/env' }, line: 8, column: 40, endLine: 8, endColumn: 61 },
      ],
    },
    {
      // prefix: '{ ' 2 + '"Version"' 9 + ': ' 2 + '"2012-10-17"' 12 + ', ' 2 + '"Statement"' 11 + ': [' 3 + '{ ' 2
      // + '"Effect"' 8 + ': ' 2 + '"Deny"' 6 + ', ' 2 + '"Action"' 8 + ': ' 2 = 71 units, then "ec2:TerminateInstances" (24)
      // cols 72-95, ', "Resource": "*", "Condition": ' (32) 96-127, "{ " 128-129, "ForAnyValue:StringEquals" (26) 130-155,
      // ": { " 156-159, "aws:TagKeys" (13 units) cols 160-172 → end 173.
      // The resource-type table's aws:TagKeys (for create/tag requests) does not count for TerminateInstances.
      name: 'request-tag keys on an action that sets no tags',
      code: deny('"ec2:TerminateInstances"', '{ "ForAnyValue:StringEquals": { "aws:TagKeys": ["env"] } }'),
      errors: [{ messageId: 'withAction', data: { count: 1, examples: '"ec2:TerminateInstances"', key: 'aws:TagKeys' }, line: 1, column: 160, endLine: 1, endColumn: 173 }],
    },
    {
      // prefix: '{ ' 2 + '"Statement"' 11 + ': [' 3 + '{ ' 2 + '"Effect"' 8 + ': ' 2 + '"Deny"' 6 + ', ' 2 + '"NotAction"' 11
      // + ': ' 2 + '"iam:*"' 7 + ', ' 2 + '"Resource"' 10 + ': ' 2 + '"*"' 3 + ', ' 2 + '"Condition"' 11 + ': ' 2 + '{ ' 2 = 90 units,
      // "StringEquals" (14) 91-104, ": { " 105-108, "aws:ResourceTag/env" (21) cols 109-129 → end 130.
      name: 'NotAction leaves actions of every service, many without tag support',
      code: `{ "Statement": [{ "Effect": "Deny", "NotAction": "iam:*", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/env": "prod" } } }] }`,
      errors: [{ messageId: 'withNotAction', line: 1, column: 109, endLine: 1, endColumn: 130 }],
    },
  ],
});
