import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/principal-unique-id.js';

new RuleTester().run('principal-unique-id', rule, {
  valid: [
    {
      name: 'role and user ARNs',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": ["arn:aws:iam::111122223333:role/app", "arn:aws:iam::111122223333:user/ana"] }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`,
    },
    {
      name: 'an ID-like string under another principal type, or too short to be an ID',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "CanonicalUser": "AROADBQP57FF2AEXAMPLE", "AWS": "AROA1234" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`,
    },
  ],
  invalid: [
    {
      // "Principal" quoted 38-48, ": { " 49-52, "AWS" quoted 53-57, ": [" 58-60,
      // "AROADBQP57FF2AEXAMPLE" quoted (23 units) 61-83, ", " 84-85, "AIDACKCEVSQ6C2EXAMPLE" quoted 86-108 (end 109).
      name: 'role and user unique IDs',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": ["AROADBQP57FF2AEXAMPLE", "AIDACKCEVSQ6C2EXAMPLE"] }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`,
      errors: [
        { messageId: 'roleId', data: { value: '"AROADBQP57FF2AEXAMPLE"' }, line: 1, column: 61, endLine: 1, endColumn: 84 },
        { messageId: 'userId', data: { value: '"AIDACKCEVSQ6C2EXAMPLE"' }, line: 1, column: 86, endLine: 1, endColumn: 109 },
      ],
    },
    {
      // line 4: 4 spaces, "Principal" quoted 5-15, ": { " 16-19, "AWS" quoted 20-24, ": " 25-26, "AROA…" quoted 27-49 (end 50).
      name: 'role ID in a trust policy',
      code: `{ "Statement": [
  { "Effect": "Allow",
    "Action": "sts:AssumeRole",
    "Principal": { "AWS": "AROADBQP57FF2AEXAMPLE" } }
] }`,
      errors: [{ messageId: 'roleId', data: { value: '"AROADBQP57FF2AEXAMPLE"' }, line: 4, column: 27, endLine: 4, endColumn: 50 }],
    },
  ],
});
