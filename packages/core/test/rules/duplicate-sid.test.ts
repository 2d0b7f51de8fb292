import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/duplicate-sid.js';

new RuleTester().run('duplicate-sid', rule, {
  valid: [
    {
      name: 'unique Sids',
      code: `{ "Statement": [{ "Sid": "A", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }, { "Sid": "B", "Effect": "Deny", "Action": "s3:PutObject", "Resource": "*" }] }`,
    },
    {
      name: 'resource policies are left to their services',
      policyType: 'resource',
      code: `{ "Statement": [{ "Sid": "A", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" }, { "Sid": "A", "Effect": "Allow", "Principal": "*", "Action": "s3:ListBucket", "Resource": "*" }] }`,
    },
  ],
  invalid: [
    {
      // the third statement's "Logs" (6 characters quoted) at line 5, cols 14-19; the first is on line 3.
      name: 'the later statement is reported',
      code: `{
  "Statement": [
    { "Sid": "Logs", "Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "*" },
    { "Sid": "Data", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },
    { "Sid": "Logs", "Effect": "Deny", "Action": "logs:DeleteLogGroup", "Resource": "*" }
  ]
}`,
      errors: [{ messageId: 'duplicateSid', data: { sid: 'Logs', line: 3 }, line: 5, column: 14, endLine: 5, endColumn: 20 }],
    },
  ],
});
