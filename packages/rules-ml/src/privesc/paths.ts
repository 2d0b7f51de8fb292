/**
 * Multi-hop escalation through the roles of the scan: a principal passes a role to a service that
 * role trusts, or assumes a role whose trust policy admits it, and continues with that role's
 * permissions — breadth first, each role once, up to a depth — until a role has
 * administrator-equivalent access or a configured target action. Source of truth: IAM User Guide,
 * "Granting a user permissions to pass a role to an AWS service" and "Using IAM roles" (a trust
 * policy names the principals and services that may assume the role); the graph model follows
 * PMapper (privesc-notes.md §2).
 */
import { principalPolicySet, type Principal, type StatementNode } from '@iamscope/core';
import { accountOf } from '../analysis/principals.js';
import { coversAction } from '../analysis/reachable.js';
import { applies, goalOf, type Applied, type Goal } from './apply.js';
import { ESCALATION_METHODS } from './catalog.js';
import { PermissionView, principalArn, type Self } from './view.js';

const ASSUME_ROLE = 'sts:AssumeRole';

/** One step of a path: the method used and the role of the scan it leads to. */
export interface Hop extends Applied {
  to: Principal;
}

/** A path from a principal to a goal. */
export interface EscalationPath {
  hops: Hop[];
  goal: Goal;
}

/** The Allow statements of a role's trust policies that cover sts:AssumeRole. */
function trustAllows(role: Principal): StatementNode[] {
  return role.trust.flatMap((p) => p.statements).filter((s) => s.effect?.value === 'Allow' && coversAction(s, ASSUME_ROLE));
}

/** Whether the role trusts `service` (its trust policy lets the service assume it). */
function trustsService(role: Principal, service: string): boolean {
  return trustAllows(role).some((s) => s.principal && (s.principal.wildcard || s.principal.values.some((v) => v.principalType === 'Service' && v.value === service)));
}

/**
 * Whether the role's trust policy admits `from`: anyone, an account (the scan's roles share one),
 * or `from` by ARN. A standalone policy (no principal) is admitted only by an account or anyone.
 */
function trustAdmits(role: Principal, from: Self | undefined): boolean {
  return trustAllows(role).some((s) => {
    if (!s.principal) return false;
    if (s.principal.wildcard) return true;
    return s.principal.values.some((v) => {
      if (v.principalType !== 'AWS' || v.value === null) return false;
      const account = accountOf(v.value) !== undefined && (/^\d{12}$/.test(v.value) || v.value.endsWith(':root'));
      const unknownAccount = /^(arn:[^:]*:iam::)?\$\{unresolved:[^}]*\}(:root)?$/.test(v.value);
      const named = from !== undefined && v.value.endsWith(`:${from.kind}/${from.name}`);
      return account || unknownAccount || named;
    });
  });
}

/** Finds paths through the roles of one group of files; views and goals are computed once per role. */
export class PathFinder {
  private readonly views = new Map<Principal, PermissionView>();
  private readonly goals = new Map<Principal, Goal | undefined>();
  private readonly roles: Principal[];

  /**
   * @param principals every principal of the group of files
   * @param partition the partition ARNs are searched in
   * @param targets `settings.ml.escalationTargets`
   * @param depth the most hops a path may have
   */
  constructor(
    principals: readonly Principal[],
    private readonly partition: string,
    private readonly targets: readonly string[],
    private readonly depth: number,
  ) {
    this.roles = principals.filter((p) => p.kind === 'role');
  }

  /** The permission view of a principal of the scan (cached). */
  viewOf(principal: Principal): PermissionView {
    let view = this.views.get(principal);
    if (!view) {
      view = new PermissionView(principalPolicySet(principal), this.partition, { kind: principal.kind, name: principal.name });
      this.views.set(principal, view);
    }
    return view;
  }

  private goalOf(role: Principal): Goal | undefined {
    if (!this.goals.has(role)) this.goals.set(role, goalOf(this.viewOf(role), this.targets, role.boundaryRef !== undefined));
    return this.goals.get(role);
  }

  /** The hops from a principal (or standalone policy) into the roles of the scan. */
  hopsFrom(view: PermissionView, from: Principal | undefined): Hop[] {
    const hops: Hop[] = [];
    for (const role of this.roles) {
      if (role === from) continue;
      const arn = principalArn({ kind: 'role', name: role.name }, this.partition);
      for (const method of ESCALATION_METHODS) {
        const via = method.hop === 'passed-role' ? trustsService(role, method.passRoleTo!) : method.hop === 'assumed-role' && trustAdmits(role, view.self);
        if (!via) continue;
        const applied = applies(view, method, { hasBoundary: from ? from.boundaryRef !== undefined : true, role: arn });
        if (applied) hops.push({ ...applied, to: role });
      }
    }
    return hops;
  }

  /**
   * The shortest path to a goal that starts with each first hop of `view`, breadth first from
   * that hop's role (each role visited once per search).
   * @param view the starting principal's permissions
   * @param from the starting principal (undefined for a standalone policy)
   * @returns for each method id that starts a path, the shortest such path
   */
  pathsFrom(view: PermissionView, from: Principal | undefined): Map<string, EscalationPath> {
    const found = new Map<string, EscalationPath>();
    for (const first of this.hopsFrom(view, from)) {
      const best = found.get(first.method.id);
      if (best && best.hops.length === 1) continue;
      const path = this.search(first, from, best ? best.hops.length - 1 : this.depth);
      if (path) found.set(first.method.id, path);
    }
    return found;
  }

  /** Breadth first from `first.to`, paths of at most `limit` hops (shorter than a known one). */
  private search(first: Hop, from: Principal | undefined, limit: number): EscalationPath | undefined {
    const visited = new Set<Principal>(from ? [from] : []);
    let frontier: Hop[][] = [[first]];
    visited.add(first.to);
    while (frontier.length > 0) {
      const next: Hop[][] = [];
      for (const hops of frontier) {
        const last = hops[hops.length - 1]!.to;
        const goal = this.goalOf(last);
        if (goal) return { hops, goal };
        if (hops.length >= limit) continue;
        for (const hop of this.hopsFrom(this.viewOf(last), last)) {
          if (visited.has(hop.to)) continue;
          visited.add(hop.to);
          next.push([...hops, hop]);
        }
      }
      frontier = next;
    }
    return undefined;
  }
}
