import { defineRule, elementUrl } from './define.js';

/** Flags `"Principal": "*"` and `{"AWS": "*"}` in role trust policies. */
export default defineRule({
  name: 'trust-policy-wildcard-principal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the wildcard principal in role trust policies.',
      details:
        'A role trust policy with "Principal": "*" or {"AWS": "*"} lets principals of every AWS account try to assume the role, leaving conditions as the only guard. Access Analyzer reports it as an error. Name the trusted accounts, roles or services; to trust a whole organization, list its accounts or pair specific principals with aws:PrincipalOrgID.',
      references: [elementUrl('principal')],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['correctness', 'security'],
    securitySeverity: 8.0,
    precision: 'very-high',
    accessAnalyzer: ['ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL'],
    messages: {
      wildcardPrincipal: 'Unexpected wildcard principal {{principal}} in a role trust policy: name the accounts, roles or services that may assume the role.',
    },
  },
  create(context) {
    return {
      PrincipalValue(node) {
        if (node.negated || node.value !== '*') return;
        if (node.principalType === '*') context.report({ node, messageId: 'wildcardPrincipal', data: { principal: '"*"' } });
        else if (node.principalType === 'AWS') context.report({ node, messageId: 'wildcardPrincipal', data: { principal: '{"AWS": "*"}' } });
      },
    };
  },
});
