import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/allow-with-not-principal.js';

new RuleTester().run('allow-with-not-principal', rule, {
  valid: [
    {
      name: 'Deny with NotPrincipal',
      code: `{ "Statement": [{ "Effect": "Deny", "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*" }] }`,
    },
    {
      name: 'Allow with Principal',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "111122223333" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`,
    },
    {
      name: 'a lower-case effect is not Allow (invalid-effect reports it)',
      code: `{ "Statement": [{ "Effect": "allow", "NotPrincipal": { "AWS": "111122223333" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`,
    },
    {
      // regression: reported here and by not-principal-in-trust-policy on the same element
      name: 'trust policies are left to not-principal-in-trust-policy',
      policyType: 'trust',
      code: `{ "Statement": [{ "Effect": "Allow", "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" }] }`,
    },
  ],
  invalid: [
    {
      // line 6: 6 spaces, "NotPrincipal" quoted (14 units) at cols 7-20 (end 21).
      name: 'Allow with NotPrincipal in a bucket policy',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:user/mallory" },
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::b/*"
    }
  ]
}`,
      errors: [{ messageId: 'allowNotPrincipal', line: 6, column: 7, endLine: 6, endColumn: 21 }],
    },
  ],
});
