import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/duplicate-resource-policy-sid.js';

new RuleTester().run('duplicate-resource-policy-sid', rule, {
  valid: [
    {
      name: 'unique Sids in a bucket policy',
      code: `{ "Statement": [
  { "Sid": "Read", "Effect": "Allow", "Principal": { "AWS": "123456789012" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" },
  { "Sid": "List", "Effect": "Allow", "Principal": { "AWS": "123456789012" }, "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b" }
] }`,
    },
    {
      name: 'identity policies are left to duplicate-sid',
      code: `{ "Statement": [
  { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },
  { "Sid": "Read", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*" }
] }`,
    },
  ],
  invalid: [
    {
      // line 3: two spaces, "{ ", then "Sid": (cols 5-9), ": " → "Read" (6 quoted) at cols 12-17
      name: 'the later statement is reported',
      code: `{ "Statement": [
  { "Sid": "Read", "Effect": "Allow", "Principal": { "AWS": "123456789012" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" },
  { "Sid": "Read", "Effect": "Allow", "Principal": { "AWS": "123456789012" }, "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b" }
] }`,
      errors: [{ messageId: 'duplicateSid', data: { sid: 'Read', line: 2 }, line: 3, column: 12, endLine: 3, endColumn: 18 }],
    },
  ],
});
