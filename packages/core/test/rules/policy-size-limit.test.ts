import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/policy-size-limit.js';

// Without white space: {"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]} is
// 1+11+1+1+1 + 8+1+7+1 + 8+1+14+1 + 10+1+3 + 1+1+1 = 73 characters; written with "\u004f" for "O" the
// action string is 5 characters longer (escapes count as written): 78.
const IDENTITY = `{
  "Statement": [{
    "Effect": "Allow",
    "Action": "s3:Get\\u004fbject",
    "Resource": "*"
  }]
}`;

// {"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}:
// 15 + (8+1+7+1) + (11+1+1+9+1+19+1+1) + (8+1+16) + 3 = 104 characters.
const TRUST = `{
  "Statement": [{
    "Effect": "Allow",
    "Principal": { "Service": "ec2.amazonaws.com" },
    "Action": "sts:AssumeRole"
  }]
}`;

/** An identity policy of 85 + n characters: the 73 above with "*" (3) replaced by "arn:aws:s3:::" + n letters (15 + n). */
const identityOfLength = (n: number): string =>
  `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::${'a'.repeat(n)}"}]}`;

new RuleTester().run('policy-size-limit', rule, {
  valid: [
    { name: 'exactly at the quota', code: IDENTITY, options: { identity: 78 } },
    { name: 'trust policy at a raised quota', code: TRUST, options: { trust: 104 } },
    { name: 'default managed quota: 6,144 characters', code: identityOfLength(6059) },
    { name: 'resource policies are not checked', code: identityOfLength(6060), policyType: 'resource' },
  ],
  invalid: [
    {
      // the opening brace at 1:1
      name: 'one over the quota, escapes counted as written',
      code: IDENTITY,
      options: { identity: 77 },
      errors: [{ messageId: 'identityTooLarge', data: { size: 78, limit: 77 }, line: 1, column: 1, endLine: 1, endColumn: 2 }],
    },
    {
      name: 'trust policy over its quota',
      code: TRUST,
      options: { trust: 103 },
      errors: [{ messageId: 'trustTooLarge', data: { size: 104, limit: 103 }, line: 1, column: 1, endLine: 1, endColumn: 2 }],
    },
    {
      name: 'default managed quota exceeded by one',
      code: identityOfLength(6060),
      errors: [{ messageId: 'identityTooLarge', data: { size: 6145, limit: 6144 }, line: 1, column: 1, endLine: 1, endColumn: 2 }],
    },
    {
      // leading white space: the brace is at 2:3
      name: 'a permissions boundary uses the managed quota',
      policyType: 'boundary',
      code: `\n  ${identityOfLength(6100)}`,
      errors: [{ messageId: 'identityTooLarge', data: { size: 6185, limit: 6144 }, line: 2, column: 3, endLine: 2, endColumn: 4 }],
    },
  ],
});
