import { compileGlob } from '../pattern/tokens.js';
import { defineRule, elementUrl } from './define.js';
import { REDUNDANT_MESSAGES, reportRedundantItems } from './support/redundant-items.js';

/**
 * Flags an `Action`/`NotAction` item that another item of the same element already matches
 * (`s3:GetObject` next to `s3:Get*`, or a duplicate), compared case-insensitively and exactly.
 */
export default defineRule({
  name: 'redundant-action',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow Action and NotAction items that another item of the same statement already covers.',
      details:
        'An item such as "s3:GetObject" next to "s3:Get*" (or a second copy of the same action, in any letter case) adds nothing: the element matches the union of its items. Coverage is decided exactly on the wildcard patterns (action names are case-insensitive), so "s3:Get*" covers "s3:GetObject*" but "s3:*Object" does not cover "s3:Get*". Removing the redundant item makes the policy shorter and easier to review.',
      references: [elementUrl('action'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html'],
    },
    defaultLevel: 'note',
    recommended: true,
    tags: ['maintainability'],
    precision: 'very-high',
    accessAnalyzer: ['REDUNDANT_ACTION'],
    messages: REDUNDANT_MESSAGES,
  },
  create(context) {
    const prepare = (value: string) => {
      const key = value.toLowerCase();
      return { tokens: compileGlob(key, true), literal: !/[*?]/.test(key), key };
    };
    return {
      Statement(statement) {
        reportRedundantItems(context, statement.action, prepare);
        reportRedundantItems(context, statement.notAction, prepare);
      },
    };
  },
});
