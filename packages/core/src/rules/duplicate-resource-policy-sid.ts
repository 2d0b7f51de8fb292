import { defineRule, elementUrl } from './define.js';
import { repeatedSids } from './duplicate-sid.js';

/** Flags a `Sid` used by an earlier statement of the same resource-based policy. */
export default defineRule({
  name: 'duplicate-resource-policy-sid',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Recommend unique Sids in resource-based policies.',
      details:
        'Services that store resource-based policies (S3, SQS, SNS, KMS, ECR, …) do not all require unique Sids, but repeated Sids make statements impossible to reference unambiguously (for example when a tool edits "the statement with Sid X"), and some services reject them. IAM policies, where uniqueness is required, are checked by duplicate-sid.',
      references: [elementUrl('sid')],
    },
    defaultLevel: 'warning',
    recommended: true,
    policyTypes: ['resource'],
    tags: ['maintainability'],
    precision: 'very-high',
    accessAnalyzer: ['UNIQUE_SIDS_RECOMMENDED'],
    messages: { duplicateSid: 'Duplicate Sid "{{sid}}": the statement on line {{line}} uses it already; use unique Sids.' },
  },
  create(context) {
    return repeatedSids((node, line) => context.report({ node, messageId: 'duplicateSid', data: { sid: node.value!, line } }));
  },
});
