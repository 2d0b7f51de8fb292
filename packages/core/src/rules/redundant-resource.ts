import { substitutesVariables } from '../policy/variables.js';
import { compileResourcePattern } from '../pattern/arn.js';
import { defineRule, elementUrl } from './define.js';
import { REDUNDANT_MESSAGES, reportRedundantItems } from './support/redundant-items.js';

/**
 * Flags a `Resource`/`NotResource` item that another item of the same element already matches
 * (`arn:aws:s3:::b/logs/*` next to `arn:aws:s3:::b/*`, or a duplicate), decided exactly on the ARN
 * patterns; items with policy variables count only when identical.
 */
export default defineRule({
  name: 'redundant-resource',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow Resource and NotResource items that another item of the same statement already covers.',
      details:
        'An ARN such as "arn:aws:s3:::bucket/logs/*" next to "arn:aws:s3:::bucket/*" (or a duplicate ARN, or any item next to "*") adds nothing: the element matches the union of its items. Coverage is decided exactly with IAM\'s ARN matching rules (wildcards in the partition, service, region and account fields stay within the field; resource parts are case-sensitive). An item with a policy variable such as ${aws:username} is reported only when another item is identical, because what it matches depends on the request.',
      references: [elementUrl('resource'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html'],
    },
    defaultLevel: 'note',
    recommended: true,
    tags: ['maintainability'],
    precision: 'very-high',
    accessAnalyzer: ['REDUNDANT_RESOURCE'],
    messages: REDUNDANT_MESSAGES,
  },
  create(context) {
    const variables = substitutesVariables(context.policy) ? 'wildcard' : 'literal';
    const prepare = (value: string) => {
      const { tokens, hasVariables } = compileResourcePattern(value, { variables });
      const literal = !hasVariables && tokens.every((t) => t.kind === 'literal');
      return { tokens: hasVariables ? undefined : tokens, literal, key: value };
    };
    return {
      Statement(statement) {
        reportRedundantItems(context, statement.resource, prepare);
        reportRedundantItems(context, statement.notResource, prepare);
      },
    };
  },
});
