import { defineRule, GRAMMAR_URL } from './define.js';

/** Flags statements of identity policies, boundaries and SCPs that have neither Resource nor NotResource. */
export default defineRule({
  name: 'missing-resource',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Resource or NotResource in statements of identity policies, boundaries and SCPs.',
      details:
        'A statement of an identity-based policy, a permissions boundary or an SCP must say which resources it covers; IAM rejects it otherwise ("Policy statement must contain resources"). Resource-based and trust policies imply their resource and are not checked.',
      references: [GRAMMAR_URL],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['identity', 'boundary', 'scp'],
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['MISSING_RESOURCE'],
    messages: { missingResource: 'Expected the statement to have Resource or NotResource.' },
  },
  create(context) {
    return {
      Statement(node) {
        if (node.object && !node.resource && !node.notResource) context.report({ node, messageId: 'missingResource' });
      },
    };
  },
});
