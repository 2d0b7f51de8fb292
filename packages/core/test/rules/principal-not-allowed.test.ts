import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/principal-not-allowed.js';

new RuleTester().run('principal-not-allowed', rule, {
  valid: [
    {
      name: 'a resource-based policy names its principals',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "111122223333" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`,
    },
    {
      name: 'a trust policy names its principals',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }] }`,
    },
    {
      name: 'an identity policy without principals',
      policyType: 'identity',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }`,
    },
  ],
  invalid: [
    {
      // "{ " (1-2), "Statement" quoted 3-13, ": [{ " 14-18, "Effect" quoted 19-26, ": " 27-28,
      // "Allow" quoted 29-35, ", " 36-37, "Principal" quoted 38-48 (end 49).
      name: 'Principal in an identity policy',
      policyType: 'identity',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*" }] }`,
      errors: [
        { messageId: 'notAllowed', data: { element: 'Principal', policyType: 'an identity policy' }, line: 1, column: 38, endLine: 1, endColumn: 49 },
      ],
    },
    {
      // same layout as above.
      name: 'Principal in a permissions boundary',
      policyType: 'boundary',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*" }] }`,
      errors: [
        { messageId: 'notAllowed', data: { element: 'Principal', policyType: 'a permissions boundary' }, line: 1, column: 38, endLine: 1, endColumn: 49 },
      ],
    },
    {
      // line 6: 6 spaces, then "NotPrincipal" quoted (14 units) at cols 7-20 (end 21).
      name: 'NotPrincipal in an SCP',
      policyType: 'scp',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:root" },
      "Action": "*",
      "Resource": "*"
    }
  ]
}`,
      errors: [{ messageId: 'notAllowed', data: { element: 'NotPrincipal', policyType: 'an SCP' }, line: 6, column: 7, endLine: 6, endColumn: 21 }],
    },
  ],
});
