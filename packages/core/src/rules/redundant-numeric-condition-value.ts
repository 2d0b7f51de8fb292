import { isNumberText, valueText } from '../policy/condition-value.js';
import { parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule } from './define.js';

/** Operators whose values are ORed bounds: +1 keeps the greatest value, -1 the least. */
const KEEP: Readonly<Record<string, 1 | -1>> = {
  NumericLessThan: 1,
  NumericLessThanEquals: 1,
  NumericGreaterThan: -1,
  NumericGreaterThanEquals: -1,
};

/** Flags values of Numeric bound operators that a greater (or lesser) value of the same key makes redundant. */
export default defineRule({
  name: 'redundant-numeric-condition-value',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow redundant values of NumericLessThan and NumericGreaterThan conditions.',
      details:
        'Values of one condition key are ORed, so under NumericLessThan(Equals) only the greatest value matters and under NumericGreaterThan(Equals) only the least: "s3:max-keys" < 10 or < 100 is just < 100. Every other value is reported (of equal values, all but the first). Keys with a value that is not a number are left to other rules.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric'],
    },
    defaultLevel: 'note',
    recommended: true,
    tags: ['maintainability'],
    precision: 'very-high',
    accessAnalyzer: ['REDUNDANT_CONDITION_VALUE_NUM'],
    messages: {
      redundant: '{{operator}} value {{value}} of "{{key}}" is redundant: the value {{kept}} already matches every number it matches.',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const direction = KEEP[parseConditionOperator(node.operator)?.base ?? ''];
        if (!direction) return;
        for (const key of node.keys) {
          const texts = key.values.map(valueText);
          if (texts.length < 2 || !texts.every((t) => t !== undefined && isNumberText(t))) continue;
          const numbers = texts.map(Number);
          const best = numbers.reduce((b, n, i) => (n * direction > numbers[b]! * direction ? i : b), 0);
          key.values.forEach((value, i) => {
            if (i === best) return;
            context.report({ node: value, messageId: 'redundant', data: { operator: node.operator, value: JSON.stringify(value.value), key: key.key, kept: JSON.stringify(key.values[best]!.value) } });
          });
        }
      },
    };
  },
});
