import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/oidc-trust-without-condition.js';

new RuleTester().run('oidc-trust-without-condition', rule, {
  valid: [
    {
      name: 'GitHub with aud and sub',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, "Action": "sts:AssumeRoleWithWebIdentity",
  "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, "StringLike": { "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:*" } } }] }`,
    },
    {
      name: 'provider keys are case-insensitive',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "accounts.google.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringEquals": { "Accounts.Google.com:AUD": "app-id" } } }] }`,
    },
    {
      name: 'Cognito with an amr condition',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "cognito-identity.amazonaws.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } } }] }`,
    },
    {
      name: 'a statement that does not allow sts:AssumeRoleWithWebIdentity',
      code: `{ "Statement": [
  { "Effect": "Allow", "Principal": { "Federated": "accounts.google.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringEquals": { "accounts.google.com:aud": "app-id" } } },
  { "Effect": "Allow", "Principal": { "Federated": "accounts.google.com" }, "Action": "sts:TagSession" }
] }`,
    },
    {
      name: 'SAML providers are not OIDC principals',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:saml-provider/Okta" }, "Action": "sts:AssumeRoleWithSAML" }] }`,
    },
  ],
  invalid: [
    {
      // line 8: 10 spaces, then the EKS provider ARN: "arn:aws:iam::" 13 + account 12 + ":" 1 + "oidc-provider/" 14
      // + "oidc.eks.us-east-1.amazonaws.com" 32 + "/id/ABC" 7 = 79 characters + 2 quotes = 81 units at cols 11-91 → end 92.
      // accounts.google.com (line 7) has its aud condition.
      name: 'EKS provider without a condition on its keys',
      code: `{
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "Federated": [
          "accounts.google.com",
          "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC"
        ]
      },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": { "StringEquals": { "accounts.google.com:aud": "app-id", "aws:SourceIp": "203.0.113.0/24" } }
    }
  ]
}`,
      errors: [
        { messageId: 'missingProviderCondition', data: { provider: 'oidc.eks.us-east-1.amazonaws.com/id/ABC' }, line: 8, column: 11, endLine: 8, endColumn: 92 },
      ],
    },
    {
      // "{ " 1-2, "Statement" 3-13, ": [{ " 14-18, "Effect" 19-26, ": ", "Allow" 29-35, ", ", "Principal" 38-48,
      // ": { " 49-52, "Federated" 53-63, ": ", "token.actions.githubusercontent.com" (37 units) 66-102 → end 103.
      name: 'GitHub with only a Null test on sub',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "token.actions.githubusercontent.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "Null": { "token.actions.githubusercontent.com:sub": "false" } } }] }`,
      errors: [{ messageId: 'missingGithubSub', data: { provider: 'token.actions.githubusercontent.com' }, line: 1, column: 66, endLine: 1, endColumn: 103 }],
    },
    {
      // regression: a negated sub test counted as restricting the repository.
      // Same prefix as above: the Federated value is at cols 66-102 → end 103.
      name: 'GitHub with only a negated test on sub',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "token.actions.githubusercontent.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, "StringNotLike": { "token.actions.githubusercontent.com:sub": "repo:evil/*" } } }] }`,
      errors: [{ messageId: 'missingGithubSub', data: { provider: 'token.actions.githubusercontent.com' }, line: 1, column: 66, endLine: 1, endColumn: 103 }],
    },
  ],
});
