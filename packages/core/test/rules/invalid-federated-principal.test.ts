import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/invalid-federated-principal.js';

const trust = (federated: string, action = 'sts:AssumeRoleWithWebIdentity') =>
  `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": ${federated} }, "Action": "${action}" }] }`;

new RuleTester().run('invalid-federated-principal', rule, {
  valid: [
    { name: 'SAML provider ARN', code: trust('"arn:aws:iam::111122223333:saml-provider/Corp-IdP"', 'sts:AssumeRoleWithSAML') },
    { name: 'OIDC provider ARN', code: trust('"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"') },
    { name: 'OIDC provider ARN with a path', code: trust('"arn:aws-us-gov:iam::111122223333:oidc-provider/oidc.eks.us-gov-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"') },
    { name: 'OIDC provider domains', code: trust('["cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com"]') },
    { name: 'wildcards are left to invalid-principal-value', code: trust('"arn:aws:iam::111122223333:saml-provider/*"', 'sts:AssumeRoleWithSAML') },
    { name: 'non-string values are left to invalid-principal', code: trust('7') },
  ],
  invalid: [
    {
      // line 6: 6 spaces, "Principal" quoted 7-17, ": { " 18-21, "Federated" quoted 22-32, ": [" 33-35,
      // "arn:aws:iam::111122223333:role/web" quoted (13 + 12 + 9 + 2 = 36 units) 36-71, ", " 72-73, "google" quoted 74-81 (end 82).
      name: 'a role ARN and a bare word',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Federated": ["arn:aws:iam::111122223333:role/web", "google"] },
      "Action": "sts:AssumeRoleWithWebIdentity"
    }
  ]
}`,
      errors: [
        { messageId: 'invalidProvider', data: { value: '"arn:aws:iam::111122223333:role/web"' }, line: 6, column: 36, endLine: 6, endColumn: 72 },
        { messageId: 'invalidProvider', data: { value: '"google"' }, line: 6, column: 74, endLine: 6, endColumn: 82 },
      ],
    },
  ],
});
