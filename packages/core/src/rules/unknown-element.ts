import type { ObjectNode } from '@humanwhocodes/momoa';
import { closest } from '../catalog/suggest.js';
import { memberName } from '../policy/build.js';
import type { RuleContext } from '../linter/types.js';
import { defineRule, GRAMMAR_URL } from './define.js';

const POLICY_ELEMENTS = ['Version', 'Id', 'Statement'];
const STATEMENT_ELEMENTS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

function reportUnknown(context: RuleContext, object: ObjectNode, known: string[], messageId: string): void {
  for (const member of object.members) {
    const name = memberName(member);
    if (known.includes(name)) continue;
    const suggestion = closest(name, known);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    context.report({ loc: member.name.loc, messageId, data: { name, hint } });
  }
}

/** Flags member names other than the policy elements (Version, Id, Statement) and statement elements; names are case-sensitive. */
export default defineRule({
  name: 'unknown-element',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow unknown element names in the policy and its statements.',
      details:
        'A policy may contain only Version, Id and Statement; a statement only Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition. Element names are case-sensitive: "effect" or "resource" is an unknown element, and the element it was meant to be is missing. IAM rejects such a policy.',
      references: [GRAMMAR_URL],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['INVALID_POLICY_ELEMENT'],
    messages: {
      unknownPolicyElement: 'Unknown policy element "{{name}}"{{hint}}; a policy has only Version, Id and Statement.',
      unknownStatementElement: 'Unknown statement element "{{name}}"{{hint}}.',
    },
  },
  create(context) {
    return {
      Policy(node) {
        reportUnknown(context, node.object, POLICY_ELEMENTS, 'unknownPolicyElement');
      },
      Statement(node) {
        if (node.object) reportUnknown(context, node.object, STATEMENT_ELEMENTS, 'unknownStatementElement');
      },
    };
  },
});
