import type { ConditionKeyNode, ConditionOperatorNode } from '../policy/nodes.js';
import { parseConditionOperator, type ParsedOperator } from '../policy/condition-operator.js';
import { defineRule } from './define.js';
import { knownConditionKey } from './support/condition-key.js';

/**
 * Whether an operator on a key is false whenever the key is absent: `Null` with only false
 * values, `ForAnyValue:` without IfExists, or a positive operator without qualifier or IfExists.
 * Source of truth: iam-grammar.md §5.2 and §5.4 (IAM User Guide, condition operators).
 */
function requiresKey(parsed: ParsedOperator, key: ConditionKeyNode): boolean {
  if (parsed.ifExists) return false;
  if (parsed.base === 'Null') return !parsed.qualifier && key.values.length > 0 && key.values.every((v) => String(v.value).toLowerCase() === 'false');
  if (parsed.qualifier === 'ForAnyValue') return true;
  return !parsed.qualifier && !parsed.negated;
}

/** Flags ForAllValues: conditions of Allow statements that are also true when the key is absent. */
export default defineRule({
  name: 'for-all-values-without-key-guard',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Allow statements that use ForAllValues: to also require the key to be present.',
      details:
        'ForAllValues: is true when every request value of the key matches, and also when the request has no value at all. An Allow whose condition is "ForAllValues:StringEquals aws:TagKeys [...]" therefore also allows requests that send no tags. Add "Null": {"<key>": "false"} or a ForAnyValue: condition on the same key in the same statement. Keys known to be single-valued are left to for-all-values-single-valued-key; ForAllValues:Null is left to null-with-qualifier.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html'],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['security'],
    securitySeverity: 5.0,
    precision: 'high',
    messages: {
      noKeyGuard: '"{{operator}}" on "{{key}}" is also true when the request has no "{{key}}", so this Allow applies to such requests; add "Null": { "{{key}}": "false" }.',
    },
  },
  create(context) {
    return {
      Statement(statement) {
        if (statement.effect?.value !== 'Allow' || !statement.condition) return;
        const operators = statement.condition.operators.flatMap((op: ConditionOperatorNode) => {
          const parsed = parseConditionOperator(op.operator);
          return parsed ? [{ op, parsed }] : [];
        });
        const guarded = new Set(operators.flatMap(({ op, parsed }) => op.keys.filter((k) => requiresKey(parsed, k)).map((k) => k.key.toLowerCase())));
        for (const { op, parsed } of operators) {
          if (parsed.qualifier !== 'ForAllValues' || parsed.base === 'Null') continue;
          for (const key of op.keys) {
            if (guarded.has(key.key.toLowerCase()) || knownConditionKey(key.key)?.multivalued === false) continue;
            context.report({ node: key, messageId: 'noKeyGuard', data: { operator: op.operator, key: key.key } });
          }
        }
      },
    };
  },
});
