import { defineRule } from './define.js';
import { principalValues } from './support/trust.js';
import { testsSourceKey, weakKeyNodes } from './support/service-principal.js';

/** Flags service principals restricted only by client-set keys (aws:Referer, aws:UserAgent). */
export default defineRule({
  name: 'service-principal-weak-condition',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths over aws:Referer and aws:UserAgent to restrict a service principal.',
      details:
        'aws:Referer and aws:UserAgent come from HTTP headers the caller sets; they do not identify the resource or account a service principal acts for. When an Allow statement of a resource-based policy grants a service principal and restricts it only with these keys, use aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths instead. Statements that already test one of those keys are not reported.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-referer',
      ],
    },
    defaultLevel: 'note',
    recommended: true,
    policyTypes: ['resource'],
    tags: ['best-practice'],
    precision: 'high',
    accessAnalyzer: ['RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL'],
    messages: {
      weakKey: 'Prefer aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths over {{key}} to restrict service principal {{principal}}: {{key}} is set by the caller.',
    },
  },
  create(context) {
    return {
      Statement(node) {
        if (node.effect?.value !== 'Allow' || testsSourceKey(node)) return;
        const services = principalValues(node, 'Service');
        if (services.length === 0) return;
        const principal = services.map((v) => JSON.stringify(v.value)).join(', ');
        for (const key of weakKeyNodes(node)) context.report({ node: key, messageId: 'weakKey', data: { key: key.key, principal } });
      },
    };
  },
});
