import { PRIVATE_RANGES } from '../policy/ip-range.js';
import { defineRule } from './define.js';
import { sourceIpKeys } from './support/source-ip.js';

/** Flags private ranges listed beside public ones in aws:SourceIp conditions. */
export default defineRule({
  name: 'private-ip-condition-subset',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow private IP ranges beside public ones in aws:SourceIp conditions.',
      details: `aws:SourceIp holds the public address a request comes from, so private ranges in its values never match anything: under IpAddress they allow nothing, under NotIpAddress they exclude nothing. Each private value listed beside public ones is reported; to restrict traffic through VPC endpoints, use aws:VpcSourceIp. Private here means ${PRIVATE_RANGES.join(', ')}.`,
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip'],
    },
    defaultLevel: 'note',
    recommended: true,
    tags: ['maintainability'],
    precision: 'high',
    accessAnalyzer: ['PRIVATE_IP_ADDRESS_SUBSET', 'PRIVATE_NOT_IP_ADDRESS_SUBSET'],
    messages: {
      privateValue: 'Private range {{value}} under {{operator}} on "{{key}}" never matches: aws:SourceIp holds public addresses (use aws:VpcSourceIp for VPC traffic).',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        for (const entry of sourceIpKeys(node)) {
          if (entry.publicCount === 0) continue;
          for (const value of entry.privateValues) {
            context.report({ node: value, messageId: 'privateValue', data: { value: JSON.stringify(value.value), operator: node.operator, key: entry.key.key } });
          }
        }
      },
    };
  },
});
