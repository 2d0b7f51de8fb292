import { parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule } from './define.js';
import { knownConditionKey } from './support/condition-key.js';

/** Flags multivalued condition keys tested by an operator without ForAllValues:/ForAnyValue:. */
export default defineRule({
  name: 'missing-set-qualifier',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a ForAnyValue: or ForAllValues: qualifier on operators that test multivalued condition keys.',
      details:
        'Multivalued keys (type ArrayOf... in the service reference, such as aws:TagKeys, aws:CalledVia, aws:PrincipalOrgPaths) carry a set of values. An operator without a set qualifier does not say whether any or all of them must match; Access Analyzer reports it as an error, but IAM accepts such policies (several AWS managed policies test events:detail-type this way), so the level here is warning. Write ForAnyValue: (at least one request value matches) or ForAllValues: (every request value matches; also true when the key is absent). Null needs no qualifier. Keys the IAM data does not know are skipped.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html'],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['MISSING_QUALIFIER'],
    messages: {
      missingQualifier: 'Condition key "{{key}}" is multivalued ({{type}}) but "{{operator}}" has no set qualifier; use "ForAnyValue:{{base}}" or "ForAllValues:{{base}}".',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const parsed = parseConditionOperator(node.operator);
        if (!parsed || parsed.qualifier || parsed.base === 'Null') return;
        for (const key of node.keys) {
          const info = knownConditionKey(key.key);
          if (!info?.multivalued) continue;
          context.report({ node: key, messageId: 'missingQualifier', data: { key: key.key, type: info.type, operator: node.operator, base: parsed.canonical } });
        }
      },
    };
  },
});
