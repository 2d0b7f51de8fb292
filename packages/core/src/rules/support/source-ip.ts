/**
 * `aws:SourceIp` values split into private and public ranges, shared by private-ip-condition and
 * private-ip-condition-subset. Source of truth: IAM User Guide, "AWS global condition context
 * keys" → aws:SourceIp (holds the requester's public IP address); IAM Access Analyzer policy
 * checks "Private IP address" / "Private IP address subset".
 */
import { parseConditionOperator } from '../../policy/condition-operator.js';
import { valueText } from '../../policy/condition-value.js';
import { isPrivateRange, parseIpRange } from '../../policy/ip-range.js';
import type { ConditionKeyNode, ConditionOperatorNode, ConditionValueNode } from '../../policy/nodes.js';

/** The `aws:SourceIp` key of an IP address operator, with its values classified. */
export interface SourceIpKey {
  key: ConditionKeyNode;
  /** True under `NotIpAddress`. */
  negated: boolean;
  /** True when the operator is also true without the key: an `IfExists` form or `ForAllValues:`. */
  trueWhenAbsent: boolean;
  /** Values lying wholly inside the private ranges of {@link isPrivateRange}. */
  privateValues: ConditionValueNode[];
  /** Well-formed values that are not wholly private. */
  publicCount: number;
  /** True when every value is a well-formed address or CIDR. */
  allValid: boolean;
}

/**
 * @param node a condition operator
 * @returns its `aws:SourceIp` keys (matched case-insensitively) when it is an IP address operator, else none
 */
export function sourceIpKeys(node: ConditionOperatorNode): SourceIpKey[] {
  const parsed = parseConditionOperator(node.operator);
  if (parsed?.family !== 'IpAddress') return [];
  return node.keys
    .filter((key) => key.key.toLowerCase() === 'aws:sourceip')
    .map((key) => {
      const ranges = key.values.map((value) => {
        const text = valueText(value);
        return { value, range: text === undefined ? undefined : parseIpRange(text) };
      });
      const valid = ranges.filter((r) => r.range !== undefined);
      const privateValues = valid.filter((r) => isPrivateRange(r.range!)).map((r) => r.value);
      const trueWhenAbsent = parsed.ifExists || parsed.qualifier === 'ForAllValues';
      return { key, negated: parsed.negated, trueWhenAbsent, privateValues, publicCount: valid.length - privateValues.length, allValid: valid.length === ranges.length };
    });
}
