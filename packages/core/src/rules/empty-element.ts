import type { ArrayNode, ValueNode } from '@humanwhocodes/momoa';
import { memberName } from '../policy/build.js';
import { parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule, elementUrl, GRAMMAR_URL } from './define.js';

function isEmptyArray(json: ValueNode): json is ArrayNode {
  return json.type === 'Array' && json.elements.length === 0;
}

/** What an empty value array does under a condition operator, as a messageId (AA's advice differs per form). */
function emptyConditionMessage(operator: string): string {
  const parsed = parseConditionOperator(operator);
  if (parsed?.qualifier === 'ForAllValues') return 'emptyForAllValues';
  if (parsed?.qualifier === 'ForAnyValue') return 'emptyForAnyValue';
  if (parsed?.ifExists) return 'emptyIfExists';
  return 'emptyConditionValues';
}

/** Flags empty arrays and objects in Action, Resource, Principal and Condition, and an empty Sid. */
export default defineRule({
  name: 'empty-element',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow empty arrays, empty objects and empty Sid values in policy elements.',
      details:
        'IAM accepts "Action": [], "Resource": [], "Principal": {} or {"AWS": []}, "Condition": {}, an operator or condition key with no values, and "Sid": "", but they say nothing: an empty Action or Resource list matches no request, an empty NotAction or NotResource list excludes nothing. An empty value array under ForAllValues or an IfExists operator is true only when the key is absent (write a Null condition instead), and under ForAnyValue it never matches. Remove the element or fill it in.',
      references: [GRAMMAR_URL, elementUrl('condition'), elementUrl('sid')],
    },
    defaultLevel: 'note',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: [
      'EMPTY_ARRAY_ACTION',
      'EMPTY_ARRAY_RESOURCE',
      'EMPTY_ARRAY_PRINCIPAL',
      'EMPTY_ARRAY_CONDITION',
      'EMPTY_ARRAY_CONDITION_FORALLVALUES',
      'EMPTY_ARRAY_CONDITION_FORANYVALUE',
      'EMPTY_ARRAY_CONDITION_IFEXISTS',
      'EMPTY_OBJECT_CONDITION',
      'EMPTY_OBJECT_PRINCIPAL',
      'EMPTY_SID_VALUE',
    ],
    messages: {
      emptyList: 'Empty {{element}} array: the statement matches no {{what}}, so it has no effect; list values or remove the statement.',
      emptyNotList: 'Empty {{element}} array excludes nothing: the statement applies to every {{what}}; write "{{positive}}": "*" if that is meant.',
      emptyPrincipalObject: 'Empty {{element}} object names no principal; list principals or remove the element.',
      emptyPrincipalArray: 'Empty array for principal type "{{principalType}}" names no principal; list principals or remove the key.',
      emptyCondition: 'Empty Condition object adds no condition; remove it.',
      emptyOperator: 'Empty condition operator "{{operator}}" tests no key; remove it.',
      emptyConditionValues: 'Empty value array for condition key "{{key}}" under "{{operator}}"; list values or remove the key.',
      emptyForAllValues: 'Empty value array for condition key "{{key}}" under "{{operator}}" is true only when the key is missing; use the Null operator instead.',
      emptyForAnyValue: 'Empty value array for condition key "{{key}}" under "{{operator}}" never matches; list values or remove the key.',
      emptyIfExists: 'Empty value array for condition key "{{key}}" under "{{operator}}" leaves only the missing-key case; use the Null operator instead.',
      emptySid: 'Empty Sid; remove it or give the statement a name.',
    },
  },
  create(context) {
    return {
      Statement(node) {
        for (const element of [node.action, node.notAction, node.resource, node.notResource]) {
          if (!element || !isEmptyArray(element.member.value)) continue;
          const what = element.name.endsWith('Action') ? 'action' : 'resource';
          const positive = element.name.replace(/^Not/, '');
          const messageId = element.negated ? 'emptyNotList' : 'emptyList';
          context.report({ node: element, messageId, data: { element: element.name, what, positive } });
        }
      },
      Sid(node) {
        if (node.value === '') context.report({ node, messageId: 'emptySid' });
      },
      Principal(node) {
        const element = node.negated ? 'NotPrincipal' : 'Principal';
        if (node.json.type !== 'Object') return;
        if (node.json.members.length === 0) {
          context.report({ node, messageId: 'emptyPrincipalObject', data: { element } });
          return;
        }
        for (const member of node.json.members) {
          if (!isEmptyArray(member.value)) continue;
          const principalType = memberName(member);
          context.report({ node: member.value, messageId: 'emptyPrincipalArray', data: { principalType } });
        }
      },
      Condition(node) {
        if (node.json.type === 'Object' && node.json.members.length === 0) context.report({ node, messageId: 'emptyCondition' });
      },
      ConditionOperator(node) {
        if (node.json.type === 'Object' && node.json.members.length === 0) {
          context.report({ node: node.json, messageId: 'emptyOperator', data: { operator: node.operator } });
        }
        for (const key of node.keys) {
          if (!isEmptyArray(key.json)) continue;
          context.report({ node: key.json, messageId: emptyConditionMessage(node.operator), data: { key: key.key, operator: node.operator } });
        }
      },
    };
  },
});
