/**
 * Whether an escalation method applies to a principal: every required action allowed on a
 * resource that makes it work, and one of the alternatives too.
 */
import { access, expandActions } from '@iamscope/core';
import { ESCALATION_METHODS, type EscalationMethod, type Requirement } from './catalog.js';
import type { Grant, PermissionView } from './view.js';

/** A method that applies, with the grant of each action it uses (the pivotal one first). */
export interface Applied {
  method: EscalationMethod;
  grants: Grant[];
  /** True when a condition or policy variable decides some grant ("may"). */
  uncertain: boolean;
}

/** Whether a requirement's resource is a role (the one a path may continue through). */
const onRole = (r: Requirement) => r[1] === 'any-role' || r[1] === 'role-wildcard' || r[1] === 'passable-role';

/**
 * Whether `method` can apply to the principal of `view` at all, from the action names of its
 * statements only: a cheap necessary condition of {@link applies} (every required action, and one
 * alternative, named by some identity Allow statement; the boundary or Deny it needs).
 * @param view the principal's permissions
 * @param method the method
 * @param hasBoundary whether the principal has a permissions boundary (or may have: a standalone policy)
 * @returns false when `applies` is sure to return undefined, whatever resource it is asked about
 */
export function mayApply(view: PermissionView, method: EscalationMethod, hasBoundary: boolean): boolean {
  if (method.requires === 'boundary' && !hasBoundary) return false;
  if (method.requires === 'deny' && !view.hasDeny()) return false;
  return method.allOf.every(([action]) => view.mentions(action)) && (!method.anyOf || method.anyOf.some(([action]) => view.mentions(action)));
}

/**
 * Whether `method` applies to the principal of `view`.
 * @param view the principal's permissions
 * @param method the method
 * @param context `hasBoundary`: whether the principal has a permissions boundary (or may have:
 *   a standalone policy); `role`: the ARN of a role of the scan the method must act on (a hop)
 * @returns the grants, or undefined
 */
export function applies(view: PermissionView, method: EscalationMethod, context: { hasBoundary: boolean; role?: string }): Applied | undefined {
  if (method.requires === 'boundary' && !context.hasBoundary) return undefined;
  if (method.requires === 'deny' && !view.hasDeny()) return undefined;
  const service = method.passedToService ?? method.passRoleTo;
  const grant = (r: Requirement) => view.find(r[0], r[1], service, context.role && onRole(r) ? context.role : undefined);
  const grants: Grant[] = [];
  for (const requirement of method.allOf) {
    const found = grant(requirement);
    if (!found) return undefined;
    grants.push(found);
  }
  if (method.anyOf) {
    const options = method.anyOf.flatMap((r) => grant(r) ?? []);
    const chosen = options.find((g) => !g.uncertain) ?? options[0];
    if (!chosen) return undefined;
    grants.push(chosen);
  }
  return { method, grants, uncertain: grants.some((g) => g.uncertain) };
}

/** Actions that a statement allowing every action on every resource covers (probes of `*` on `*`). */
const ADMIN_PROBES = ['iam:CreateUser', 'iam:PutRolePolicy', 'ec2:RunInstances', 's3:DeleteBucket', 'kms:Decrypt', 'organizations:LeaveOrganization'];

/**
 * Whether the principal of `view` may perform every action on every resource (a statement
 * allowing `*` on `*` that no Deny or boundary restricts; probed with actions of several services).
 * @param view the principal's permissions
 * @returns the goal with the statement that gives it, or undefined
 */
export function administrator(view: PermissionView): Goal | undefined {
  const probes = ADMIN_PROBES.map((a) => access(view.perms, a, '*'));
  if (!probes.every((d) => d.verdict === 'allowed' || d.verdict === 'conditional')) return undefined;
  const decisive = probes[0]!.statements.find((s) => s.term.role === 'identity');
  const uncertain = probes.some((d) => d.verdict === 'conditional');
  const grant = decisive && { action: '*', resource: '*', policy: decisive.term.policy, statement: decisive.term.statement, uncertain };
  return { what: 'administrator access (every action on every resource)', uncertain, ...(grant ? { grant } : {}) };
}

/** What ends a path: administrator access, or an action of `settings.ml.escalationTargets`. */
export interface Goal {
  /** For messages: "administrator access" or the target action. */
  what: string;
  /** The statement that gives it, when one does. */
  grant?: Grant;
  uncertain: boolean;
}

/**
 * Whether the principal of `view` has administrator-equivalent access (every probe action on `*`,
 * or a method that alone makes it administrator) or can perform a configured target action.
 * @param view the principal's permissions
 * @param targets action patterns of `settings.ml.escalationTargets`
 * @param hasBoundary whether the principal has a permissions boundary
 * @returns the goal it reaches, or undefined
 */
export function goalOf(view: PermissionView, targets: readonly string[], hasBoundary: boolean): Goal | undefined {
  const admin = administrator(view);
  if (admin) return admin;
  for (const method of ESCALATION_METHODS) {
    if (!method.admin) continue;
    const applied = applies(view, method, { hasBoundary });
    if (applied) return { what: `administrator access (${method.id})`, grant: applied.grants[0]!, uncertain: applied.uncertain };
  }
  for (const pattern of targets) {
    for (const action of expandActions(pattern)) {
      const grant = view.find(action, 'any');
      if (grant) return { what: `"${action}" (settings.ml.escalationTargets)`, grant, uncertain: grant.uncertain };
    }
  }
  return undefined;
}
