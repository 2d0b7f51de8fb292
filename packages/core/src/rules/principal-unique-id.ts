import { parseAwsPrincipal } from '../policy/principal.js';
import { defineRule, elementUrl } from './define.js';

/** Flags `AWS` principal values written as user or role unique IDs (`AIDA…`, `AROA…`). */
export default defineRule({
  name: 'principal-unique-id',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow IAM user and role unique IDs as principal values.',
      details:
        'IAM shows a unique ID (AIDA… for a user, AROA… for a role) in place of a principal ARN when the user or role was deleted: the policy no longer trusts anyone, even a new user or role of the same name. Writing such an ID is almost always a copied leftover of that. Write the ARN of the user or role (arn:aws:iam::ACCOUNT:user/NAME, arn:aws:iam::ACCOUNT:role/NAME).',
      references: [elementUrl('principal'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids'],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['INVALID_ROLE_REFERENCE', 'INVALID_USER_REFERENCE'],
    messages: {
      roleId: 'Unexpected role unique ID {{value}} as a principal: write the role ARN (arn:aws:iam::ACCOUNT:role/NAME).',
      userId: 'Unexpected user unique ID {{value}} as a principal: write the user ARN (arn:aws:iam::ACCOUNT:user/NAME).',
    },
  },
  create(context) {
    return {
      PrincipalValue(node) {
        if (node.principalType !== 'AWS' || node.value === null) return;
        const kind = parseAwsPrincipal(node.value)?.kind;
        if (kind === 'role-id' || kind === 'user-id') {
          context.report({ node, messageId: kind === 'role-id' ? 'roleId' : 'userId', data: { value: JSON.stringify(node.value) } });
        }
      },
    };
  },
});
