import { parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule, elementUrl } from './define.js';

/** Flags `NullIfExists` (the IfExists suffix on the Null operator). */
export default defineRule({
  name: 'null-with-if-exists',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow the IfExists suffix on the Null condition operator.',
      details:
        'Null already tests whether a key is present, so "NullIfExists" has no meaning and IAM does not define it. Write "Null" with "true" (key absent) or "false" (key present).',
      references: [elementUrl('condition_operators')],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['NULL_WITH_IF_EXISTS'],
    messages: { nullIfExists: 'Unexpected IfExists suffix in "{{operator}}": the Null operator has no IfExists form; use "{{fix}}".' },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const parsed = parseConditionOperator(node.operator);
        if (parsed?.base !== 'Null' || !parsed.ifExists) return;
        // a set qualifier is also wrong on Null (null-with-qualifier leaves this operator to this rule)
        context.report({ node, messageId: 'nullIfExists', data: { operator: node.operator, fix: 'Null' } });
      },
    };
  },
});
