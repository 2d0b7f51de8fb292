import type { ValueNode } from '@humanwhocodes/momoa';
import { defineRule, GRAMMAR_URL } from './define.js';
import { IAM_POLICY_TYPES } from './invalid-sid.js';

function jsonType(json: ValueNode): string {
  return json.type.toLowerCase();
}

/**
 * Flags elements whose JSON type the grammar does not allow: Id, resource-policy Sid, the
 * Action/Resource lists and their items, Condition and its operator blocks.
 */
export default defineRule({
  name: 'wrong-element-type',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require policy elements to have the JSON type the policy grammar expects.',
      details:
        'Id must be a string; Action, NotAction, Resource and NotResource a string or an array of strings; Condition an object of operators, each an object of condition keys. IAM rejects other JSON types, e.g. "Action": 7 or "Condition": []. Other rules report the rest: invalid-version, invalid-effect, invalid-sid (Sid of IAM policies), missing-statement-element (statements), invalid-principal and the condition value rules.',
      references: [GRAMMAR_URL],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['DATA_TYPE_MISMATCH'],
    messages: {
      notAString: 'Expected {{element}} to be a string, got a JSON {{type}}.',
      notAList: 'Expected {{element}} to be a string or an array of strings, got a JSON {{type}}.',
      itemNotAString: 'Expected each {{element}} item to be a string, got a JSON {{type}}.',
      conditionNotAnObject: 'Expected Condition to be an object of condition operators, got a JSON {{type}}.',
      operatorNotAnObject: 'Expected condition operator {{operator}} to hold an object of condition keys, got a JSON {{type}}.',
    },
  },
  create(context) {
    const sidIsChecked = !IAM_POLICY_TYPES.includes(context.policy.origin.policyType);
    return {
      Id(node) {
        if (node.value === null) context.report({ node, messageId: 'notAString', data: { element: 'Id', type: jsonType(node.json) } });
      },
      Sid(node) {
        if (sidIsChecked && node.value === null) context.report({ node, messageId: 'notAString', data: { element: 'Sid', type: jsonType(node.json) } });
      },
      Statement(node) {
        for (const element of [node.action, node.notAction, node.resource, node.notResource]) {
          if (!element) continue;
          const value = element.member.value;
          if (value.type === 'Array') {
            for (const item of element.items) {
              if (item.value === null) context.report({ node: item, messageId: 'itemNotAString', data: { element: element.name, type: jsonType(item.json) } });
            }
          } else if (value.type !== 'String') {
            context.report({ node: value, messageId: 'notAList', data: { element: element.name, type: jsonType(value) } });
          }
        }
      },
      Condition(node) {
        if (node.json.type !== 'Object') context.report({ node, messageId: 'conditionNotAnObject', data: { type: jsonType(node.json) } });
      },
      ConditionOperator(node) {
        if (node.json.type !== 'Object') {
          context.report({ node: node.json, messageId: 'operatorNotAnObject', data: { operator: node.operator, type: jsonType(node.json) } });
        }
      },
    };
  },
});
