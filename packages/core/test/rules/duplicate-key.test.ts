import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/duplicate-key.js';

new RuleTester().run('duplicate-key', rule, {
  valid: [
    { name: 'same key in different objects', code: `{ "Statement": [{ "Effect": "Allow" }, { "Effect": "Deny" }] }` },
  ],
  invalid: [
    {
      // two StringEquals blocks: the first (line 8, cols 9-22) is silently dropped by JSON parsers.
      name: 'repeated condition operator',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*",
      "Condition": {
        "StringEquals": { "aws:PrincipalTag/team": "ml" },
        "StringEquals": { "aws:RequestedRegion": "eu-west-1" }
      }
    }
  ]
}`,
      errors: [{ messageId: 'duplicateKey', data: { key: 'StringEquals', line: 10 }, line: 9, column: 9, endLine: 9, endColumn: 23 }],
    },
    {
      name: 'three Effects: the first two are reported',
      code: `{ "Statement": { "Effect": "Deny", "Effect": "Deny", "Effect": "Allow", "Action": "*", "Resource": "*" } }`,
      errors: [
        { messageId: 'duplicateKey', data: { key: 'Effect', line: 1 }, line: 1, column: 18, endLine: 1, endColumn: 26 },
        { messageId: 'duplicateKey', data: { key: 'Effect', line: 1 }, line: 1, column: 36, endLine: 1, endColumn: 44 },
      ],
    },
  ],
});
