import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/deprecated-global-condition-key.js';

new RuleTester().run('deprecated-global-condition-key', rule, {
  valid: [{ name: 'the replacement keys', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::*:role/a", "aws:SourceArn": "arn:aws:s3:::b" } } }] }` }],
  invalid: [
    {
      // prefix 95 characters, "StringEquals" (14) and ': { ' (4): the key starts at col 114; "aws:arn" is 9 characters quoted: cols 114-122.
      name: 'aws:ARN in any case',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:arn": "arn:aws:iam::123456789012:role/a" } } }] }`,
      errors: [
        {
          messageId: 'deprecatedKey',
          data: { key: 'aws:arn', replacement: '"aws:PrincipalArn" (the caller) or "aws:SourceArn" (the resource on whose behalf a service calls)' },
          line: 1,
          column: 114,
          endLine: 1,
          endColumn: 123,
        },
      ],
    },
  ],
});
