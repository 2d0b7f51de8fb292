import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/session-tag-key-without-tag-session.js';

const trust = (action: string, condition: string, more = '') =>
  `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": ${action}, "Condition": ${condition} }${more}] }`;

new RuleTester().run('session-tag-key-without-tag-session', rule, {
  valid: [
    { name: 'sts:TagSession in the same statement', code: trust('["sts:AssumeRole", "sts:TagSession"]', '{ "StringEquals": { "aws:RequestTag/team": "data" } }') },
    {
      name: 'sts:TagSession allowed by a wildcard in another statement',
      code: trust('"sts:AssumeRole"', '{ "StringEquals": { "aws:RequestTag/team": "data" } }', ', { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:*" }'),
    },
    { name: 'a negated operator is true without tags', code: trust('"sts:AssumeRole"', '{ "StringNotEquals": { "aws:RequestTag/team": "ops" } }') },
    { name: 'ForAllValues is true on an empty set', code: trust('"sts:AssumeRole"', '{ "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } }') },
    { name: 'Null "true" requires the key to be missing', code: trust('"sts:AssumeRole"', '{ "Null": { "aws:TagKeys": "true" } }') },
    { name: 'IfExists', code: trust('"sts:AssumeRole"', '{ "StringEqualsIfExists": { "sts:TransitiveTagKeys": "team" } }') },
    { name: 'principal tags are not session tags', code: trust('"sts:AssumeRole"', '{ "StringEquals": { "aws:PrincipalTag/team": "data" } }') },
    {
      name: 'identity policies are not checked',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "iam:CreateRole", "Resource": "*", "Condition": { "StringEquals": { "aws:RequestTag/team": "data" } } }] }`,
    },
  ],
  invalid: [
    {
      // line 9: 8 spaces, "StringEquals" (14) cols 9-22, ": " 23-24, "{ " 25-26, "aws:RequestTag/team" (21) cols 27-47 → end 48.
      // line 10: 8 spaces, "ForAnyValue:StringEquals" (26) cols 9-34, ": " 35-36, "{ " 37-38,
      // "sts:TransitiveTagKeys" (23) cols 39-61 → end 62. Line 11 (IfExists) is true on a missing key.
      name: 'two keys, one IfExists',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::111122223333:root" },
      "Action": "sts:AssumeRole",
      "Condition": {
        "StringEquals": { "aws:RequestTag/team": "data" },
        "ForAnyValue:StringEquals": { "sts:TransitiveTagKeys": ["team"] },
        "StringEqualsIfExists": { "aws:TagKeys": "team" }
      }
    }
  ]
}`,
      errors: [
        { messageId: 'missingTagSession', data: { key: 'aws:RequestTag/team' }, line: 9, column: 27, endLine: 9, endColumn: 48 },
        { messageId: 'missingTagSession', data: { key: 'sts:TransitiveTagKeys' }, line: 10, column: 39, endLine: 10, endColumn: 62 },
      ],
    },
    {
      // '{ "Statement": [{ "Effect": "Allow", "Principal": ' = 2+11+2+3+8+2+7+2+11+2 = 50 units;
      // '{ "Federated": "arn:aws:iam::111122223333:saml-provider/idp" }' = 2+11+2+45+2 = 62 → 51-112;
      // ', "Action": "sts:AssumeRoleWithSAML", "Condition": { ' = 2+8+2+24+2+11+2+2 = 53 → 113-165;
      // "Null" (6) 166-171, ": { " 172-175, "aws:TagKeys" (13) cols 176-188 → end 189.
      // A Deny of sts:TagSession does not allow it.
      name: 'SAML session tags, Null "false", TagSession only denied',
      policyType: 'trust',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/idp" }, "Action": "sts:AssumeRoleWithSAML", "Condition": { "Null": { "aws:TagKeys": "false" } } }, { "Effect": "Deny", "Principal": "*", "Action": "sts:TagSession" }] }`,
      errors: [{ messageId: 'missingTagSession', data: { key: 'aws:TagKeys' }, line: 1, column: 176, endLine: 1, endColumn: 189 }],
    },
  ],
});
