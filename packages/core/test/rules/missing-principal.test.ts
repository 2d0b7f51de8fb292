import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/missing-principal.js';

new RuleTester().run('missing-principal', rule, {
  valid: [
    {
      name: 'every statement has Principal or NotPrincipal',
      code: `{ "Statement": [
  { "Effect": "Allow", "Principal": { "AWS": "111122223333" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" },
  { "Effect": "Deny", "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*" }
] }`,
    },
    {
      name: 'identity policies name no principal',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }`,
    },
  ],
  invalid: [
    {
      // line 5: 4 spaces, the statement object from "{" at col 5; its text
      // { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b" }
      // is 2 + 10 + 9 + 10 + 17 + 12 + 16 + 2 = 78 units: cols 5-82 (end 83).
      name: 'resource-based policy statement without a principal',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Principal": { "AWS": "111122223333" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" },
    { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b" }
  ]
}`,
      errors: [{ messageId: 'missingPrincipal', data: { element: 'Principal or NotPrincipal' }, line: 5, column: 5, endLine: 5, endColumn: 83 }],
    },
    {
      // line 3: 2 spaces, the object { "Effect": "Allow", "Action": "sts:TagSession" } is
      // 2 + 10 + 9 + 10 + 16 + 2 = 49 units: cols 3-51 (end 52).
      name: 'trust policy statement without a principal',
      code: `{ "Statement": [
  { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" },
  { "Effect": "Allow", "Action": "sts:TagSession" }
] }`,
      errors: [{ messageId: 'missingPrincipal', data: { element: 'Principal' }, line: 3, column: 3, endLine: 3, endColumn: 52 }],
    },
  ],
});
