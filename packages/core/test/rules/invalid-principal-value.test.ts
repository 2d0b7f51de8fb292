import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/invalid-principal-value.js';

const bucket = (principal: string) =>
  `{ "Statement": [{ "Effect": "Allow", "Principal": ${principal}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`;

new RuleTester().run('invalid-principal-value', rule, {
  valid: [
    {
      name: 'every accepted AWS form',
      code: bucket(`{ "AWS": [
  "*",
  "111122223333",
  "arn:aws:iam::111122223333:root",
  "arn:aws:iam::111122223333:user/division/team/ana",
  "arn:aws-cn:iam::111122223333:role/service-role/app",
  "arn:aws:sts::111122223333:assumed-role/app/session-1",
  "arn:aws-us-gov:sts::111122223333:federated-user/bob",
  "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHEXAMPLE"
] }`),
    },
    {
      name: 'service principals, a canonical user ID, "*" under any type',
      code: bucket(`{ "Service": ["ec2.amazonaws.com", "logs.us-east-1.amazonaws.com", "s3.amazonaws.com.cn", "*"],
  "CanonicalUser": ["79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", "*"], "Federated": "*" }`),
    },
    {
      name: 'left to other rules: unique IDs, Federated values, variables, the bare string form',
      code: `{ "Statement": [
  { "Effect": "Allow", "Principal": { "AWS": ["AROADBQP57FF2AEXAMPLE", "arn:aws:iam::\${aws:PrincipalAccount}:root"], "Federated": "google" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" },
  { "Effect": "Allow", "Principal": "arn:aws:iam::111122223333:root", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }
] }`,
    },
  ],
  invalid: [
    {
      // lines 7-10: 10 spaces, each value quoted from col 11:
      //   "arn:aws:iam::111122223333:role/app-*"         13 + 12 + 11 + 2 = 38 units, cols 11-48 (end 49)
      //   "arn:aws:iam::11112222333:root"                13 + 11 + 5 + 2  = 31 units, cols 11-41 (end 42)
      //   "arn:aws:iam::111122223333:group/admins"       13 + 12 + 13 + 2 = 40 units, cols 11-50 (end 51)
      //   "arn:aws:sts::111122223333:assumed-role/app"   13 + 12 + 17 + 2 = 44 units, cols 11-54 (end 55)
      // line 12: 8 spaces, "Service" quoted 9-17, ": " 18-19, "ec2" quoted 20-24 (end 25).
      // line 13: "CanonicalUser" quoted 9-23, ": " 24-25, 63 hex digits quoted (65 units) 26-90 (end 91).
      name: 'partial wildcard and malformed values',
      code: `{
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "AWS": [
          "arn:aws:iam::111122223333:role/app-*",
          "arn:aws:iam::11112222333:root",
          "arn:aws:iam::111122223333:group/admins",
          "arn:aws:sts::111122223333:assumed-role/app"
        ],
        "Service": "ec2",
        "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2b"
      },
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::b/*"
    }
  ]
}`,
      errors: [
        { messageId: 'partialWildcard', data: { principalType: 'AWS', value: '"arn:aws:iam::111122223333:role/app-*"' }, line: 7, column: 11, endLine: 7, endColumn: 49 },
        { messageId: 'malformedAws', data: { value: '"arn:aws:iam::11112222333:root"', hint: '' }, line: 8, column: 11, endLine: 8, endColumn: 42 },
        { messageId: 'groupPrincipal', data: { value: '"arn:aws:iam::111122223333:group/admins"' }, line: 9, column: 11, endLine: 9, endColumn: 51 },
        { messageId: 'malformedAws', data: { value: '"arn:aws:sts::111122223333:assumed-role/app"', hint: '' }, line: 10, column: 11, endLine: 10, endColumn: 55 },
        { messageId: 'malformedService', data: { value: '"ec2"', hint: ' (did you mean "ec2.amazonaws.com"?)' }, line: 12, column: 20, endLine: 12, endColumn: 25 },
        {
          messageId: 'malformedCanonicalUser',
          data: { value: '"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2b"' },
          line: 13,
          column: 26,
          endLine: 13,
          endColumn: 91,
        },
      ],
    },
    {
      // "Principal" quoted 38-48, ": { " 49-52, "Service" quoted 53-61, ": " 62-63, "*.amazonaws.com" quoted (17 units) 64-80 (end 81).
      name: 'wildcard inside a service principal',
      code: bucket('{ "Service": "*.amazonaws.com" }'),
      errors: [{ messageId: 'partialWildcard', data: { principalType: 'Service', value: '"*.amazonaws.com"' }, line: 1, column: 64, endLine: 1, endColumn: 81 }],
    },
    {
      // a service principal under AWS and an account under Service get a "did you mean" for the other key.
      // line 4: 4 spaces + `"Principal": { "AWS": ` (11+2+2+5+2 = 22) → col 27; "ec2.amazonaws.com" (19 quoted) cols 27-45 → end 46;
      // `, "Service": ` (2+9+2 = 13) → col 59; "111122223333" (14 quoted) cols 59-72 → end 73.
      name: 'principal values under the wrong principal type',
      code: `{
  "Statement": [{
    "Effect": "Allow",
    "Principal": { "AWS": "ec2.amazonaws.com", "Service": "111122223333" },
    "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"
  }]
}`,
      errors: [
        { messageId: 'malformedAws', data: { value: '"ec2.amazonaws.com"', hint: ' (did you mean {"Service": "ec2.amazonaws.com"}?)' }, line: 4, column: 27, endLine: 4, endColumn: 46 },
        { messageId: 'malformedService', data: { value: '"111122223333"', hint: ' (did you mean {"AWS": "111122223333"}?)' }, line: 4, column: 59, endLine: 4, endColumn: 73 },
      ],
    },
  ],
});
