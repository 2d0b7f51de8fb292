import { hasPlaceholder } from '../sources/placeholder.js';
import { federatedProviderKind, hasPartialWildcard } from '../policy/principal.js';
import { defineRule, elementUrl } from './define.js';

/** Flags `Federated` values of role trust policies that name neither an OIDC nor a SAML provider. */
export default defineRule({
  name: 'invalid-federated-principal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Federated principals of role trust policies to name an OIDC or SAML identity provider.',
      details:
        'In a role trust policy a Federated principal is an OIDC provider, written as its domain (accounts.google.com, cognito-identity.amazonaws.com) or as an IAM OIDC provider ARN (arn:aws:iam::ACCOUNT:oidc-provider/HOST), or an IAM SAML provider ARN (arn:aws:iam::ACCOUNT:saml-provider/NAME). IAM rejects anything else. Values with wildcards are left to invalid-principal-value.',
      references: [elementUrl('principal'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY'],
    messages: {
      invalidProvider:
        'Expected Federated principal {{value}} to be an OIDC provider domain or ARN (arn:aws:iam::ACCOUNT:oidc-provider/HOST) or a SAML provider ARN (arn:aws:iam::ACCOUNT:saml-provider/NAME).',
    },
  },
  create(context) {
    return {
      PrincipalValue(node) {
        if (node.principalType !== 'Federated' || node.value === null || node.value === '*' || hasPartialWildcard(node.value) || hasPlaceholder(node.value)) return;
        if (!federatedProviderKind(node.value)) context.report({ node, messageId: 'invalidProvider', data: { value: JSON.stringify(node.value) } });
      },
    };
  },
});
