import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/not-principal-in-trust-policy.js';

new RuleTester().run('not-principal-in-trust-policy', rule, {
  valid: [
    {
      name: 'trust policy with Principal',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" }] }`,
    },
    {
      name: 'NotPrincipal in a resource-based policy is another rule',
      code: `{ "Statement": [{ "Effect": "Deny", "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*" }] }`,
    },
  ],
  invalid: [
    {
      // line 5: 6 spaces, "NotPrincipal" quoted (14 units) at cols 7-20 (end 21).
      name: 'NotPrincipal in a trust policy',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow",
      "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:role/admin" },
      "Action": "sts:AssumeRole" }
  ]
}`,
      errors: [{ messageId: 'notPrincipal', line: 5, column: 7, endLine: 5, endColumn: 21 }],
    },
  ],
});
