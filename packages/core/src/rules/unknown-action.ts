import { lookupActionPattern } from '../catalog/actions.js';
import { findVariables } from '../policy/variables.js';
import { defineRule, elementUrl } from './define.js';

/** " (did you mean "x"?)" or nothing. */
function hint(suggestion: string | undefined): string {
  return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}

/**
 * Flags `Action`/`NotAction` values that name no action in the IAM action catalog: unknown service
 * prefixes, unknown action names, wildcard patterns that match nothing, and malformed values.
 */
export default defineRule({
  name: 'unknown-action',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow actions and action patterns that match no action in the IAM action catalog.',
      details:
        'A misspelt action ("s3:GetObjct") or service prefix ("sagemkr:*") matches nothing: in an Allow it grants nothing the author meant, and in a Deny or NotAction it silently protects nothing. Names are compared case-insensitively against the bundled IAM action data (see `iamscope --version` for its date), with a "did you mean" suggestion. Wildcard patterns must match at least one action. Wildcards in the service prefix and policy variables (${…}, never substituted in actions) are left to other rules. The default level is warning, not error: IAM itself accepts unknown actions, the data lags behind brand-new services, and AWS managed policies still name retired ones (deeplens, deepracer, iot1click).',
      references: [elementUrl('action'), 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html'],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['correctness', 'security'],
    securitySeverity: 4.5,
    precision: 'high',
    accessAnalyzer: ['INVALID_ACTION', 'INVALID_SERVICE_IN_ACTION'],
    messages: {
      malformedAction: 'Expected an action of the form "service:Action", got {{value}}.',
      unknownService: 'Unknown service prefix "{{service}}" in {{value}}{{hint}}.',
      unknownAction: 'Unknown action {{value}}{{hint}}.',
      matchesNothing: 'Action pattern {{value}} matches no action of service "{{service}}".',
    },
  },
  create(context) {
    return {
      Action(node) {
        // a ${…} in an action is left to variable-in-unsupported-element
        if (node.value === null || findVariables(node.value).length > 0) return;
        const found = lookupActionPattern(node.value);
        const value = JSON.stringify(node.value);
        switch (found.kind) {
          case 'malformed':
            context.report({ node, messageId: 'malformedAction', data: { value } });
            break;
          case 'unknownService':
            context.report({ node, messageId: 'unknownService', data: { value, service: found.service, hint: hint(found.suggestion) } });
            break;
          case 'unknownAction':
            context.report({ node, messageId: 'unknownAction', data: { value, hint: hint(found.suggestion) } });
            break;
          case 'matchesNothing':
            context.report({ node, messageId: 'matchesNothing', data: { value, service: found.service } });
            break;
        }
      },
    };
  },
});
