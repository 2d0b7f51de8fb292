import { isEpochText, isIsoDateText, valueText } from '../policy/condition-value.js';
import { parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule } from './define.js';

/** Largest number of seconds a JavaScript Date can hold (ECMA-262 §21.4.1.1: ±8.64e15 ms). */
const MAX_EPOCH_SECONDS = 8.64e12;

/**
 * The ISO 8601 form of a number of seconds since 1970, without a zero fraction.
 * @returns e.g. `2023-11-14T22:13:20Z`, or undefined when out of range
 */
function isoOf(seconds: number): string | undefined {
  if (!(Math.abs(seconds) <= MAX_EPOCH_SECONDS)) return undefined;
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** Flags Date operator values written as epoch seconds instead of an ISO 8601 date. */
export default defineRule({
  name: 'epoch-date-value',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer ISO 8601 dates over epoch seconds in values of Date operators.',
      details:
        'Date condition operators accept a number of seconds since 1970 (1700000000) as well as an ISO 8601 date or date-time, but the number is easy to get wrong (milliseconds instead of seconds, a typo of one digit) and hard to review. Access Analyzer recommends ISO 8601. The message gives the date-time the number stands for. Applies to JSON numbers and to strings of digits; four digits ("2024") are also an ISO 8601 year, so they are reported as uncertain.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date'],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['maintainability'],
    precision: 'very-high',
    accessAnalyzer: ['INVALID_DATE_VALUE'],
    messages: {
      epochValue: '{{operator}} value {{value}} of "{{key}}" is epoch seconds; write it as an ISO 8601 date-time{{hint}}.',
      yearOrEpoch:
        '{{operator}} value {{value}} of "{{key}}" may be read as the year {{value}} (ISO 8601) or as epoch seconds{{hint}}; write a full ISO 8601 date such as "{{year}}-01-01T00:00:00Z".',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        if (parseConditionOperator(node.operator)?.family !== 'Date') return;
        for (const key of node.keys) {
          for (const value of key.values) {
            const text = valueText(value);
            if (text === undefined || typeof value.value === 'boolean' || !isEpochText(text)) continue;
            const iso = isoOf(Number(text));
            const hint = iso ? ` ("${iso}")` : '';
            const data = { operator: node.operator, value: JSON.stringify(value.value), key: key.key, hint };
            // four digits are also an ISO 8601 year ("2024"): which one AWS reads is not documented
            if (isIsoDateText(text)) context.report({ node: value, messageId: 'yearOrEpoch', data: { ...data, year: text }, uncertain: true });
            else context.report({ node: value, messageId: 'epochValue', data });
          }
        }
      },
    };
  },
});
