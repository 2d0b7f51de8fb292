import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/oidc-audience-set-operator.js';

new RuleTester().run('oidc-audience-set-operator', rule, {
  valid: [
    {
      name: 'audience without a qualifier',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "accounts.google.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "StringEquals": { "accounts.google.com:aud": "x" } } }] }`,
    },
    {
      name: 'amr is multivalued',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "cognito-identity.amazonaws.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } } }] }`,
    },
  ],
  invalid: [
    {
      // line 8: 8 spaces, "ForAnyValue:StringEquals" (26 units) cols 9-34, ": { " 35-38,
      // "cognito-identity.amazonaws.com:aud" (34 + 2 = 36 units) cols 39-74 → end 75.
      name: 'ForAnyValue on the Cognito audience',
      code: `{
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Federated": "cognito-identity.amazonaws.com" },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "ForAnyValue:StringEquals": { "cognito-identity.amazonaws.com:aud": "us-east-1:1234" },
        "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" }
      }
    }
  ]
}`,
      errors: [
        { messageId: 'qualifiedAudience', data: { key: 'cognito-identity.amazonaws.com:aud', qualifier: 'ForAnyValue' }, line: 8, column: 39, endLine: 8, endColumn: 75 },
      ],
    },
    {
      // ... "Federated" 53-63, ": ", "accounts.google.com" (21 units) 66-86, " }, " 87-90, "Action" 91-98, ": ",
      // "sts:AssumeRoleWithWebIdentity" (31 units) 101-131, ", ", "Condition" 134-144, ": { " 145-148,
      // "ForAllValues:StringEquals" (27 units) 149-175, ": { " 176-179, "accounts.google.com:oaud" (26 units) 180-205 → end 206.
      name: 'ForAllValues on Google oaud',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "accounts.google.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "ForAllValues:StringEquals": { "accounts.google.com:oaud": "x" } } }] }`,
      errors: [
        { messageId: 'qualifiedAudience', data: { key: 'accounts.google.com:oaud', qualifier: 'ForAllValues' }, line: 1, column: 180, endLine: 1, endColumn: 206 },
      ],
    },
  ],
});
