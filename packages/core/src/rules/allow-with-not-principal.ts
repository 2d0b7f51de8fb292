import { defineRule, elementUrl } from './define.js';

/** Flags `Allow` statements that use `NotPrincipal`. */
export default defineRule({
  name: 'allow-with-not-principal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow NotPrincipal in Allow statements.',
      details:
        'Allow with NotPrincipal grants access to every principal except the listed ones, including principals of any other account and anonymous callers, and most services reject it. Use Principal with the principals to allow, or Principal "*" with a condition on aws:PrincipalArn or aws:PrincipalAccount. In role trust policies, where NotPrincipal is not allowed at all, not-principal-in-trust-policy reports it instead.',
      references: [elementUrl('notprincipal')],
    },
    defaultLevel: 'warning',
    recommended: true,
    policyTypes: ['resource'],
    tags: ['security'],
    securitySeverity: 8.0,
    precision: 'very-high',
    accessAnalyzer: ['ALLOW_WITH_NOT_PRINCIPAL'],
    messages: {
      allowNotPrincipal: 'Unexpected NotPrincipal in an Allow statement: it allows everyone else, anonymous callers included; use Principal instead.',
    },
  },
  create(context) {
    return {
      Statement(node) {
        if (node.notPrincipal && node.effect?.value === 'Allow') {
          context.report({ loc: node.notPrincipal.member.name.loc, messageId: 'allowNotPrincipal' });
        }
      },
    };
  },
});
