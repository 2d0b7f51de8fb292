import { countWithoutWhitespace, openingBrace } from '../policy/size.js';
import { defineRule } from './define.js';

/** Options: the character quotas, AWS defaults; raise them where the account's quota is raised. */
export interface PolicySizeOptions extends Record<string, unknown> {
  identity: number;
  trust: number;
}

const QUOTAS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html';

/** Flags identity policies, permissions boundaries and role trust policies longer than IAM's character quota. */
export default defineRule<PolicySizeOptions>({
  name: 'policy-size-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow IAM policies longer than the IAM character quota.',
      details:
        'IAM counts policy characters without the white space between tokens. A managed policy (also a permissions boundary) may have 6,144 and a role trust policy 2,048 by default; IAM refuses to save a longer one. Inline policies share a per-principal budget (2,048 per user, 5,120 per group, 10,240 per role), which a single document cannot check: lower the identity option for inline policies. The trust policy quota can be raised through Service Quotas; set the trust option to match.',
      references: [QUOTAS_URL],
    },
    defaultLevel: 'warning',
    recommended: true,
    policyTypes: ['identity', 'boundary', 'trust'],
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA', 'POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA'],
    schema: {
      type: 'object',
      properties: {
        identity: { type: 'integer', minimum: 1, description: 'Quota for identity policies and boundaries (managed policy: 6144).' },
        trust: { type: 'integer', minimum: 1, description: 'Quota for role trust policies (default 2048; raisable).' },
      },
      additionalProperties: false,
    },
    defaultOptions: { identity: 6144, trust: 2048 },
    messages: {
      identityTooLarge: 'Policy has {{size}} characters without white space, over the {{limit}}-character quota for managed policies.',
      trustTooLarge: 'Trust policy has {{size}} characters without white space, over the {{limit}}-character role trust policy quota.',
    },
  },
  create(context, options) {
    const trust = context.policy.origin.policyType === 'trust';
    return {
      Policy(node) {
        const limit = trust ? options.trust : options.identity;
        const size = countWithoutWhitespace(node.object);
        if (size <= limit) return;
        context.report({ loc: openingBrace(node.object), messageId: trust ? 'trustTooLarge' : 'identityTooLarge', data: { size, limit } });
      },
    };
  },
});
