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
  ],
  invalid: [
    {
      // line 8: 6 spaces, then "Resource" (10 units incl. quotes) at cols 7-16 → end 17.
      // line 14: 6 spaces, then "NotResource" (13 units) at cols 7-19 → end 20.
      name: 'Resource and NotResource in two statements',
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
  ],
});
