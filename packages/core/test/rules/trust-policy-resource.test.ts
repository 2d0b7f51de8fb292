import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/trust-policy-resource.js';

new RuleTester().run('trust-policy-resource', rule, {
  valid: [
    {
      name: 'trust policy without Resource',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }] }`,
    },
    {
      name: 'resource policies name resources',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "111122223333" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`,
    },
    {
      name: 'identity policy allowing sts:AssumeRole on a role',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/x" }] }`,
    },
    {
      // regression: "Action": "*" made this bucket policy a trust policy (two false errors)
      name: 'bucket policy denying every action is not a trust policy',
      code: `{ "Statement": [{ "Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "arn:aws:s3:::b/*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }] }`,
    },
    {
      // regression: an STS VPC endpoint policy names principals, sts:AssumeRole and a Resource
      name: 'STS VPC endpoint policy is not a trust policy',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/*" }] }`,
    },
  ],
  invalid: [
    {
      // line 8: 6 spaces, then "Resource" (10 units incl. quotes) at cols 7-16 → end 17.
      // line 14: 6 spaces, then "NotResource" (13 units) at cols 7-19 → end 20.
      name: 'Resource and NotResource in two statements',
      policyType: 'trust',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "AWS": "arn:aws:iam::111122223333:root" },
      "Action": "sts:AssumeRole",
      "Resource": "arn:aws:iam::111122223333:role/x"
    },
    {
      "Effect": "Allow",
      "Principal": { "Service": "ec2.amazonaws.com" },
      "Action": "sts:AssumeRole",
      "NotResource": "*"
    }
  ]
}`,
      errors: [
        { messageId: 'resourceInTrust', data: { element: 'Resource' }, line: 8, column: 7, endLine: 8, endColumn: 17 },
        { messageId: 'resourceInTrust', data: { element: 'NotResource' }, line: 14, column: 7, endLine: 14, endColumn: 20 },
      ],
    },
    {
      // Inferred trust policy: statement 1 names a principal and sts:AssumeRole without Resource.
      // line 3: 4 spaces + "{ " (6) + `"Effect": "Allow", ` (19) → 25; `"Principal": { "Service": "ec2.amazonaws.com" }, `
      // (11+2+2+9+2+19+2+2 = 49) → 74; `"Action": "sts:TagSession", ` (8+2+16+2 = 28) → 102; "Resource" (10 units) cols 103-112 → end 113.
      name: 'trust policy (inferred) whose second statement names a Resource',
      code: `{ "Statement": [
    { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" },
    { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:TagSession", "Resource": "*" }
  ] }`,
      errors: [{ messageId: 'resourceInTrust', data: { element: 'Resource' }, line: 3, column: 103, endLine: 3, endColumn: 113 }],
    },
  ],
});
