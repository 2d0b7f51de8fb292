import { parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule } from './define.js';
import { isAudienceKey } from './support/condition-key.js';

/** Flags OIDC audience claims tested with a ForAllValues/ForAnyValue qualifier. */
export default defineRule({
  name: 'oidc-audience-set-operator',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Confirm that the OIDC audience claim is multivalued before testing it with ForAllValues or ForAnyValue.',
      details:
        'The aud (and Google\'s oaud) claim of most identity providers is a single string; a set qualifier on a single-valued key changes the logic (ForAllValues is also true when the claim is absent). Drop the qualifier unless your provider issues several audiences in one token.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
      ],
    },
    defaultLevel: 'note',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['correctness'],
    precision: 'medium',
    accessAnalyzer: ['CONFIRM_AUDIENCE_CLAIM_TYPE'],
    messages: {
      qualifiedAudience: 'Expected "{{key}}" without the "{{qualifier}}:" qualifier: the audience claim is single-valued unless your identity provider issues several audiences.',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const qualifier = parseConditionOperator(node.operator)?.qualifier;
        if (!qualifier) return;
        for (const key of node.keys) {
          if (isAudienceKey(key.key)) context.report({ node: key, messageId: 'qualifiedAudience', data: { key: key.key, qualifier } });
        }
      },
    };
  },
});
