import { actionMatches } from '../pattern/action.js';
import { defineRule } from './define.js';
import { ASSUME_ACTIONS, assumeKindOf } from './support/trust.js';

/** Flags assume actions in a trust statement that none of the statement's principals can call. */
export default defineRule({
  name: 'mismatched-action-for-principal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sts:AssumeRole* actions that none of the statement\'s principals can call.',
      details:
        'A SAML provider assumes a role only with sts:AssumeRoleWithSAML, an OIDC provider only with sts:AssumeRoleWithWebIdentity, and AWS and Service principals only with sts:AssumeRole. An Allow statement of a trust policy whose Action names an assume action (or a wildcard that matches only such actions) that no principal of the statement can call grants nothing, and the intended principal cannot assume the role. Statements with "*" principals or principal values of unknown shape are not checked; sts:TagSession, sts:SetSourceIdentity and sts:SetContext fit every principal.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp.html',
        'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithSAML.html',
        'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['MISMATCHED_ACTION_FOR_PRINCIPAL'],
    messages: {
      mismatchedAction: 'Unexpected {{action}} for {{principals}}: these principals assume a role only with {{expected}}.',
    },
  },
  create(context) {
    return {
      Statement(node) {
        if (node.effect?.value !== 'Allow' || !node.principal || node.principal.values.length === 0) return;
        const kinds = node.principal.values.map(assumeKindOf);
        if (kinds.some((kind) => kind === undefined)) return;
        const expected = [...new Set(kinds.map((kind) => ASSUME_ACTIONS[kind!]))];
        const principals = node.principal.values.map((v) => JSON.stringify(v.value)).join(', ');
        for (const item of node.action?.items ?? []) {
          if (item.value === null) continue;
          const matched = Object.values(ASSUME_ACTIONS).filter((action) => actionMatches(item.value!, action));
          if (matched.length === 0 || matched.some((action) => expected.includes(action))) continue;
          const data = { action: JSON.stringify(item.value), principals, expected: expected.join(' or ') };
          context.report({ node: item, messageId: 'mismatchedAction', data });
        }
      },
    };
  },
});
