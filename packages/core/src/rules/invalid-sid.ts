import type { PolicyType } from '../policy/nodes.js';
import { defineRule, elementUrl } from './define.js';

/** Policy types IAM stores itself, where a Sid may hold only ASCII letters and digits. */
export const IAM_POLICY_TYPES: PolicyType[] = ['identity', 'trust', 'boundary', 'scp'];

/** Flags a `Sid` that is not a string or holds characters other than A–Z, a–z, 0–9 (IAM policies). */
export default defineRule({
  name: 'invalid-sid',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Sid values of IAM policies to be strings of ASCII letters and digits.',
      details:
        'In identity policies, permissions boundaries, role trust policies and SCPs, IAM accepts a Sid made only of the characters A-Z, a-z and 0-9; spaces, dashes, underscores and dots make the policy fail to save. Resource-based policies of other services allow more characters and are not checked.',
      references: [elementUrl('sid')],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: IAM_POLICY_TYPES,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['UNSUPPORTED_SID'],
    messages: {
      invalidCharacters: 'Unexpected {{characters}} in Sid {{value}}: IAM allows only A-Z, a-z and 0-9.',
      notAString: 'Expected Sid to be a string, got a JSON {{type}}.',
    },
  },
  create(context) {
    return {
      Sid(node) {
        if (node.value === null) {
          context.report({ node, messageId: 'notAString', data: { type: node.json.type.toLowerCase() } });
          return;
        }
        const bad = [...new Set(node.value.replace(/[A-Za-z0-9]/g, ''))];
        if (bad.length === 0) return;
        const characters = bad.map((c) => JSON.stringify(c)).join(', ');
        context.report({ node, messageId: 'invalidCharacters', data: { characters, value: JSON.stringify(node.value) } });
      },
    };
  },
});
