/**
 * The policy set of one principal as a whole. Source of truth: IAM User Guide, "Policy evaluation
 * logic" (a principal's identity policies — inline, attached, its groups' — and one permissions
 * boundary decide its requests).
 */
import type { Principal } from '../sources/principals.js';
import type { PolicySet } from './resource-gaps.js';

/**
 * The policies that decide a principal's requests: its identity policies found in the scan, the
 * AWS managed policies attached to it whose document iamscope's snapshot holds, and its
 * permissions boundary when its document is known.
 * @param principal a role, user or group of the scan (`sources/principals.ts`)
 * @returns its policy set (no SCPs: the principal model holds none)
 */
export function principalPolicySet(principal: Principal): PolicySet {
  return {
    identity: [...new Set([...principal.identity, ...principal.external.flatMap((e) => (e.policy ? [e.policy] : []))])],
    ...(principal.boundary ? { boundary: principal.boundary } : {}),
  };
}
