import { defineRule } from './define.js';
import { principalValues } from './support/trust.js';
import { falseWhenAbsent } from './support/key-support.js';

/**
 * Keys a service principal's request never carries (IAM User Guide, "AWS global condition context
 * keys", availability): a service principal belongs to no organization and has no IAM tags.
 */
const NEVER_FOR_SERVICES = /^aws:(?:principalorgid|principalorgpaths|principaltag\/.+)$/i;

/** Flags statements granting only service principals that test a key service principals never carry. */
export default defineRule({
  name: 'service-principal-unsupported-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow conditions on aws:PrincipalOrgID, aws:PrincipalOrgPaths and aws:PrincipalTag in statements whose only principals are service principals.',
      details:
        'A request made by an AWS service principal carries no aws:PrincipalOrgID, aws:PrincipalOrgPaths or aws:PrincipalTag/...: the service belongs to no organization and has no IAM tags. In a statement whose principals are all service principals, a test of these keys with an operator that is false on a missing key (StringEquals, ForAnyValue:..., Null "false") never matches, so the statement never applies. Use aws:SourceOrgID, aws:SourceOrgPaths or aws:SourceAccount instead. Other principal keys (aws:PrincipalAccount, aws:PrincipalArn, aws:PrincipalServiceName) are left out because services set some of them; ...IfExists, negated and ForAllValues operators are true on a missing key and are not reported.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceorgid',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['resource', 'trust'],
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL'],
    messages: {
      unsupportedKey: 'Unexpected {{key}} for service principal {{principal}}: service principals never carry it, so this condition never matches; use aws:SourceOrgID, aws:SourceOrgPaths or aws:SourceAccount instead.',
    },
  },
  create(context) {
    return {
      Statement(node) {
        const values = node.principal?.values ?? [];
        const services = principalValues(node, 'Service');
        if (services.length === 0 || services.length !== values.length) return;
        const principal = services.map((v) => JSON.stringify(v.value)).join(', ');
        for (const op of node.condition?.operators ?? []) {
          for (const key of op.keys) {
            if (NEVER_FOR_SERVICES.test(key.key) && falseWhenAbsent(op, key.values)) context.report({ node: key, messageId: 'unsupportedKey', data: { key: key.key, principal } });
          }
        }
      },
    };
  },
});
