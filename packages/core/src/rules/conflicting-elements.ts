import { defineRule, GRAMMAR_URL } from './define.js';

const PAIRS = [
  ['action', 'notAction', 'Action', 'NotAction'],
  ['resource', 'notResource', 'Resource', 'NotResource'],
  ['principal', 'notPrincipal', 'Principal', 'NotPrincipal'],
] as const;

/** Flags statements that hold both an element and its negated form (Action and NotAction, …). */
export default defineRule({
  name: 'conflicting-elements',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow an element and its Not form in the same statement.',
      details:
        'Action and NotAction, Resource and NotResource, Principal and NotPrincipal are mutually exclusive; IAM rejects a statement that has both. The result points at the Not element.',
      references: [GRAMMAR_URL],
    },
    defaultLevel: 'error',
    accessAnalyzer: ['UNSUPPORTED_ELEMENT_COMBINATION'],
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    messages: { conflict: 'Unexpected {{negated}} in a statement that has {{element}}.' },
  },
  create(context) {
    return {
      Statement(node) {
        for (const [plain, negated, element, negatedName] of PAIRS) {
          const negatedElement = node[negated];
          if (node[plain] && negatedElement) {
            context.report({ loc: negatedElement.member.name.loc, messageId: 'conflict', data: { element, negated: negatedName } });
          }
        }
      },
    };
  },
});
