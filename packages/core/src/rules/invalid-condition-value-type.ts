import { parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule } from './define.js';

/** Flags condition values of the wrong JSON type: null/object/array values, mixed types, several Bool values. */
export default defineRule({
  name: 'invalid-condition-value-type',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require condition values to be strings, numbers or booleans of one JSON type per key.',
      details:
        'A condition key takes a string, number or boolean, or an array of them. A JSON null, object or nested array is rejected; so are values of one key that mix JSON types (a string and a number in one array), and a Bool key given more than one value (a boolean key is either true or false, so a list of values is a mistake).',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['DATA_TYPE_MISMATCH', 'INVALID_CONDITION_DATA_TYPE', 'INVALID_CONDITION_MULTIPLE_BOOLEAN'],
    messages: {
      notScalar: 'Expected a string, number or boolean as a value of "{{key}}", got a JSON {{type}}.',
      mixedTypes: 'Value {{value}} of "{{key}}" is a JSON {{type}}, but the key\'s first value is a JSON {{firstType}}; give all values of a key one JSON type.',
      multipleBooleans: '{{operator}} key "{{key}}" has {{count}} values; a boolean key takes exactly one, "true" or "false".',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const bool = parseConditionOperator(node.operator)?.family === 'Bool';
        for (const key of node.keys) {
          if (bool && key.values.length > 1) {
            context.report({ node: key, messageId: 'multipleBooleans', data: { operator: node.operator, key: key.key, count: key.values.length } });
          }
          let firstType: string | undefined;
          for (const value of key.values) {
            const type = value.json.type.toLowerCase();
            if (value.value === null) context.report({ node: value, messageId: 'notScalar', data: { key: key.key, type } });
            else if (firstType === undefined) firstType = type;
            else if (type !== firstType) {
              context.report({ node: value, messageId: 'mixedTypes', data: { value: JSON.stringify(value.value), key: key.key, type, firstType } });
            }
          }
        }
      },
    };
  },
});
