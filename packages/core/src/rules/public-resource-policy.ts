import type { ActionNode, ListElement, ResourceNode } from '../policy/nodes.js';
import { defineRule, elementUrl } from './define.js';
import { restrictsCaller } from './support/public-access.js';

type Items = ListElement<ActionNode> | ListElement<ResourceNode> | undefined;

/**
 * How the message names a statement's actions or resources: the first string item of the
 * positive element, or of the negated one as "every … except", else a fallback.
 */
function firstItem(positive: Items, negated: Items, noun: string, fallback: string): string {
  const text = (element: Items) => element?.items.find((item) => item.value !== null)?.value;
  const granted = text(positive);
  if (granted !== undefined) return JSON.stringify(granted);
  const excepted = text(negated);
  return excepted !== undefined ? `every ${noun} except ${JSON.stringify(excepted)}` : fallback;
}

/** Flags Allow statements of resource-based policies that grant access to `"*"` without a caller-restricting condition. */
export default defineRule({
  name: 'public-resource-policy',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Allow statements of resource-based policies that grant access to anyone.',
      details:
        'Principal "*" or {"AWS": "*"} in an Allow statement of a resource-based policy grants access to every principal of every AWS account and to anonymous callers, unless a Condition restricts the caller. Conditions that restrict: a positive test (no Not, IfExists, ForAllValues or Null) on aws:PrincipalOrgID, aws:PrincipalOrgPaths, aws:PrincipalAccount, aws:PrincipalArn, aws:SourceAccount, aws:SourceArn, aws:SourceOwner, aws:SourceOrgID, aws:SourceOrgPaths, aws:SourceVpc, aws:SourceVpce, aws:SourceIp, aws:userid, aws:username, kms:CallerAccount, kms:ViaService, s3:DataAccessPointAccount or s3:DataAccessPointArn whose values are not just "*" (or 0.0.0.0/0). NotPrincipal is left to allow-with-not-principal.',
      references: [elementUrl('principal'), 'https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_CheckNoPublicAccess.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['resource'],
    tags: ['security'],
    securitySeverity: 8.5,
    precision: 'very-high',
    messages: {
      publicAccess:
        'Allow statement grants {{action}} on {{resource}} to anyone, including anonymous callers; add a condition on aws:PrincipalOrgID or aws:SourceVpce, or name the principals.',
    },
  },
  create(context) {
    return {
      Statement(node) {
        if (node.effect?.value !== 'Allow' || !node.principal || restrictsCaller(node)) return;
        const wildcards = node.principal.values.filter((v) => v.value === '*' && (v.principalType === '*' || v.principalType === 'AWS'));
        if (wildcards.length === 0) return;
        const data = {
          action: firstItem(node.action, node.notAction, 'action', 'access'),
          resource: firstItem(node.resource, node.notResource, 'resource', 'this resource'),
        };
        for (const value of wildcards) context.report({ node: value, messageId: 'publicAccess', data });
      },
    };
  },
});
