import { countAllCharacters, openingBrace } from '../policy/size.js';
import { defineRule } from './define.js';

/** Options: the SCP character quota (AWS Organizations: 5,120). */
export interface ScpSizeOptions extends Record<string, unknown> {
  limit: number;
}

/** Flags service control policies longer than the AWS Organizations quota, counting every character. */
export default defineRule<ScpSizeOptions>({
  name: 'scp-size-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow service control policies longer than 5,120 characters.',
      details:
        'AWS Organizations rejects an SCP longer than 5,120 characters, and unlike IAM it counts every character, white space included: indenting a policy can push it over the limit. Minify the document or split it into several SCPs.',
      references: ['https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['scp'],
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['POLICY_SIZE_EXCEEDS_SCP_QUOTA'],
    schema: {
      type: 'object',
      properties: { limit: { type: 'integer', minimum: 1, description: 'SCP size quota in characters (5120).' } },
      additionalProperties: false,
    },
    defaultOptions: { limit: 5120 },
    messages: {
      tooLarge: 'SCP has {{size}} characters, over the {{limit}}-character quota (white space counts in SCPs).',
    },
  },
  create(context, options) {
    return {
      Policy(node) {
        const size = countAllCharacters(node.object);
        if (size > options.limit) context.report({ loc: openingBrace(node.object), messageId: 'tooLarge', data: { size, limit: options.limit } });
      },
    };
  },
});
