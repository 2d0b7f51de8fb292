import { parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule } from './define.js';

/** Keys that say which VPC a request came through (lower case). */
const VPC_KEYS = new Set(['aws:sourcevpc', 'aws:sourcevpce', 'aws:sourcevpcarn']);

/** Flags aws:VpcSourceIp conditions without a condition on the VPC or VPC endpoint in the same statement. */
export default defineRule({
  name: 'missing-paired-condition-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require aws:VpcSourceIp conditions to be paired with a condition on aws:SourceVpc or aws:SourceVpce.',
      details:
        'aws:VpcSourceIp is a private address, and the same private ranges are reused in every VPC, including VPCs of other accounts. A condition on aws:VpcSourceIp alone therefore admits requests from any VPC using those addresses. Pair it, in the same statement, with a condition on aws:SourceVpc, aws:SourceVpce or aws:SourceVpcArn (a Null check does not count: it does not say which VPC).',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-vpcsourceip'],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['security'],
    securitySeverity: 5.0,
    precision: 'high',
    accessAnalyzer: ['MISSING_PAIRED_CONDITION_KEYS'],
    messages: {
      unpaired: '"{{key}}" is not paired with a condition on aws:SourceVpc or aws:SourceVpce, so it admits matching private addresses of any VPC.',
    },
  },
  create(context) {
    return {
      Condition(node) {
        const keyed = node.operators.flatMap((op) => op.keys.map((key) => ({ key, family: parseConditionOperator(op.operator)?.family })));
        const paired = keyed.some(({ key, family }) => family !== undefined && family !== 'Null' && VPC_KEYS.has(key.key.toLowerCase()));
        if (paired) return;
        for (const { key } of keyed) {
          if (key.key.toLowerCase() === 'aws:vpcsourceip') context.report({ node: key, messageId: 'unpaired', data: { key: key.key } });
        }
      },
    };
  },
});
