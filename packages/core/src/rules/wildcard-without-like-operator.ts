import { parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule, elementUrl } from './define.js';

/** Flags `*` or `?` in values of exact-match string operators (StringEquals, StringNotEqualsIgnoreCase, …). */
export default defineRule({
  name: 'wildcard-without-like-operator',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow wildcards in values of exact-match string condition operators.',
      details:
        'StringEquals, StringNotEquals and their IgnoreCase forms compare values literally: "arn:aws:iam::*:role/admin" matches only a value with an actual asterisk, so an Allow never applies and a StringNotEquals Deny guard applies to everything. Wildcards work with StringLike and StringNotLike (and with the ARN operators, which are not checked). Policy variables, including the literal escapes ${*} and ${?}, are ignored.',
      references: [elementUrl('condition_operators')],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['WILDCARD_WITHOUT_LIKE_OPERATOR'],
    messages: {
      literalWildcard: 'Value {{value}} under "{{operator}}" has a "{{wildcard}}", which this operator compares literally; use "{{fix}}" for a pattern.',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const parsed = parseConditionOperator(node.operator);
        if (!parsed || parsed.family !== 'String' || parsed.base.includes('Like')) return;
        const fix = parsed.canonical.replace('IgnoreCase', '').replace('Equals', 'Like');
        for (const key of node.keys) {
          for (const value of key.values) {
            if (typeof value.value !== 'string') continue;
            const wildcard = /[*?]/.exec(value.value.replace(/\$\{[^}]*\}/g, ''))?.[0];
            if (wildcard) context.report({ node: value, messageId: 'literalWildcard', data: { value: JSON.stringify(value.value), operator: node.operator, wildcard, fix } });
          }
        }
      },
    };
  },
});
