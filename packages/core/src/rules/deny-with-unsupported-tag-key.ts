import { defineRule } from './define.js';
import { createTagConditionRule, tagConditionMessages } from './support/tag-condition.js';

/** Flags a Deny conditioned on a tag key that some of its actions never carry: those actions are not denied. */
export default defineRule({
  name: 'deny-with-unsupported-tag-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Deny statements conditioned on aws:ResourceTag, aws:RequestTag or aws:TagKeys for actions that do not support the key.',
      details:
        'A request carries aws:ResourceTag/..., aws:RequestTag/... and aws:TagKeys only for the actions (and resource types) the Service Authorization Reference lists them for. For any other action the key is missing, a plain operator such as StringEquals or ForAnyValue:StringLike is false, and the Deny does not apply: the guard has a hole. The statement\'s actions are expanded against the IAM data (wildcards, and for NotAction every action it does not exclude). Operators that are true on a missing key (StringNotEquals, ...IfExists, ForAllValues:, Null "true") deny those actions and are not reported.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
      ],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['security'],
    securitySeverity: 6.5,
    precision: 'high',
    accessAnalyzer: ['DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE', 'DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE'],
    messages: tagConditionMessages('Deny'),
  },
  create: createTagConditionRule('Deny'),
});
