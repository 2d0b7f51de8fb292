import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/invalid-sid.js';

new RuleTester().run('invalid-sid', rule, {
  valid: [
    { name: 'letters and digits', code: `{ "Statement": [{ "Sid": "ReadData1", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }` },
    {
      name: 'resource policies of other services allow spaces',
      code: `{ "Statement": [{ "Sid": "Allow read", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" }] }`,
    },
  ],
  invalid: [
    {
      // line 4: 4 spaces, "{", " ", "Sid" quoted (cols 7-11), ": ", then "Read-Data_1" (13 quoted) at cols 14-26.
      // line 5: the number 7 at col 14.
      name: 'dash and underscore, and a number',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Read-Data_1", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },
    { "Sid": 7, "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }
  ]
}`,
      errors: [
        { messageId: 'invalidCharacters', data: { characters: '"-", "_"', value: '"Read-Data_1"' }, line: 4, column: 14, endLine: 4, endColumn: 27 },
        { messageId: 'notAString', data: { type: 'number' }, line: 5, column: 14, endLine: 5, endColumn: 15 },
      ],
    },
    {
      name: 'a boundary is an IAM policy too',
      policyType: 'boundary',
      code: `{ "Statement": [{ "Sid": "cap all", "Effect": "Allow", "Action": "*", "Resource": "*" }] }`,
      errors: [{ messageId: 'invalidCharacters', data: { characters: '" "', value: '"cap all"' }, line: 1, column: 26, endLine: 1, endColumn: 35 }],
    },
  ],
});
