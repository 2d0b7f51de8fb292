import { actionMatches } from '../pattern/action.js';
import type { PolicyNode, PolicyType } from './nodes.js';

const ASSUME_ROLE_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

/**
 * Infers the policy type of a standalone document from its shape: a statement with a `Principal`
 * or `NotPrincipal` makes it a trust policy when one of its actions matches an `sts:AssumeRole*`
 * action, otherwise a resource-based policy; a document without principals is an identity policy.
 * Boundaries and SCPs cannot be told apart from identity policies by shape; config overrides set them.
 * @param policy the policy (its `origin.policyType` is ignored)
 * @returns the inferred type
 */
export function inferPolicyType(policy: PolicyNode): PolicyType {
  let hasPrincipal = false;
  for (const statement of policy.statements) {
    if (!statement.principal && !statement.notPrincipal) continue;
    hasPrincipal = true;
    const actions = statement.action?.items ?? [];
    const assumes = actions.some(
      (item) => item.value !== null && ASSUME_ROLE_ACTIONS.some((action) => actionMatches(item.value!, action)),
    );
    if (assumes) return 'trust';
  }
  return hasPrincipal ? 'resource' : 'identity';
}
