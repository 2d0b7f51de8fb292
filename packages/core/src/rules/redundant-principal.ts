import type { PrincipalValueNode } from '../policy/nodes.js';
import { parseAwsPrincipal } from '../policy/principal.js';
import { defineRule, elementUrl } from './define.js';

/** Flags assumed-role session principals listed next to the ARN of their role in a trust policy. */
export default defineRule({
  name: 'redundant-principal',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow assumed-role session principals that the same Principal already covers with their role ARN.',
      details:
        'In a role trust policy, the role ARN arn:aws:iam::ACCOUNT:role/NAME as a principal covers every session of that role, so listing a session arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION of it in the same Principal adds nothing. Remove the session, or remove the role if only that session should be trusted. Roles and sessions are compared by partition, account and role name (the role path is not part of a session ARN).',
      references: [elementUrl('principal')],
    },
    defaultLevel: 'note',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['maintainability'],
    precision: 'very-high',
    accessAnalyzer: ['REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY'],
    messages: { redundantSession: 'Redundant principal {{session}}: role {{role}} in the same Principal covers all its sessions.' },
  },
  create(context) {
    return {
      Principal(node) {
        if (node.negated) return;
        const roles = new Map<string, string>();
        const sessions: { node: PrincipalValueNode; key: string }[] = [];
        for (const value of node.values) {
          if (value.principalType !== 'AWS' || value.value === null) continue;
          const parsed = parseAwsPrincipal(value.value);
          if (parsed?.kind !== 'role' && parsed?.kind !== 'assumed-role') continue;
          const key = `${parsed.partition}:${parsed.account}:${parsed.name}`;
          if (parsed.kind === 'role') roles.set(key, roles.get(key) ?? value.value);
          else sessions.push({ node: value, key });
        }
        for (const session of sessions) {
          const role = roles.get(session.key);
          if (role === undefined) continue;
          context.report({ node: session.node, messageId: 'redundantSession', data: { session: JSON.stringify(session.node.value), role: JSON.stringify(role) } });
        }
      },
    };
  },
});
