import { defineRule, describeValue, elementUrl } from './define.js';

/** Flags an `Effect` whose value is not exactly `"Allow"` or `"Deny"` (case-sensitive). */
export default defineRule({
  name: 'invalid-effect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Effect to be exactly "Allow" or "Deny".',
      details:
        'IAM accepts only the case-sensitive strings "Allow" and "Deny" in Effect; anything else ("allow", "Permit", a number) is rejected when the policy is saved.',
      references: [elementUrl('effect')],
    },
    defaultLevel: 'error',
    accessAnalyzer: ['INVALID_EFFECT'],
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    messages: { invalidEffect: 'Expected Effect to be "Allow" or "Deny", got {{value}}.' },
  },
  create(context) {
    return {
      Effect(node) {
        if (node.value === 'Allow' || node.value === 'Deny') return;
        context.report({ node, messageId: 'invalidEffect', data: { value: describeValue(node) } });
      },
    };
  },
});
