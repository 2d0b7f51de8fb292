import { defineRule, describeValue, elementUrl } from './define.js';

const VERSIONS = ['2012-10-17', '2008-10-17'];

/** Flags a `Version` other than `"2012-10-17"` or `"2008-10-17"`. */
export default defineRule({
  name: 'invalid-version',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Version to be "2012-10-17" or "2008-10-17".',
      details:
        'The policy language has exactly two versions. Any other value (a date such as "2024-01-01", a number) is rejected. Use "2012-10-17": policy variables only work with it.',
      references: [elementUrl('version')],
    },
    defaultLevel: 'error',
    accessAnalyzer: ['INVALID_VERSION'],
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    messages: { invalidVersion: 'Expected Version to be "2012-10-17" or "2008-10-17", got {{value}}.' },
  },
  create(context) {
    return {
      Version(node) {
        if (node.value !== null && VERSIONS.includes(node.value)) return;
        context.report({ node, messageId: 'invalidVersion', data: { value: describeValue(node) } });
      },
    };
  },
});
