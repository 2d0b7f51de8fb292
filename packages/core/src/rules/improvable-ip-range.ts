import { parseConditionOperator } from '../policy/condition-operator.js';
import { valueText } from '../policy/condition-value.js';
import { formatIpRange, hasHostBits, networkOf, parseIpRange } from '../policy/ip-range.js';
import { defineRule } from './define.js';

/** Flags CIDR values of IP address operators with bits set after the prefix. */
export default defineRule({
  name: 'improvable-ip-range',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require CIDR values of IP address conditions to have no bits set after the prefix.',
      details:
        'In "203.0.113.7/24" the bits after the /24 prefix (the ".7") are ignored: the range is 203.0.113.0/24. Writing host bits suggests the author meant a single address or a narrower range, so the written value misleads reviewers. The message gives the normalised prefix (IPv6 in RFC 5952 form).',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress'],
    },
    defaultLevel: 'note',
    recommended: true,
    tags: ['maintainability'],
    precision: 'very-high',
    accessAnalyzer: ['IMPROVE_IP_RANGE'],
    messages: {
      hostBits: 'CIDR {{value}} has bits set after its /{{prefix}} prefix, which AWS ignores; write "{{network}}".',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        if (parseConditionOperator(node.operator)?.family !== 'IpAddress') return;
        for (const value of node.keys.flatMap((key) => key.values)) {
          const text = valueText(value);
          const range = text === undefined ? undefined : parseIpRange(text);
          if (!range?.cidr || !hasHostBits(range)) continue;
          context.report({ node: value, messageId: 'hostBits', data: { value: JSON.stringify(text), prefix: range.prefix, network: formatIpRange(networkOf(range)) } });
        }
      },
    };
  },
});
