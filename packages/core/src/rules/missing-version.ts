import { defineRule, elementUrl } from './define.js';

/** Flags a policy without a `Version` element (IAM then reads it as the 2008-10-17 language). */
export default defineRule({
  name: 'missing-version',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a Version element in every policy.',
      details:
        'Without Version, IAM evaluates the policy with the 2008-10-17 language: policy variables such as ${aws:username} are then plain text, so a Resource like "arn:aws:s3:::home/${aws:username}/*" matches nothing, and newer features are unavailable. Add "Version": "2012-10-17".',
      references: [elementUrl('version')],
    },
    defaultLevel: 'warning',
    accessAnalyzer: ['MISSING_VERSION'],
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    messages: { missingVersion: 'Expected a "Version": "2012-10-17" element; without it the policy uses the 2008-10-17 language.' },
  },
  create(context) {
    return {
      Policy(node) {
        if (node.version) return;
        // the opening brace of the policy object
        const start = node.object.loc.start;
        context.report({ loc: { start, end: { line: start.line, column: start.column + 1, offset: start.offset + 1 } }, messageId: 'missingVersion' });
      },
    };
  },
});
