import { appliesToAction } from '../analysis/effective.js';
import type { PrincipalValueNode } from '../policy/nodes.js';
import { defineRule } from './define.js';
import { principalValues } from './support/trust.js';

/** The actions IAM Roles Anywhere calls when it creates a session, in the order AWS lists them. */
const REQUIRED = ['sts:AssumeRole', 'sts:SetSourceIdentity', 'sts:TagSession'];

/** IAM Roles Anywhere's service principal (`.com.cn` in the China partition). */
const ROLES_ANYWHERE = /^rolesanywhere\.amazonaws\.com(\.cn)?$/i;

/** Flags trust policies that trust IAM Roles Anywhere without all three actions it needs. */
export default defineRule({
  name: 'roles-anywhere-trust-actions',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require trust policies for IAM Roles Anywhere to allow sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession.',
      details:
        'IAM Roles Anywhere assumes the role with sts:AssumeRole and sets the source identity and session tags from the client certificate, so the role trust policy must allow all three actions to rolesanywhere.amazonaws.com; with one missing, every CreateSession call fails. The actions may be spread over several Allow statements that name the principal; wildcards such as sts:* count.',
      references: ['https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY'],
    messages: {
      missingActions: 'Expected the trust policy to also allow {{missing}} to {{principal}}: IAM Roles Anywhere needs sts:AssumeRole, sts:SetSourceIdentity and sts:TagSession.',
    },
  },
  create(context) {
    return {
      Policy(policy) {
        let first: PrincipalValueNode | undefined;
        const covered = new Set<string>();
        for (const statement of policy.statements) {
          if (statement.effect?.value !== 'Allow') continue;
          const principal = principalValues(statement, 'Service').find((v) => ROLES_ANYWHERE.test(v.value!));
          if (!principal) continue;
          first ??= principal;
          for (const action of REQUIRED) if (appliesToAction(statement, action)) covered.add(action);
        }
        const missing = REQUIRED.filter((action) => !covered.has(action));
        if (!first || missing.length === 0) return;
        context.report({ node: first, messageId: 'missingActions', data: { missing: missing.join(', '), principal: JSON.stringify(first.value) } });
      },
    };
  },
});
