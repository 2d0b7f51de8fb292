import { defineRule, elementUrl } from './define.js';

/** Flags a condition key repeated under one operator in a different letter case (the later one). */
export default defineRule({
  name: 'duplicate-condition-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the same condition key twice under one operator in different letter case.',
      details:
        'Condition key names are case-insensitive, so "aws:SourceIp" and "aws:sourceip" under one operator are the same key written twice and which value list applies is not defined. Merge their values into one key. The later occurrence is reported; exact repeats of a JSON key are left to duplicate-key.',
      references: [elementUrl('condition')],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['DUPLICATE_KEYS_WITH_DIFFERENT_CASE'],
    messages: {
      differentCase: 'Condition key "{{key}}" repeats "{{first}}" under "{{operator}}" in different letter case; keys are case-insensitive, so merge their values.',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const seen = new Map<string, string>();
        for (const key of node.keys) {
          const first = seen.get(key.key.toLowerCase());
          if (first === undefined) seen.set(key.key.toLowerCase(), key.key);
          else if (first !== key.key) context.report({ node: key, messageId: 'differentCase', data: { key: key.key, first, operator: node.operator } });
        }
      },
    };
  },
});
