import { defineRule } from './define.js';
import { isMissingTagKey } from './support/condition-key.js';

/** Flags tag-key condition keys with nothing after the slash (`aws:ResourceTag/`). */
export default defineRule({
  name: 'missing-tag-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a tag key after the slash of tag condition keys.',
      details:
        'Tag condition keys such as aws:ResourceTag/, aws:RequestTag/, aws:PrincipalTag/, ec2:ResourceTag/ and s3:ExistingObjectTag/ name the tag after the slash ("aws:ResourceTag/team"). Without it the key matches no tag, so the condition never sees a value: an Allow never applies and a Deny guard with a negated operator always applies.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['MISSING_TAG_KEY_IN_CONDITION'],
    messages: { missingTagKey: 'Expected a tag key after the slash of "{{key}}", e.g. "{{key}}<tag-key>".' },
  },
  create(context) {
    return {
      ConditionKey(node) {
        if (isMissingTagKey(node.key)) context.report({ node, messageId: 'missingTagKey', data: { key: node.key } });
      },
    };
  },
});
