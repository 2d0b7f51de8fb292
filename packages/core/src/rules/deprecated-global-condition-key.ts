import { defineRule } from './define.js';

/** Deprecated global keys (lower case) and what to write instead. */
export const DEPRECATED_GLOBAL_KEYS: ReadonlyMap<string, string> = new Map([['aws:arn', '"aws:PrincipalArn" (the caller) or "aws:SourceArn" (the resource on whose behalf a service calls)']]);

/** Flags global condition keys AWS has deprecated and no longer supports (`aws:ARN`). */
export default defineRule({
  name: 'deprecated-global-condition-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow deprecated global condition keys such as aws:ARN.',
      details:
        'aws:ARN is a deprecated global condition key that AWS no longer supports in policies: a condition on it does not test what it seems to. Use aws:PrincipalArn to test the caller, or aws:SourceArn to test the resource on whose behalf a service makes a request. Access Analyzer reports this key both as unsupported (an error) and as deprecated (a warning); the two findings have the same trigger, so this one rule covers both at error level.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['UNSUPPORTED_GLOBAL_CONDITION_KEY', 'DEPRECATED_GLOBAL_CONDITION_KEY'],
    messages: { deprecatedKey: 'Condition key "{{key}}" is deprecated and not supported; use {{replacement}}.' },
  },
  create(context) {
    return {
      ConditionKey(node) {
        const replacement = DEPRECATED_GLOBAL_KEYS.get(node.key.toLowerCase());
        if (replacement) context.report({ node, messageId: 'deprecatedKey', data: { key: node.key, replacement } });
      },
    };
  },
});
