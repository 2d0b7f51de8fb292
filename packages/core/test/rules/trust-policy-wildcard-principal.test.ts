import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/trust-policy-wildcard-principal.js';

new RuleTester().run('trust-policy-wildcard-principal', rule, {
  valid: [
    {
      name: 'trust policy naming an account',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" }] }`,
    },
    {
      name: 'a public bucket policy is not a trust policy',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`,
    },
    {
      name: 'a wildcard Service value is not the AWS wildcard',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": "*" }, "Action": "sts:AssumeRole" }] }`,
    },
    {
      // regression: a Deny guardrail with a wildcard principal was reported as an error
      name: 'Deny guardrail with a wildcard principal',
      code: `{ "Statement": [
        { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/ci" }, "Action": "sts:AssumeRole" },
        { "Effect": "Deny", "Principal": { "AWS": "*" }, "Action": "sts:AssumeRole", "Condition": { "StringNotEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }
      ] }`,
    },
  ],
  invalid: [
    {
      // line 6: 6 spaces, "Principal" quoted cols 7-17, ": " 18-19, "*" quoted cols 20-22 (end 23).
      name: 'Principal "*" even with an organization condition',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": "*",
      "Action": "sts:AssumeRole",
      "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-abc123" } }
    }
  ]
}`,
      errors: [{ messageId: 'wildcardPrincipalWithCondition', data: { principal: '"*"' }, line: 6, column: 20, endLine: 6, endColumn: 23 }],
    },
    {
      // "Principal" quoted 38-48, ": { " 49-52, "AWS" quoted 53-57, ": [" 58-60,
      // "arn:aws:iam::111122223333:root" quoted (13 + 12 + 5 + 2 = 32 units) 61-92, ", " 93-94, "*" quoted 95-97 (end 98).
      name: 'AWS "*" among other values',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": ["arn:aws:iam::111122223333:root", "*"] }, "Action": "sts:AssumeRole" }] }`,
      errors: [{ messageId: 'wildcardPrincipal', data: { principal: '{"AWS": "*"}' }, line: 1, column: 95, endLine: 1, endColumn: 98 }],
    },
    {
      // An empty Condition restricts nothing: the unconditional message.
      // `{ "Statement": [{ "Effect": "Allow", ` is 37 units, "Principal" quoted cols 38-48, ": " 49-50, "*" quoted cols 51-53 (end 54).
      name: 'Principal "*" with an empty Condition',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Condition": {} }] }`,
      errors: [{ messageId: 'wildcardPrincipal', data: { principal: '"*"' }, line: 1, column: 51, endLine: 1, endColumn: 54 }],
    },
  ],
});
