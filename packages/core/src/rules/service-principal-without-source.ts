import { defineRule } from './define.js';
import { principalValues } from './support/trust.js';
import { SOURCE_KEYS, testsSourceKey, weakKeyNodes } from './support/service-principal.js';

/** Flags service principals allowed by a resource-based policy without a source condition. */
export default defineRule({
  name: 'service-principal-without-source',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths when a resource-based policy allows a service principal.',
      details:
        'A service principal such as sns.amazonaws.com acts for every AWS customer. A resource-based policy that allows it without a condition on aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths lets the service act on the resource on behalf of any account: the confused deputy problem. A Null test does not count. Statements that restrict the principal only by aws:Referer or aws:UserAgent are left to service-principal-weak-condition. Role trust policies are not checked: a service can only use a role that a principal of the account passes to it with iam:PassRole, and many services do not send the source keys when they assume a role.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourcearn',
      ],
    },
    defaultLevel: 'warning',
    recommended: true,
    policyTypes: ['resource'],
    tags: ['security'],
    securitySeverity: 6.0,
    precision: 'high',
    accessAnalyzer: ['RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL'],
    messages: {
      missingSource: `Expected a condition on ${SOURCE_KEYS.join(', ')} for service principal {{principal}}: without one, the service can act on this resource for any AWS account.`,
    },
  },
  create(context) {
    return {
      Statement(node) {
        if (node.effect?.value !== 'Allow' || testsSourceKey(node) || weakKeyNodes(node).length > 0) return;
        for (const value of principalValues(node, 'Service')) {
          context.report({ node: value, messageId: 'missingSource', data: { principal: JSON.stringify(value.value) } });
        }
      },
    };
  },
});
