import { findGlobalConditionKey, globalConditionKeys } from '../catalog/global-keys.js';
import { closest } from '../catalog/suggest.js';
import { DEPRECATED_GLOBAL_KEYS } from './deprecated-global-condition-key.js';
import { isMissingTagKey } from './support/condition-key.js';
import { defineRule } from './define.js';

/** Flags `aws:` condition keys that are not global condition keys (a misspelt key never matches). */
export default defineRule({
  name: 'unknown-global-condition-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow aws: condition keys that are not global condition keys.',
      details:
        'A condition on a key that is never in the request context behaves as if the key were absent: a misspelt "aws:SourceIP" is fine (keys are case-insensitive), but "aws:SoruceIp" or "aws:RequestedRegions" silently turns a Deny guard into no guard at all, and an Allow condition into one that never matches. Keys are compared case-insensitively against the global condition keys of the bundled IAM data, with a "did you mean" suggestion. Service keys (s3:prefix, sagemaker:InstanceTypes) are not checked by this rule.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness', 'security'],
    securitySeverity: 5.0,
    precision: 'high',
    accessAnalyzer: ['INVALID_GLOBAL_CONDITION_KEY'],
    messages: { unknownKey: 'Unknown global condition key "{{key}}"{{hint}}; the condition never sees a value for it.' },
  },
  create(context) {
    return {
      ConditionKey(node) {
        if (!/^aws:/i.test(node.key) || findGlobalConditionKey(node.key) || isMissingTagKey(node.key) || DEPRECATED_GLOBAL_KEYS.has(node.key.toLowerCase())) return;
        const candidates = globalConditionKeys().map((name) => name.replace(/\/tag-key$/, '/'));
        const suggestion = closest(node.key.replace(/\/.*$/, '/'), candidates);
        const hint = suggestion ? ` (did you mean "${suggestion.endsWith('/') ? `${suggestion}<tag-key>` : suggestion}"?)` : '';
        context.report({ node, messageId: 'unknownKey', data: { key: node.key, hint } });
      },
    };
  },
});
