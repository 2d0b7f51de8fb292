/**
 * The guards of the seed's "Permission Boundaries" list, each as a question about one permissions
 * boundary or SCP: which element of it lets through what the guard should stop. The answers come
 * from the analyses of the single-purpose rules (`ml/instance-type-limit`, `ml/region-limit`,
 * `ml/s3-scope`) and from core's `access` query (through `analysis/grants.ts`); a boundary or SCP
 * is read like an identity policy, since its Allow statements are the most it lets through.
 */
import { effectivePermissions, findResourceGaps, type PolicyNode, type SourceLocation, type StatementNode } from '@iamscope/core';
import { grantSites, reachFrom } from './analysis/grants.js';
import { actionLocation, limitFindings, type ActionFamily, type LimitFinding } from './limit-scan.js';
import { families as instanceTypeFamilies } from './rules/instance-type-limit.js';
import { family as regionFamily } from './rules/region-limit.js';
import { sensitiveActions } from './rules/s3-scope.js';
import { scopeActions } from './scope.js';
import type { MlSettings } from './settings.js';

/** One element that lets an action through a guard; `messageId` names the guard (or `tooComplex`). */
export interface GuardFinding {
  loc: SourceLocation;
  messageId: 'instanceTypes' | 'regions' | 'sensitiveBuckets' | 'iamEscalation' | 'tooComplex';
  /** True when a condition or policy variable decides ("may"). */
  uncertain: boolean;
  action: string;
  /** Message data besides `action`, `more` and `can`. */
  data: Record<string, string>;
}

/**
 * IAM actions that let a principal give itself or another principal more permissions, or lift a
 * boundary: most telling first (the first one found on an element is named in the message).
 */
export const ESCALATION_ACTIONS: readonly string[] = [
  'iam:CreateRole',
  'iam:PutRolePolicy',
  'iam:AttachRolePolicy',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:PassRole',
  'iam:UpdateAssumeRolePolicy',
  'iam:DeleteRolePermissionsBoundary',
  'iam:PutRolePermissionsBoundary',
  'iam:CreateUser',
  'iam:PutUserPolicy',
  'iam:AttachUserPolicy',
  'iam:DeleteUserPermissionsBoundary',
  'iam:PutUserPermissionsBoundary',
  'iam:PutGroupPolicy',
  'iam:AttachGroupPolicy',
  'iam:AddUserToGroup',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
];

/** A finding of the `limit-scan` analysis, as a guard finding on the Action item (or NotAction element). */
function fromLimit(f: LimitFinding, messageId: 'instanceTypes' | 'regions', guard: string): GuardFinding {
  const base = { loc: f.actionLoc, action: f.grant.action };
  const data = { element: f.actionElement, resource: f.grant.witness ?? '*', guard };
  const gap = f.gap;
  if (gap.kind === 'unknown') return { ...base, messageId: 'tooComplex', uncertain: true, data };
  const uncertain = gap.uncertain || f.variableResource;
  const what = gap.kind === 'absent' ? 'send requests that name no instance type' : messageId === 'instanceTypes' ? `use instance type "${gap.value}"` : gap.value;
  return { ...base, messageId, uncertain: uncertain || gap.kind === 'absent', data: { ...data, what } };
}

/** Runs `limitFindings` for each family and turns the results into guard findings. */
function limitGuard(policy: PolicyNode, list: ActionFamily[], partition: string, messageId: 'instanceTypes' | 'regions', guard: string): GuardFinding[] {
  return list.flatMap((family) => limitFindings(policy, family, partition).map((f) => fromLimit(f, messageId, guard)));
}

/** Elements that let SageMaker compute or `ec2:RunInstances` through with an instance type outside the limit (see `ml/instance-type-limit`). */
export function instanceTypeGuard(policy: PolicyNode, settings: MlSettings, partition: string): GuardFinding[] {
  return limitGuard(policy, instanceTypeFamilies(settings.allowedInstanceTypes), partition, 'instanceTypes', 'instance-type');
}

/** With `allowedRegions` set, elements that let regional ML actions through in another region (see `ml/region-limit`). */
export function regionGuard(policy: PolicyNode, settings: MlSettings, partition: string): GuardFinding[] {
  if (settings.allowedRegions.length === 0) return [];
  return limitGuard(policy, [regionFamily(settings.allowedRegions)], partition, 'regions', 'region');
}

/** With `sensitiveBuckets` set, the Resource items (or NotResource elements) that let S3 actions reach them (see `ml/s3-scope`). */
export function sensitiveBucketGuard(policy: PolicyNode, settings: MlSettings, partition: string): GuardFinding[] {
  if (settings.sensitiveBuckets.length === 0) return [];
  const actions = scopeActions(sensitiveActions(settings.sensitiveBuckets), partition);
  return findResourceGaps(policy, { actions, allowed: [] }).map((gap) => ({
    loc: gap.loc,
    messageId: gap.witness === undefined ? 'tooComplex' : 'sensitiveBuckets',
    uncertain: gap.uncertain,
    action: gap.action,
    data: { element: gap.element, witness: gap.witness ?? '', guard: 'sensitive-bucket' },
  }));
}

/**
 * The Action items (or NotAction elements) through which an escalation action is allowed with no
 * condition deciding it: `access` finds a resource of the granting element that is allowed outright
 * after the policy's Deny statements. A conditional grant (e.g. `iam:PermissionsBoundary` required)
 * or a conditional Deny counts as a guard.
 */
export function escalationGuard(policy: PolicyNode, partition: string): GuardFinding[] {
  const perms = effectivePermissions({ identity: [policy] });
  const out: GuardFinding[] = [];
  for (const action of ESCALATION_ACTIONS) {
    const done = new Set<StatementNode>();
    for (const site of grantSites(policy, action)) {
      if (done.has(site.statement)) continue;
      const reach = reachFrom(perms, policy, site, action, partition);
      if (!reach || reach.uncertain) continue;
      done.add(site.statement);
      const { loc, element } = actionLocation(site.statement, action);
      out.push({ loc, messageId: 'iamEscalation', uncertain: false, action, data: { element, resource: reach.resource, guard: 'IAM escalation' } });
    }
  }
  return out;
}
