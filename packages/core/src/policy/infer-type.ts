import { actionMatches } from '../pattern/action.js';
import type { PolicyNode, PolicyType, StatementNode } from './nodes.js';

const ASSUME_ROLE_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'];

/**
 * Whether a statement reads as a statement of a role trust policy: it names a principal, has no
 * `Resource`/`NotResource` (IAM refuses them in trust policies, while STS VPC endpoint policies and
 * resource control policies that restrict `sts:AssumeRole` carry them), and one of its `Action`
 * items written with the `sts` service prefix matches an `sts:AssumeRole*` action. A bare `"*"`
 * (or any wildcard service prefix) is no evidence: `"Action": "*"` is common in bucket policies
 * and VPC endpoint policies.
 * @param statement the statement
 * @returns true for trust-policy evidence
 */
function isTrustStatement(statement: StatementNode): boolean {
  if (!statement.principal && !statement.notPrincipal) return false;
  if (statement.resource || statement.notResource) return false;
  return (statement.action?.items ?? []).some(
    (item) =>
      item.value !== null &&
      /^sts:/i.test(item.value) &&
      ASSUME_ROLE_ACTIONS.some((action) => actionMatches(item.value!, action)),
  );
}

/**
 * Infers the policy type of a standalone document from its shape (IAM User Guide, "Policies and
 * permissions": role trust policies name principals and STS assume actions but no resource;
 * resource-based policies name principals; identity policies name none). A document with a
 * statement of {@link isTrustStatement} is a trust policy; otherwise a statement with a `Principal`
 * or `NotPrincipal` makes it a resource-based policy; a document without principals is an identity
 * policy. Boundaries and SCPs cannot be told apart from identity policies by shape; config
 * overrides set them.
 * @param policy the policy (its `origin.policyType` is ignored)
 * @returns the inferred type
 */
export function inferPolicyType(policy: PolicyNode): PolicyType {
  if (policy.statements.some(isTrustStatement)) return 'trust';
  return policy.statements.some((s) => s.principal || s.notPrincipal) ? 'resource' : 'identity';
}
