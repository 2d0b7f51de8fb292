import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/mismatched-action-for-principal.js';

new RuleTester().run('mismatched-action-for-principal', rule, {
  valid: [
    {
      name: 'OIDC provider ARN with its action and sts:TagSession',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"] }] }`,
    },
    {
      name: 'a wildcard that also matches the right action',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/Okta" }, "Action": "sts:AssumeRole*" }] }`,
    },
    {
      name: 'mixed principals, each with its action',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "111122223333", "Federated": "arn:aws:iam::111122223333:saml-provider/Okta" }, "Action": ["sts:AssumeRole", "sts:AssumeRoleWithSAML"] }] }`,
    },
    {
      name: 'service principal with sts:AssumeRole and sts:SetSourceIdentity',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": "lambda.amazonaws.com" }, "Action": ["sts:AssumeRole", "sts:SetSourceIdentity"] }] }`,
    },
    {
      name: 'wildcard principal is not checked',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRoleWithSAML" }] }`,
    },
    {
      name: 'Deny statements grant nothing',
      code: `{ "Statement": [{ "Effect": "Deny", "Principal": { "Federated": "accounts.google.com" }, "Action": "sts:AssumeRoleWithSAML" }] }`,
    },
  ],
  invalid: [
    {
      // line 6: 6 spaces, "Action" cols 7-14, ": " 15-16, "[" 17, then "sts:AssumeRoleWithWebIdentity"
      // (4 + 25 letters + 2 quotes = 31 units) at cols 18-48 → end 49.
      name: 'SAML provider with sts:AssumeRoleWithWebIdentity',
      code: `{
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/Okta" },
      "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]
    }
  ]
}`,
      errors: [
        {
          messageId: 'mismatchedAction',
          data: { action: '"sts:AssumeRoleWithWebIdentity"', principals: '"arn:aws:iam::111122223333:saml-provider/Okta"', expected: 'sts:AssumeRoleWithSAML' },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 49,
        },
      ],
    },
    {
      // line 2: "  { " 1-4, "Effect" 5-12, ": " , "Allow" 15-21, ", ", "Principal" 24-34, ": { " 35-38,
      // "Federated" 39-49, ": ", "token.actions.githubusercontent.com" (35 + 2 = 37 units) 52-88, " }, " 89-92,
      // "Action" 93-100, ": ", "sts:AssumeRole" (16 units) 103-118 → end 119.
      // line 3: ... "Principal" 24-34, ": { " 35-38, "AWS" 39-43, ": ", "111122223333" 46-59, " }, " 60-63,
      // "Action" 64-71, ": ", "sts:AssumeRoleWith*" (19 + 2 = 21 units) 74-94 → end 95.
      name: 'OIDC domain with sts:AssumeRole, account with sts:AssumeRoleWith*',
      code: `{ "Statement": [
  { "Effect": "Allow", "Principal": { "Federated": "token.actions.githubusercontent.com" }, "Action": "sts:AssumeRole" },
  { "Effect": "Allow", "Principal": { "AWS": "111122223333" }, "Action": "sts:AssumeRoleWith*" }
] }`,
      errors: [
        {
          messageId: 'mismatchedAction',
          data: { action: '"sts:AssumeRole"', principals: '"token.actions.githubusercontent.com"', expected: 'sts:AssumeRoleWithWebIdentity' },
          line: 2,
          column: 103,
          endLine: 2,
          endColumn: 119,
        },
        {
          messageId: 'mismatchedAction',
          data: { action: '"sts:AssumeRoleWith*"', principals: '"111122223333"', expected: 'sts:AssumeRole' },
          line: 3,
          column: 74,
          endLine: 3,
          endColumn: 95,
        },
      ],
    },
  ],
});
