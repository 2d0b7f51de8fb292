import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/redundant-action.js';

const actions = (list: string): string => `{ "Statement": [{ "Effect": "Allow", "Action": ${list}, "Resource": "*" }] }`;

new RuleTester().run('redundant-action', rule, {
  valid: [
    { name: 'distinct actions', code: actions(`["s3:GetObject", "s3:PutObject"]`) },
    { name: 'overlapping wildcards, neither covering the other', code: actions(`["s3:Get*", "s3:*Object"]`) },
    { name: 'a ? needs one more character', code: actions(`["s3:GetObject?", "s3:GetObject"]`) },
    { name: 'a single string', code: actions(`"s3:*"`) },
    {
      name: 'items of different statements are not compared',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "*" }, { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }`,
    },
  ],
  invalid: [
    {
      // lines 6-9 start with 6 spaces, so each item starts at col 7.
      // line 6: "s3:GetObject" (12+2) cols 7-20; line 8: "S3:GET*" (7+2) cols 7-15.
      // "s3:Get*" (line 7) and "S3:GET*" cover each other: only the later one is reported.
      name: 'a covered action and a case-variant duplicate',
      code: `{
  "Statement": [{
    "Effect": "Allow",
    "Action": [
      "ec2:Describe*",
      "s3:GetObject",
      "s3:Get*",
      "S3:GET*"
    ],
    "Resource": "*"
  }]
}`,
      errors: [
        { messageId: 'redundant', data: { element: 'Action', item: '"s3:GetObject"', by: '"s3:Get*"' }, line: 6, column: 7, endLine: 6, endColumn: 21 },
        { messageId: 'redundant', data: { element: 'Action', item: '"S3:GET*"', by: '"s3:Get*"' }, line: 8, column: 7, endLine: 8, endColumn: 16 },
      ],
    },
    {
      // `{ "Statement": [{ "Effect": "Deny", ` is cols 1-36; "NotAction" 37-47, `: `, `[` 50, "iam:*" 51-57.
      name: 'NotAction items, covered by "*"',
      code: `{ "Statement": [{ "Effect": "Deny", "NotAction": ["iam:*", "*"], "Resource": "*" }] }`,
      errors: [{ messageId: 'redundant', data: { element: 'NotAction', item: '"iam:*"', by: '"*"' }, line: 1, column: 51, endLine: 1, endColumn: 58 }],
    },
    {
      // "Action" 38-45, `: `, `[` 48, "s3:Get?bject" (12+2) 49-62, `, `, "s3:GetObject" 65-78.
      name: 'a literal covered by a ? pattern written before it',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": ["s3:Get?bject", "s3:GetObject"], "Resource": "*" }] }`,
      errors: [{ messageId: 'redundant', data: { element: 'Action', item: '"s3:GetObject"', by: '"s3:Get?bject"' }, line: 1, column: 65, endLine: 1, endColumn: 79 }],
    },
    {
      // regression: an exact repeat said it was "covered by" itself. "Action" 38-45, `: `, `[` 48,
      // "ec2:DescribeVpcs" (16+2) 49-66, `, `, "ec2:DescribeVpcs" 69-86 → end 87.
      name: 'an exact repeat',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": ["ec2:DescribeVpcs", "ec2:DescribeVpcs"], "Resource": "*" }] }`,
      errors: [{ messageId: 'duplicate', data: { element: 'Action', item: '"ec2:DescribeVpcs"', by: '"ec2:DescribeVpcs"' }, line: 1, column: 69, endLine: 1, endColumn: 87 }],
    },
  ],
});
