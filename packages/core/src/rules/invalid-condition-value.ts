import { isBase64Text, isBooleanText, isEpochText, isIsoDateText, isNumberText, findVariable, valueText } from '../policy/condition-value.js';
import { parseConditionOperator, type OperatorFamily } from '../policy/condition-operator.js';
import { parseIpRange } from '../policy/ip-range.js';
import { defineRule } from './define.js';

const OPERATORS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';

/** Per family: the messageId for a malformed value and the test a well-formed value passes. */
const CHECKS: Partial<Record<OperatorFamily, { messageId: string; valid: (text: string) => boolean }>> = {
  Bool: { messageId: 'notBoolean', valid: isBooleanText },
  Null: { messageId: 'notBoolean', valid: isBooleanText },
  // Epoch seconds are accepted; epoch-date-value reports them.
  Date: { messageId: 'notDate', valid: (text) => isIsoDateText(text) || isEpochText(text) },
  IpAddress: { messageId: 'notIpRange', valid: (text) => parseIpRange(text) !== undefined },
  Numeric: { messageId: 'notNumber', valid: isNumberText },
  Binary: { messageId: 'notBase64', valid: isBase64Text },
};

/** Flags condition values that do not fit their operator: Bool, Date, IP, Numeric and Binary values. */
export default defineRule({
  name: 'invalid-condition-value',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow condition values that are malformed for their operator.',
      details:
        'Bool and Null take "true" or "false"; Date operators an ISO 8601 date or date-time (or epoch seconds); IpAddress and NotIpAddress an IPv4 or IPv6 address or CIDR range; Numeric operators an integer or decimal; BinaryEquals a base-64 string. Any other value never compares as intended, so the condition silently never (or, for negated operators, always) matches. JSON numbers and booleans are checked through their string form. Values holding a policy variable are left to variable-in-non-string-operator, and unknown operators to the rules about operators.',
      references: [OPERATORS_URL],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['TYPE_MISMATCH_BOOLEAN', 'TYPE_MISMATCH_DATE', 'TYPE_MISMATCH_IP_RANGE', 'TYPE_MISMATCH_NUMBER', 'TYPE_MISMATCH_STRING'],
    messages: {
      notBoolean: '{{operator}} value {{value}} of "{{key}}" is not "true" or "false".',
      notDate: '{{operator}} value {{value}} of "{{key}}" is not an ISO 8601 date or date-time such as "2025-01-31T00:00:00Z".',
      notIpRange: '{{operator}} value {{value}} of "{{key}}" is not an IPv4 or IPv6 address or CIDR range such as "203.0.113.0/24".',
      notNumber: '{{operator}} value {{value}} of "{{key}}" is not an integer or decimal number.',
      notBase64: '{{operator}} value {{value}} of "{{key}}" is not valid base-64.',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const check = CHECKS[parseConditionOperator(node.operator)?.family ?? 'String'];
        if (!check) return;
        for (const key of node.keys) {
          for (const value of key.values) {
            const text = valueText(value);
            if (text === undefined || findVariable(text) !== undefined || check.valid(text)) continue;
            context.report({ node: value, messageId: check.messageId, data: { operator: node.operator, value: JSON.stringify(value.value), key: key.key } });
          }
        }
      },
    };
  },
});
