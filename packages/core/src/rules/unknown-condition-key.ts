import { defineRule } from './define.js';
import { lookupConditionKey } from '../catalog/condition-keys.js';
import { isMissingTagKey } from './support/condition-key.js';

/** Flags service condition keys that are malformed, name an unknown service, or that service does not define. */
export default defineRule({
  name: 'unknown-condition-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow service condition keys that no AWS service defines.',
      details:
        'A condition key is "prefix:name". A key that is not of that form, whose prefix is no service prefix ("s3x:prefix"), or that its service does not define ("s3:prefx") is never in the request context, so the condition never sees a value: an Allow never applies and a negated Deny guard always applies. Keys are compared case-insensitively against the bundled IAM data, with a "did you mean" suggestion. aws: keys are left to unknown-global-condition-key; identity-provider keys (token.actions.githubusercontent.com:sub, oidc.eks...:sub) are not checked because the data cannot list them.',
      references: ['https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['INVALID_CONDITION_KEY_FORMAT', 'INVALID_SERVICE', 'INVALID_SERVICE_CONDITION_KEY'],
    messages: {
      malformed: 'Expected condition key "{{key}}" to have the form "prefix:name".',
      unknownService: 'Unknown service prefix "{{service}}" in condition key "{{key}}"{{hint}}.',
      unknownKey: 'Service "{{service}}" defines no condition key "{{key}}"{{hint}}.',
    },
  },
  create(context) {
    return {
      ConditionKey(node) {
        if (/^aws:/i.test(node.key) || isMissingTagKey(node.key)) return;
        const found = lookupConditionKey(node.key);
        if (found.kind === 'malformed') {
          context.report({ node, messageId: 'malformed', data: { key: node.key } });
          return;
        }
        if (found.kind !== 'unknownService' && found.kind !== 'unknownKey') return;
        const hint = found.suggestion ? ` (did you mean "${found.suggestion}"?)` : '';
        context.report({ node, messageId: found.kind, data: { key: node.key, service: found.service, hint } });
      },
    };
  },
});
