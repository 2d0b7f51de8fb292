import { defineRule, elementUrl } from './define.js';

/** Flags `"Principal": "*"` and `{"AWS": "*"}` in Allow statements of role trust policies. */
export default defineRule({
  name: 'trust-policy-wildcard-principal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the wildcard principal in Allow statements of role trust policies.',
      details:
        'IAM accepts "Principal": "*" or {"AWS": "*"} in a role trust policy, but then every IAM principal of every AWS account may assume the role: with no Condition the role is public, and with one, a single mistake in it makes the role public. Access Analyzer reports the wildcard as an error (ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL), and so does this rule, with or without a Condition. Name the trusted accounts, roles or services. Deny statements with a wildcard principal (guardrails such as denying sts:AssumeRole outside your organization) grant nothing and are not reported.',
      references: [elementUrl('principal'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['correctness', 'security'],
    securitySeverity: 8.0,
    precision: 'very-high',
    accessAnalyzer: ['ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL'],
    messages: {
      wildcardPrincipal:
        'Unexpected wildcard principal {{principal}} in a role trust policy: any principal of any AWS account can assume the role; name the accounts, roles or services that may assume it.',
      wildcardPrincipalWithCondition:
        'Unexpected wildcard principal {{principal}} in a role trust policy: only the Condition keeps principals of other AWS accounts from assuming the role; name the accounts, roles or services that may assume it.',
    },
  },
  create(context) {
    return {
      Statement(node) {
        if (node.effect?.value !== 'Allow' || !node.principal) return;
        const messageId = node.condition?.operators.some((op) => op.keys.length > 0) ? 'wildcardPrincipalWithCondition' : 'wildcardPrincipal';
        for (const value of node.principal.values) {
          if (value.value !== '*') continue;
          if (value.principalType === '*') context.report({ node: value, messageId, data: { principal: '"*"' } });
          else if (value.principalType === 'AWS') context.report({ node: value, messageId, data: { principal: '{"AWS": "*"}' } });
        }
      },
    };
  },
});
