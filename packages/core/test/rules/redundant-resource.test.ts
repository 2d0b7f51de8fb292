import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/redundant-resource.js';

const resources = (list: string, version = '"2012-10-17"'): string =>
  `{ "Version": ${version}, "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": ${list} }] }`;

new RuleTester().run('redundant-resource', rule, {
  valid: [
    { name: 'a bucket and its objects', code: resources(`["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/*"]`) },
    { name: 'resource parts are case-sensitive', code: resources(`["arn:aws:s3:::bucket/*", "arn:aws:s3:::Bucket/x"]`) },
    { name: 'a variable item is only redundant when identical', code: resources(`["arn:aws:s3:::home/*", "arn:aws:s3:::home/\${aws:username}"]`) },
    { name: 'a region wildcard stays in its field', code: resources(`["arn:aws:ec2:us-*:*:instance/*", "arn:aws:ec2:eu-west-1:*:instance/*"]`) },
  ],
  invalid: [
    {
      // items start at col 7 (6 spaces). line 8: "arn:aws:s3:::bucket/logs/*" = 13 + 13 chars + 2 quotes = 28, cols 7-34.
      // line 11: "arn:aws:s3:::home/${aws:username}/*" = 13 + 5 + 15 + 2 chars + 2 quotes = 37, cols 7-43.
      name: 'a covered ARN and a duplicate with a variable',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "s3:GetObject",
    "Resource": [
      "arn:aws:s3:::bucket/*",
      "arn:aws:s3:::bucket/logs/*",
      "arn:aws:s3:::Bucket/x",
      "arn:aws:s3:::home/\${aws:username}/*",
      "arn:aws:s3:::home/\${aws:username}/*"
    ]
  }]
}`,
      errors: [
        {
          messageId: 'redundant',
          data: { element: 'Resource', item: '"arn:aws:s3:::bucket/logs/*"', by: '"arn:aws:s3:::bucket/*"' },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 35,
        },
        {
          messageId: 'duplicate',
          data: { element: 'Resource', item: '"arn:aws:s3:::home/${aws:username}/*"', by: '"arn:aws:s3:::home/${aws:username}/*"' },
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 44,
        },
      ],
    },
    {
      // `{ "Statement": [{ "Effect": "Deny", ` is cols 1-36; "Action" 37-44, `: `, "ec2:*" 47-53, `, `,
      // "NotResource" 56-68, `: `, `[` 71, "arn:aws:ec2:us-east-1:123456789012:instance/i-1" (12+10+13+12 = 47, +2) 72-120.
      name: 'NotResource: a concrete ARN under field wildcards',
      code: `{ "Statement": [{ "Effect": "Deny", "Action": "ec2:*", "NotResource": ["arn:aws:ec2:us-east-1:123456789012:instance/i-1", "arn:aws:ec2:*:*:instance/*"] }] }`,
      errors: [{ messageId: 'redundant', data: { element: 'NotResource', item: '"arn:aws:ec2:us-east-1:123456789012:instance/i-1"', by: '"arn:aws:ec2:*:*:instance/*"' }, line: 1, column: 72, endLine: 1, endColumn: 121 }],
    },
    {
      // Without Version, ${aws:username} is plain text, so "arn:aws:s3:::home/*" covers it.
      // `{ "Statement": [{ "Effect": "Allow", ` cols 1-37; "Action" 38-45, `: `, "s3:GetObject" 48-61, `, `,
      // "Resource" 64-73, `: `, `[` 76, "arn:aws:s3:::home/*" (19+2) 77-97, `, `, "arn:aws:s3:::home/${aws:username}" (33+2) 100-134.
      name: 'no Version: variables are literal text',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::home/*", "arn:aws:s3:::home/\${aws:username}"] }] }`,
      errors: [{ messageId: 'redundant', line: 1, column: 100, endLine: 1, endColumn: 135 }],
    },
    {
      // `{ "Statement": [{ "Effect": "Allow", ` cols 1-37; "Action" 38-45, `: `, "s3:GetObject" 48-61, `, `,
      // "Resource" 64-73, `: `, `[` 76, "arn:aws:s3:::b/*" (16+2) 77-94, `, `, "arn:aws:s3:::b/*" 97-114 → end 115.
      name: 'an exact repeat',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b/*"] }] }`,
      errors: [{ messageId: 'duplicate', data: { element: 'Resource', item: '"arn:aws:s3:::b/*"', by: '"arn:aws:s3:::b/*"' }, line: 1, column: 97, endLine: 1, endColumn: 115 }],
    },
  ],
});
