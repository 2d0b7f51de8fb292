import { defineRule } from './define.js';

/** Reserved rule id of results for files that cannot be parsed (JSON, YAML, HCL). */
export const PARSE_ERROR_RULE_ID = 'parse-error';

/**
 * Reserved rule: the engine reports unparseable files under this id (rules do not run on them).
 * It cannot be turned off, so no file is ever dropped silently.
 */
export default defineRule({
  name: PARSE_ERROR_RULE_ID,
  meta: {
    type: 'problem',
    docs: {
      description: 'Report files that cannot be parsed (JSON, YAML, Terraform HCL).',
      details: 'A file that cannot be parsed cannot be checked; AWS rejects such a policy with JSON_SYNTAX_ERROR.',
    },
    defaultLevel: 'error',
    accessAnalyzer: ['JSON_SYNTAX_ERROR'],
    recommended: false,
    tags: ['correctness'],
    precision: 'very-high',
    messages: { invalidJson: '{{message}}', invalidSyntax: '{{message}}' },
  },
  create: () => ({}),
});
