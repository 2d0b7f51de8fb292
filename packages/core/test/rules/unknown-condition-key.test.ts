import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/unknown-condition-key.js';

new RuleTester().run('unknown-condition-key', rule, {
  valid: [
    {
      name: 'service keys in any case, templated keys and s3 object tags',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "S3:PREFIX": "a", "ec2:ResourceTag/team": "ml", "kms:EncryptionContext:dept": "x", "s3:ExistingObjectTag/c": "d" } } }] }`,
    },
    { name: 'aws: keys are left to unknown-global-condition-key', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:Whatever": "x" } } }] }` },
    { name: 'identity-provider keys cannot be decided', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringLike": { "token.actions.githubusercontent.com:sub": "repo:o/r:*" } } }] }` },
    { name: 'an empty tag key is left to missing-tag-key', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "ec2:ResourceTag/": "x" } } }] }` },
  ],
  invalid: [
    {
      // lines 6-8: 8 spaces, then the quoted keys at col 9: "s3:prefx" (10 characters) cols 9-18,
      // "s3x:prefix" (12) cols 9-20, "prefix" (8) cols 9-16.
      name: 'unknown key, unknown service, malformed',
      code: `{
  "Statement": [{
    "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
    "Condition": {
      "StringLike": {
        "s3:prefx": "home/",
        "s3x:prefix": "home/",
        "prefix": "home/"
      }
    }
  }]
}`,
      errors: [
        { messageId: 'unknownKey', data: { key: 's3:prefx', service: 's3', hint: ' (did you mean "s3:prefix"?)' }, line: 6, column: 9, endLine: 6, endColumn: 19 },
        { messageId: 'unknownService', data: { key: 's3x:prefix', service: 's3x', hint: ' (did you mean "s3"?)' }, line: 7, column: 9, endLine: 7, endColumn: 21 },
        { messageId: 'malformed', data: { key: 'prefix' }, line: 8, column: 9, endLine: 8, endColumn: 17 },
      ],
    },
  ],
});
