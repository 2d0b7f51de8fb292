import { parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule, elementUrl } from './define.js';

/** Flags `ForAllValues:Null` and `ForAnyValue:Null`. */
export default defineRule({
  name: 'null-with-qualifier',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow set qualifiers on the Null condition operator.',
      details:
        'Null tests whether a key is present in the request context at all, not its individual values, so a ForAllValues: or ForAnyValue: qualifier on it only obscures the condition. Write "Null" without a qualifier. A qualified NullIfExists is left to null-with-if-exists.',
      references: [elementUrl('condition_operators'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html'],
    },
    defaultLevel: 'note',
    recommended: true,
    tags: ['maintainability'],
    precision: 'very-high',
    accessAnalyzer: ['NULL_WITH_QUALIFIER'],
    messages: { nullWithQualifier: 'Unexpected set qualifier in "{{operator}}": Null tests whether the key is present, not its values; use "Null".' },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const parsed = parseConditionOperator(node.operator);
        // with IfExists as well, null-with-if-exists reports the operator (as an error)
        if (parsed?.base !== 'Null' || !parsed.qualifier || parsed.ifExists) return;
        context.report({ node, messageId: 'nullWithQualifier', data: { operator: node.operator } });
      },
    };
  },
});
