import { defineRule, elementUrl } from './define.js';

/** Flags statements of resource-based and role trust policies that name no principal. */
export default defineRule({
  name: 'missing-principal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Principal or NotPrincipal in statements of resource-based and role trust policies.',
      details:
        'A resource-based policy is attached to the resource, so each statement must say whom it applies to; a role trust policy must say who may assume the role (with Principal: NotPrincipal is not allowed there). Services reject such a statement ("Policy statement must contain a principal").',
      references: [elementUrl('principal')],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['resource', 'trust'],
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['MISSING_PRINCIPAL'],
    messages: { missingPrincipal: 'Expected the statement to have {{element}}.' },
  },
  create(context) {
    const element = context.policy.origin.policyType === 'trust' ? 'Principal' : 'Principal or NotPrincipal';
    return {
      Statement(node) {
        if (node.object && !node.principal && !node.notPrincipal) context.report({ node, messageId: 'missingPrincipal', data: { element } });
      },
    };
  },
});
