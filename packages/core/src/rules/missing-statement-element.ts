import { defineRule, GRAMMAR_URL } from './define.js';

/** Flags a statement without `Effect`, or without both `Action` and `NotAction`. */
export default defineRule({
  name: 'missing-statement-element',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every statement to have Effect and Action or NotAction.',
      details:
        'A statement must state its Effect and which actions it covers (Action or NotAction); IAM rejects a statement without them. A statement that is not a JSON object is reported too.',
      references: [GRAMMAR_URL],
    },
    defaultLevel: 'error',
    accessAnalyzer: ['MISSING_ACTION', 'MISSING_EFFECT'],
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    messages: {
      missingElement: 'Expected the statement to have {{element}}.',
      notAnObject: 'Expected the statement to be a JSON object, got a JSON {{type}}.',
    },
  },
  create(context) {
    return {
      Statement(node) {
        if (!node.object) {
          context.report({ node, messageId: 'notAnObject', data: { type: node.json.type.toLowerCase() } });
          return;
        }
        if (!node.effect) context.report({ node, messageId: 'missingElement', data: { element: 'Effect' } });
        if (!node.action && !node.notAction) {
          context.report({ node, messageId: 'missingElement', data: { element: 'Action or NotAction' } });
        }
      },
    };
  },
});
