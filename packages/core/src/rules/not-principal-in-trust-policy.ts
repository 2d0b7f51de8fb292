import { defineRule, elementUrl } from './define.js';

/** Flags `NotPrincipal` in role trust policies. */
export default defineRule({
  name: 'not-principal-in-trust-policy',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow NotPrincipal in role trust policies.',
      details:
        'IAM does not accept NotPrincipal in a role trust policy: the trust policy must list who may assume the role with Principal. To trust everyone except some principals, use Principal with a condition on aws:PrincipalArn instead.',
      references: [elementUrl('notprincipal')],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL'],
    messages: { notPrincipal: 'Unexpected NotPrincipal in a role trust policy: list the principals that may assume the role with Principal.' },
  },
  create(context) {
    return {
      Principal(node) {
        if (node.negated) context.report({ loc: node.member.name.loc, messageId: 'notPrincipal' });
      },
    };
  },
});
