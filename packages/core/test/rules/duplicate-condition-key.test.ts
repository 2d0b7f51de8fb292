import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/duplicate-condition-key.js';

new RuleTester().run('duplicate-condition-key', rule, {
  valid: [
    {
      name: 'same key under two operators',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "IpAddress": { "aws:SourceIp": "10.0.0.0/8" }, "NotIpAddress": { "AWS:sourceip": "10.1.0.0/16" } } }] }`,
    },
    { name: 'an exact repeat is left to duplicate-key', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "IpAddress": { "aws:SourceIp": "10.0.0.0/8", "aws:SourceIp": "10.1.0.0/16" } } }] }` },
  ],
  invalid: [
    {
      // line 7: 8 spaces, then "AWS:sourceip" (14 characters quoted) at cols 9-22.
      name: 'one key in two spellings',
      code: `{
  "Statement": [{
    "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
    "Condition": {
      "IpAddress": {
        "aws:SourceIp": "203.0.113.0/24",
        "AWS:sourceip": "198.51.100.0/24"
      }
    }
  }]
}`,
      errors: [{ messageId: 'differentCase', data: { key: 'AWS:sourceip', first: 'aws:SourceIp', operator: 'IpAddress' }, line: 7, column: 9, endLine: 7, endColumn: 23 }],
    },
  ],
});
