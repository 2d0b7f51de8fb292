import { isPlaceholderVariable } from '../sources/placeholder.js';
import type { SidNode } from '../policy/nodes.js';
import { findVariables } from '../policy/variables.js';
import type { SourceLocation } from '../source/location.js';
import { defineRule } from './define.js';
import { IAM_POLICY_TYPES } from './invalid-sid.js';

/** Flags `${…}` in Action, NotAction, Principal values, condition keys and (resource policies) Sid. */
export default defineRule({
  name: 'variable-in-unsupported-element',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow policy variables outside Resource, NotResource and condition values.',
      details:
        'IAM substitutes ${…} policy variables only in Resource and NotResource and in condition values. In Action, NotAction, Principal, NotPrincipal, condition keys and Sid the text is taken literally, so "s3:${aws:username}" names no action and a principal such as "arn:aws:iam::${aws:PrincipalAccount}:root" matches no one. Effect is left to invalid-effect, and Sid in IAM policies to invalid-sid, which already reject any such value.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['VARIABLE_UNSUPPORTED_IN_ELEMENT'],
    messages: {
      unsupported: 'Policy variable "{{variable}}" in {{element}} is not substituted: variables work only in Resource, NotResource and condition values.',
    },
  },
  create(context) {
    const check = (node: { loc: SourceLocation; value: string | null }, element: string): void => {
      const variable = node.value === null ? undefined : findVariables(node.value).find((v) => !isPlaceholderVariable(v.text));
      if (variable) context.report({ node, messageId: 'unsupported', data: { variable: variable.text, element } });
    };
    const sidIsChecked = !IAM_POLICY_TYPES.includes(context.policy.origin.policyType);
    return {
      Action: (node) => check(node, node.negated ? 'NotAction' : 'Action'),
      PrincipalValue: (node) => check(node, node.negated ? 'NotPrincipal' : 'Principal'),
      ConditionKey: (node) => check({ loc: node.loc, value: node.key }, 'a condition key'),
      ...(sidIsChecked ? { Sid: (node: SidNode) => check(node, 'Sid') } : {}),
    };
  },
});
