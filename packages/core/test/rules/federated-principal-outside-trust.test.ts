import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/federated-principal-outside-trust.js';

new RuleTester().run('federated-principal-outside-trust', rule, {
  valid: [
    {
      name: 'Federated in a trust policy',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "cognito-identity.amazonaws.com" }, "Action": "sts:AssumeRoleWithWebIdentity" }] }`,
    },
    {
      name: 'a misspelt key is invalid-principal',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "federated": "accounts.google.com" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`,
    },
  ],
  invalid: [
    {
      // "Principal" quoted 38-48, ": { " 49-52, "Federated" quoted 53-63 (end 64).
      name: 'Federated in a bucket policy',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "cognito-identity.amazonaws.com" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`,
      errors: [{ messageId: 'federatedOutsideTrust', line: 1, column: 53, endLine: 1, endColumn: 64 }],
    },
    {
      // line 7: 8 spaces, "Federated" quoted (11 units) cols 9-19 (end 20).
      name: 'Federated next to AWS in a queue policy',
      code: `{
  "Statement": [
    {
      "Effect": "Deny",
      "Principal": {
        "AWS": "111122223333",
        "Federated": "arn:aws:iam::111122223333:saml-provider/corp"
      },
      "Action": "sqs:*",
      "Resource": "*"
    }
  ]
}`,
      errors: [{ messageId: 'federatedOutsideTrust', line: 7, column: 9, endLine: 7, endColumn: 20 }],
    },
  ],
});
