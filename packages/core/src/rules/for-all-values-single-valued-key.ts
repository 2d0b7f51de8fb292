import { parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule } from './define.js';
import { isAudienceKey, knownConditionKey } from './support/condition-key.js';

/** Flags ForAllValues: operators applied to single-valued condition keys. */
export default defineRule({
  name: 'for-all-values-single-valued-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow ForAllValues: on single-valued condition keys.',
      details:
        'ForAllValues: is true when every value of the key in the request matches, and also when the key is absent. On a single-valued key (aws:SourceIp, aws:PrincipalOrgID, s3:prefix) it adds nothing except that vacuous case, so an Allow also applies to requests without the key and a Deny no longer denies them. Use the operator without the qualifier. Keys the IAM data does not know are skipped; ForAllValues:Null is left to null-with-qualifier, OIDC audience keys (PROVIDER:aud) in trust policies to oidc-audience-set-operator, and an empty value list to empty-element.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html'],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['security'],
    securitySeverity: 6.5,
    precision: 'high',
    accessAnalyzer: ['FORALLVALUES_WITH_SINGLE_VALUED_KEY'],
    messages: {
      singleValued: 'Condition key "{{key}}" is single-valued, so "{{operator}}" is also true when the key is absent; use "{{fix}}".',
    },
  },
  create(context) {
    const trust = context.policy.origin.policyType === 'trust';
    return {
      ConditionOperator(node) {
        const parsed = parseConditionOperator(node.operator);
        if (parsed?.qualifier !== 'ForAllValues' || parsed.base === 'Null') return;
        const fix = parsed.canonical.slice('ForAllValues:'.length);
        for (const key of node.keys) {
          // an empty value list is left to empty-element, audience keys to oidc-audience-set-operator
          if (key.values.length === 0 || (trust && isAudienceKey(key.key))) continue;
          const info = knownConditionKey(key.key);
          if (info && !info.multivalued) context.report({ node: key, messageId: 'singleValued', data: { key: key.key, operator: node.operator, fix } });
        }
      },
    };
  },
});
