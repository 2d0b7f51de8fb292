import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/service-principal-weak-condition.js';

new RuleTester().run('service-principal-weak-condition', rule, {
  valid: [
    {
      name: 'a source key next to the Referer test',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": "cloudfront.amazonaws.com" }, "Action": "s3:GetObject", "Resource": "*",
  "Condition": { "StringEquals": { "aws:Referer": "x", "aws:SourceAccount": "111122223333" } } }] }`,
    },
    {
      name: 'Referer for anonymous callers, not a service principal',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringLike": { "aws:Referer": "https://example.com/*" } } }] }`,
    },
  ],
  invalid: [
    {
      // line 7: 8 spaces, "aws:Referer" (13 units) cols 9-21 → end 22. line 8: 8 spaces, "aws:UserAgent" (15 units) cols 9-23 → end 24.
      name: 'Referer and UserAgent only',
      code: `{
  "Statement": [{
    "Effect": "Allow", "Principal": { "Service": "cloudfront.amazonaws.com" },
    "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*",
    "Condition": {
      "StringEquals": {
        "aws:Referer": "secret",
        "aws:UserAgent": "Amazon CloudFront"
      }
    }
  }]
}`,
      errors: [
        { messageId: 'weakKey', data: { key: 'aws:Referer', principal: '"cloudfront.amazonaws.com"' }, line: 7, column: 9, endLine: 7, endColumn: 22 },
        { messageId: 'weakKey', data: { key: 'aws:UserAgent', principal: '"cloudfront.amazonaws.com"' }, line: 8, column: 9, endLine: 8, endColumn: 24 },
      ],
    },
  ],
});
