import { POLICY_TYPE_NAMES, principalElement } from '../policy/principal.js';
import { defineRule, elementUrl } from './define.js';

/** Flags `Principal` / `NotPrincipal` in identity policies, permissions boundaries and SCPs. */
export default defineRule({
  name: 'principal-not-allowed',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Principal and NotPrincipal in identity policies, permissions boundaries and SCPs.',
      details:
        'An identity policy or permissions boundary applies to the identity it is attached to, and an SCP to the principals of the accounts it is attached to, so they name no principal: IAM and AWS Organizations reject a statement with Principal or NotPrincipal. The result points at the element key.',
      references: [elementUrl('principal')],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['identity', 'boundary', 'scp'],
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['UNSUPPORTED_PRINCIPAL', 'SCP_SYNTAX_ERROR_PRINCIPAL'],
    messages: {
      notAllowed: 'Unexpected {{element}} in {{policyType}}: such a policy applies to whoever it is attached to, so remove the element.',
    },
  },
  create(context) {
    const policyType = POLICY_TYPE_NAMES[context.policy.origin.policyType];
    return {
      Principal(node) {
        context.report({ loc: node.member.name.loc, messageId: 'notAllowed', data: { element: principalElement(node), policyType } });
      },
    };
  },
});
