import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/missing-tag-key.js';

new RuleTester().run('missing-tag-key', rule, {
  valid: [
    {
      name: 'tag keys present, any case, service tag keys and s3 object tags',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/team": "ml", "AWS:requesttag/Env": "dev", "ec2:ResourceTag/a": "b", "s3:ExistingObjectTag/c": "d" } } }] }`,
    },
    { name: 'an empty non-tag template is not a missing tag key', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "events:Metadata/": "x" } } }] }` },
    { name: 'keys without a tag part', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAnyValue:StringEquals": { "aws:TagKeys": "team" } } }] }` },
  ],
  invalid: [
    {
      // lines 6 and 7: 8 spaces, then an 18-character quoted key ("aws:ResourceTag/", "ec2:ResourceTag/") at cols 9-26.
      name: 'global and service tag families',
      code: `{
  "Statement": [{
    "Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*",
    "Condition": {
      "StringEquals": {
        "aws:ResourceTag/": "ml",
        "ec2:ResourceTag/": "ml"
      }
    }
  }]
}`,
      errors: [
        { messageId: 'missingTagKey', data: { key: 'aws:ResourceTag/' }, line: 6, column: 9, endLine: 6, endColumn: 27 },
        { messageId: 'missingTagKey', data: { key: 'ec2:ResourceTag/' }, line: 7, column: 9, endLine: 7, endColumn: 27 },
      ],
    },
    {
      // prefix 95 characters, then "StringEquals" (14) and ': { ' (4): the key starts at col 114; "s3:ExistingObjectTag/" is 23 characters quoted: cols 114-136.
      name: 's3 object tag family (spelt with a <key> placeholder in the data)',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "s3:ExistingObjectTag/": "x" } } }] }`,
      errors: [{ messageId: 'missingTagKey', data: { key: 's3:ExistingObjectTag/' }, line: 1, column: 114, endLine: 1, endColumn: 137 }],
    },
  ],
});
