import { isPlaceholderVariable } from '../sources/placeholder.js';
import type { ConditionValueNode, ResourceNode } from '../policy/nodes.js';
import { defineRule, elementUrl } from './define.js';

const VARIABLE_ALL = /\$\{[^}]+\}/g;

/** Flags policy variables in a policy without `Version: "2012-10-17"`, where IAM does not substitute them. */
export default defineRule({
  name: 'variable-without-version',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Version "2012-10-17" in policies that use policy variables.',
      details:
        'IAM substitutes policy variables such as ${aws:username} only when the policy says "Version": "2012-10-17". With "2008-10-17", or no Version at all, the text is matched literally: "arn:aws:s3:::home/${aws:username}/*" then matches only a folder literally named "${aws:username}", so the grant (or the Deny) silently does nothing.',
      references: [elementUrl('version'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness', 'security'],
    securitySeverity: 4.5,
    precision: 'very-high',
    accessAnalyzer: ['VARIABLE_UNSUPPORTED_IN_VERSION'],
    messages: {
      literalVariable: 'Policy variable {{variable}} is matched as literal text: the policy needs "Version": "2012-10-17".',
    },
  },
  create(context) {
    if (context.policy.version?.value === '2012-10-17') return {};
    const check = (node: ResourceNode | ConditionValueNode): void => {
      const variable = typeof node.value === 'string' ? node.value.match(VARIABLE_ALL)?.find((v) => !isPlaceholderVariable(v)) : undefined;
      if (variable) context.report({ node, messageId: 'literalVariable', data: { variable } });
    };
    return { Resource: check, ConditionValue: check };
  },
});
