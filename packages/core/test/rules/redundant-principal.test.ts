import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/redundant-principal.js';

new RuleTester().run('redundant-principal', rule, {
  valid: [
    {
      name: 'session of another role, and of the same role name in another account',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": [
  "arn:aws:iam::111122223333:role/deployer",
  "arn:aws:sts::111122223333:assumed-role/builder/ci",
  "arn:aws:sts::444455556666:assumed-role/deployer/ci"
] }, "Action": "sts:AssumeRole" }] }`,
    },
    {
      name: 'role and session in different statements',
      code: `{ "Statement": [
  { "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/deployer" }, "Action": "sts:AssumeRole" },
  { "Effect": "Allow", "Principal": { "AWS": "arn:aws:sts::111122223333:assumed-role/deployer/ci" }, "Action": "sts:TagSession" }
] }`,
    },
    {
      name: 'resource-based policies are not checked',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": ["arn:aws:iam::111122223333:role/r", "arn:aws:sts::111122223333:assumed-role/r/s"] }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`,
    },
  ],
  invalid: [
    {
      // line 9: 10 spaces, then the session ARN quoted: 13 ("arn:aws:sts::") + 12 + 25 (":assumed-role/deployer/ci") + 2 = 52 units, cols 11-62 (end 63).
      name: 'session listed next to its role (the role path is not part of the session ARN)',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "AWS": [
          "arn:aws:iam::111122223333:role/ops/deployer",
          "arn:aws:sts::111122223333:assumed-role/deployer/ci"
        ]
      },
      "Action": "sts:AssumeRole"
    }
  ]
}`,
      errors: [
        {
          messageId: 'redundantSession',
          data: { session: '"arn:aws:sts::111122223333:assumed-role/deployer/ci"', role: '"arn:aws:iam::111122223333:role/ops/deployer"' },
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 63,
        },
      ],
    },
  ],
});
