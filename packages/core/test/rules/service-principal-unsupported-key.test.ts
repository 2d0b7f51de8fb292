import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/service-principal-unsupported-key.js';

const bucket = (principal: string, condition: string): string =>
  `{ "Statement": [{ "Effect": "Allow", "Principal": ${principal}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*", "Condition": ${condition} }] }`;

new RuleTester().run('service-principal-unsupported-key', rule, {
  valid: [
    { name: 'aws:SourceOrgID is the key for services', code: bucket('{ "Service": "logs.amazonaws.com" }', '{ "StringEquals": { "aws:SourceOrgID": "o-a1b2c3d4e5" } }') },
    {
      name: 'an AWS principal in the same statement carries the key',
      code: bucket('{ "Service": "logs.amazonaws.com", "AWS": "111122223333" }', '{ "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }'),
    },
    { name: 'IfExists is true for the service', code: bucket('{ "Service": "logs.amazonaws.com" }', '{ "StringEqualsIfExists": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }') },
    { name: 'a negated operator is true for the service', code: bucket('{ "Service": "logs.amazonaws.com" }', '{ "StringNotEquals": { "aws:PrincipalTag/team": "ml" } }') },
    { name: 'Principal "*" may be anyone', code: bucket('"*"', '{ "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }') },
  ],
  invalid: [
    {
      // line 6: 8 spaces, "ForAnyValue:StringLike" (24) cols 9-32, ": " 33-34, "{ " 35-36,
      // "aws:PrincipalOrgPaths" (23 units) cols 37-59 → end 60. The Null "true" test on line 5 is true for services.
      name: 'org paths of a service principal in a trust policy',
      policyType: 'trust',
      code: `{
  "Statement": [
    { "Effect": "Allow", "Principal": { "Service": ["lambda.amazonaws.com"] }, "Action": "sts:AssumeRole",
      "Condition": {
        "Null": { "aws:PrincipalTag/team": "true" },
        "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": ["o-a1b2c3d4e5/*"] } } }
  ]
}`,
      errors: [
        { messageId: 'unsupportedKey', data: { key: 'aws:PrincipalOrgPaths', principal: '"lambda.amazonaws.com"' }, line: 6, column: 37, endLine: 6, endColumn: 60 },
      ],
    },
    {
      // '{ "Statement": [{ "Effect": "Allow", "Principal": ' = 2+11+3+2+8+2+7+2+11+2 = 50 units;
      // '{ "Service": "logs.amazonaws.com" }' = 2+9+2+20+2 = 35 → 51-85;
      // ', "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*", "Condition": ' = 2+8+2+14+2+10+2+18+2+11+2 = 73 → 86-158;
      // "{ " 159-160, "StringEquals" (14) 161-174, ": { " 175-178, "aws:PrincipalTag/team" (23 units) cols 179-201 → end 202.
      name: 'principal tags of a service principal',
      code: bucket('{ "Service": "logs.amazonaws.com" }', '{ "StringEquals": { "aws:PrincipalTag/team": "ml" } }'),
      errors: [{ messageId: 'unsupportedKey', data: { key: 'aws:PrincipalTag/team', principal: '"logs.amazonaws.com"' }, line: 1, column: 179, endLine: 1, endColumn: 202 }],
    },
  ],
});
