import { defineRule, elementUrl } from './define.js';

/** Flags `Federated` principals in resource-based policies. */
export default defineRule({
  name: 'federated-principal-outside-trust',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Federated principals outside role trust policies.',
      details:
        'A SAML or OIDC identity provider can only be trusted to assume a role (sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity), so a Federated principal is only valid in a role trust policy. In a resource-based policy, grant access to the role that federated users assume instead. The result points at the Federated key.',
      references: [elementUrl('principal')],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['resource'],
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['FEDERATED_PRINCIPAL_NOT_SUPPORTED'],
    messages: {
      federatedOutsideTrust: 'Unexpected Federated principal in a resource-based policy: name the role that federated users assume instead.',
    },
  },
  create(context) {
    return {
      Principal(node) {
        if (node.json.type !== 'Object') return;
        for (const member of node.json.members) {
          if (member.name.type === 'String' && member.name.value === 'Federated') {
            context.report({ loc: member.name.loc, messageId: 'federatedOutsideTrust' });
          }
        }
      },
    };
  },
});
