/**
 * Principals of trust policies: the account an `AWS` principal value belongs to, and whether a
 * statement's `Principal`/`NotPrincipal` applies to a request from it. Source of truth: IAM User
 * Guide, "AWS JSON policy elements: Principal" (an account ID or `:root` ARN stands for every
 * principal of the account; role, user and session ARNs for one principal).
 */
import type { PrincipalNode, PrincipalValueNode, StatementNode, Verdict } from '@iamscope/core';
import type { RequestKeys } from './key-condition.js';
import { conditionHolds } from './key-condition.js';
import { coversAction } from './reachable.js';

/** The 12-digit account of an `AWS` principal value (bare ID or IAM/STS ARN), else undefined. */
export function accountOf(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value;
  const parts = value.split(':');
  return parts[0] === 'arn' && (parts[2] === 'iam' || parts[2] === 'sts') && /^\d{12}$/.test(parts[4] ?? '') ? parts[4] : undefined;
}

/** Whether one listed principal value stands for a request from `principal` (itself, or its account). */
function names(listed: PrincipalValueNode, principal: PrincipalValueNode): boolean {
  if (listed.value === '*') return listed.principalType === '*' || listed.principalType === 'AWS' || listed.principalType === principal.principalType;
  if (listed.principalType !== principal.principalType || listed.value === null || principal.value === null) return false;
  if (listed.value === principal.value) return true;
  const account = accountOf(listed.value);
  const wholeAccount = account !== undefined && (listed.value === account || listed.value.endsWith(':root'));
  return wholeAccount && accountOf(principal.value) === account;
}

/** Whether `element` (Principal or NotPrincipal) applies to a request from `principal`. */
function principalApplies(element: PrincipalNode, principal: PrincipalValueNode): boolean {
  const listed = element.wildcard || element.values.some((v) => names(v, principal));
  return element.negated ? !listed : listed;
}

/**
 * Whether the statements of a trust policy let `principal` call `action` for a request that
 * carries `keys`: `no` when no Allow applies or an unconditional Deny does, `may` when a condition
 * decides, else `yes`. Only `allow` is considered on the Allow side (the finding is about it).
 * @param statements every statement of the policy
 * @param allow the Allow statement that names `principal`
 * @param principal the principal value
 * @param action e.g. `sts:AssumeRole`
 * @param keys the request's condition keys
 */
export function trustAllows(statements: readonly StatementNode[], allow: StatementNode, principal: PrincipalValueNode, action: string, keys: RequestKeys): Verdict {
  const allowed = conditionHolds(allow, keys);
  if (allowed === 'no') return 'no';
  let verdict: Verdict = allowed;
  for (const s of statements) {
    const element = s.principal ?? s.notPrincipal;
    if (s.effect?.value !== 'Deny' || !element || !coversAction(s, action) || !principalApplies(element, principal)) continue;
    const denied = conditionHolds(s, keys);
    if (denied === 'yes') return 'no';
    if (denied === 'may') verdict = 'may';
  }
  return verdict;
}
