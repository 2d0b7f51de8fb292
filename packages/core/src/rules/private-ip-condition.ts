import { PRIVATE_RANGES } from '../policy/ip-range.js';
import { defineRule } from './define.js';
import { sourceIpKeys } from './support/source-ip.js';

/** Flags aws:SourceIp conditions whose values are all private ranges. */
export default defineRule({
  name: 'private-ip-condition',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow aws:SourceIp conditions that list only private IP ranges.',
      details: `aws:SourceIp holds the public address a request comes from; requests through a VPC endpoint carry no aws:SourceIp at all (use aws:VpcSourceIp for those). An IpAddress condition listing only private ranges therefore never matches (with IfExists or ForAllValues: it matches exactly the requests without aws:SourceIp), and a NotIpAddress one always matches. Private here means ${PRIVATE_RANGES.join(', ')} (RFC 1918, IPv6 unique local and link-local addresses); a value reaching outside them counts as public.`,
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['PRIVATE_IP_ADDRESS', 'PRIVATE_NOT_IP_ADDRESS'],
    messages: {
      neverMatches: '{{operator}} on "{{key}}" lists only private IP ranges, so it never matches: aws:SourceIp holds public addresses (use aws:VpcSourceIp for VPC traffic).',
      onlyWithoutKey:
        '{{operator}} on "{{key}}" lists only private IP ranges, so it matches only requests that carry no aws:SourceIp (through a VPC endpoint or an AWS service): aws:SourceIp holds public addresses (use aws:VpcSourceIp for VPC traffic).',
      alwaysMatches: '{{operator}} on "{{key}}" lists only private IP ranges, so it always matches: aws:SourceIp holds public addresses (use aws:VpcSourceIp for VPC traffic).',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        for (const entry of sourceIpKeys(node)) {
          if (!entry.allValid || entry.publicCount > 0 || entry.privateValues.length === 0) continue;
          const messageId = entry.negated ? 'alwaysMatches' : entry.trueWhenAbsent ? 'onlyWithoutKey' : 'neverMatches';
          context.report({ node: entry.key, messageId, data: { operator: node.operator, key: entry.key.key } });
        }
      },
    };
  },
});
