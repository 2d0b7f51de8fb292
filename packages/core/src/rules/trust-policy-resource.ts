import { defineRule, elementUrl } from './define.js';

/** Flags `Resource` and `NotResource` in role trust policies, which IAM refuses. */
export default defineRule({
  name: 'trust-policy-resource',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Resource and NotResource in role trust policies.',
      details:
        'A role trust policy applies to the role it is attached to, so its statements name no resource: IAM refuses a trust policy whose statement has Resource or NotResource ("Has prohibited field Resource"). Remove the element.',
      references: [elementUrl('resource'), elementUrl('notresource')],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE'],
    messages: { resourceInTrust: 'Unexpected {{element}} in a role trust policy: it applies to its own role; remove {{element}}.' },
  },
  create(context) {
    return {
      Statement(node) {
        for (const element of [node.resource, node.notResource]) {
          if (element) context.report({ loc: element.member.name.loc, messageId: 'resourceInTrust', data: { element: element.name } });
        }
      },
    };
  },
});
