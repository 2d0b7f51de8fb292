import type { PolicyNode } from '../policy/nodes.js';
import { policySetsFor, type Principal } from '../sources/principals.js';
import { findResourceGaps, type ResourceGap, type ScopeQuery } from './resource-gaps.js';

/**
 * How sure a gap is, for choosing among gaps of one element: 0 certain, 1 uncertain ("may"),
 * 2 undecided (no witness within the work allowance).
 * @param gap a gap from `findResourceGaps`
 * @returns 0, 1 or 2 (lower is surer)
 */
export function gapRank(gap: ResourceGap): number {
  return gap.witness === undefined ? 2 : gap.uncertain ? 1 : 0;
}

/**
 * {@link findResourceGaps} for one identity policy as it applies to the principals of the scan:
 * asked once per principal the policy is part of (with that principal's other identity policies,
 * AWS managed attachments and permissions boundary), or for the policy alone when it belongs to
 * none. A gap through an element of `policy` for any of them is a gap of the policy; when several
 * principals give one for the same element, the most certain is kept.
 * @param policy the identity policy whose elements are reported
 * @param principals the principals it applies to (`RuleContext.principals`)
 * @param query actions with their resource universes, and the allowed resources
 * @returns gaps through elements of `policy`, in source order, at most one per element
 */
export function policyGaps(policy: PolicyNode, principals: readonly Principal[], query: ScopeQuery): ResourceGap[] {
  const own = new Set(policy.statements);
  const best = new Map<number, ResourceGap>();
  for (const set of policySetsFor(policy, principals)) {
    for (const gap of findResourceGaps(set, query)) {
      if (!own.has(gap.statement)) continue;
      const known = best.get(gap.loc.start.offset);
      if (!known || gapRank(gap) < gapRank(known)) best.set(gap.loc.start.offset, gap);
    }
  }
  return [...best.values()].sort((a, b) => a.loc.start.offset - b.loc.start.offset);
}
