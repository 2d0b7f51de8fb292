import type { ConditionKeyNode, ConditionOperatorNode } from '../policy/nodes.js';
import { parseConditionOperator, type ParsedOperator } from '../policy/condition-operator.js';
import { defineRule } from './define.js';
import { isAudienceKey, isMissingTagKey, knownConditionKey } from './support/condition-key.js';

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

/**
 * The keys that a condition requiring `key` also requires: the key itself, and for a request tag
 * (`aws:RequestTag/team`, `ec2:RequestTag/team`) the tag-key list of the same prefix
 * (`aws:TagKeys`): a request that carries the tag also carries its key (IAM User Guide,
 * "Controlling access during AWS requests", which pairs the two in its examples).
 * @returns lower-case key names
 */
function guardedKeys(key: string): string[] {
  const lower = key.toLowerCase();
  const tag = /^([^:]+):requesttag\/./.exec(lower);
  return tag ? [lower, `${tag[1]}:tagkeys`] : [lower];
}

/** Flags ForAllValues: conditions of Allow statements that are also true when the key is absent. */
export default defineRule({
  name: 'for-all-values-without-key-guard',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Allow statements that use ForAllValues: to also require the key to be present.',
      details:
        'ForAllValues: is true when every request value of the key matches, and also when the request has no value at all. An Allow whose condition is "ForAllValues:StringEquals aws:TagKeys [...]" therefore also allows requests that send no tags. Add "Null": {"<key>": "false"} or a ForAnyValue: condition on the same key in the same statement; for aws:TagKeys, a positive condition on an aws:RequestTag/<key> also guards it. Whether a request can omit the key depends on the action (kms:CreateGrant always sends kms:GrantOperations, ec2:RunInstances may send no tags), which the document does not say, so results are uncertain (one level lower, "may"). Keys known to be single-valued are left to for-all-values-single-valued-key, OIDC audience keys (PROVIDER:aud) in trust policies to oidc-audience-set-operator, ForAllValues:Null to null-with-qualifier, an empty value list to empty-element and a tag key family without a tag key to missing-tag-key.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html'],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['security'],
    securitySeverity: 5.0,
    precision: 'high',
    messages: {
      noKeyGuard:
        '"{{operator}}" on "{{key}}" is also true when a request has no "{{key}}", so this Allow may apply to requests without it (unless every action it allows requires the key); add "Null": { "{{key}}": "false" }.',
    },
  },
  create(context) {
    const trust = context.policy.origin.policyType === 'trust';
    return {
      Statement(statement) {
        if (statement.effect?.value !== 'Allow' || !statement.condition) return;
        const operators = statement.condition.operators.flatMap((op: ConditionOperatorNode) => {
          const parsed = parseConditionOperator(op.operator);
          return parsed ? [{ op, parsed }] : [];
        });
        const guarded = new Set(operators.flatMap(({ op, parsed }) => op.keys.filter((k) => requiresKey(parsed, k)).flatMap((k) => guardedKeys(k.key))));
        for (const { op, parsed } of operators) {
          if (parsed.qualifier !== 'ForAllValues' || parsed.base === 'Null') continue;
          for (const key of op.keys) {
            // no values (empty-element), a malformed tag key (missing-tag-key) and audience keys are reported elsewhere
            if (key.values.length === 0 || isMissingTagKey(key.key) || (trust && isAudienceKey(key.key))) continue;
            if (guarded.has(key.key.toLowerCase()) || knownConditionKey(key.key)?.multivalued === false) continue;
            // uncertain: whether requests can omit the key depends on the API (CreateGrant always sends kms:GrantOperations)
            context.report({ node: key, messageId: 'noKeyGuard', data: { operator: op.operator, key: key.key }, uncertain: true });
          }
        }
      },
    };
  },
});
