/**
 * Multi-hop escalation through the roles of the scan: a principal passes a role to a service that
 * role trusts, or assumes a role whose trust policy admits it, and continues with that role's
 * permissions — breadth first, each role once, up to a depth — until a role has
 * administrator-equivalent access or a configured target action. Source of truth: IAM User Guide,
 * "Granting a user permissions to pass a role to an AWS service" and "Using IAM roles" (a trust
 * policy names the principals and services that may assume the role); the graph model follows
 * PMapper (privesc-notes.md §2).
 *
 * The hop graph is built once per group of files: each role's trust policy is read once and
 * indexed (by trusted service, by principal name), each principal's hops are computed once, and
 * only for the methods its policies can grant at all (`mayApply`); each role's distance to a goal
 * bounds the breadth-first searches, which never changes the path they find.
 */
import { principalPolicySet, type Principal, type StatementNode } from '@iamscope/core';
import { accountOf } from '../analysis/principals.js';
import { coversAction } from '../analysis/reachable.js';
import { applies, goalOf, mayApply, type Applied, type Goal } from './apply.js';
import { ESCALATION_METHODS, type EscalationMethod } from './catalog.js';
import { PermissionView, principalArn, type Self } from './view.js';

const ASSUME_ROLE = 'sts:AssumeRole';

/** The methods a path continues from, in catalog order. */
const HOP_METHODS = ESCALATION_METHODS.filter((m) => m.hop !== undefined);

/** One step of a path: the method used and the role of the scan it leads to. */
export interface Hop extends Applied {
  to: Principal;
}

/** A path from a principal to a goal. */
export interface EscalationPath {
  hops: Hop[];
  goal: Goal;
}

/** Who a role's trust policy lets assume it: its Allow statements that cover sts:AssumeRole, read once. */
interface Trust {
  /** A statement names every principal (`"*"`). */
  anyone: boolean;
  /** The service principals named. */
  services: Set<string>;
  /** An `AWS` principal is an account (the scan's roles share one) or an unresolved account. */
  account: boolean;
  /** The other `AWS` principal values (ARNs of principals). */
  named: string[];
}

/** Reads a role's trust policies into a {@link Trust}. */
function trustOf(role: Principal): Trust {
  const trust: Trust = { anyone: false, services: new Set(), account: false, named: [] };
  const statements: StatementNode[] = role.trust.flatMap((p) => p.statements).filter((s) => s.effect?.value === 'Allow' && coversAction(s, ASSUME_ROLE));
  for (const s of statements) {
    if (!s.principal) continue;
    if (s.principal.wildcard) trust.anyone = true;
    for (const v of s.principal.values) {
      if (v.value === null) continue;
      if (v.principalType === 'Service') trust.services.add(v.value);
      if (v.principalType !== 'AWS') continue;
      const account = accountOf(v.value) !== undefined && (/^\d{12}$/.test(v.value) || v.value.endsWith(':root'));
      const unknownAccount = /^(arn:[^:]*:iam::)?\$\{unresolved:[^}]*\}(:root)?$/.test(v.value);
      if (account || unknownAccount) trust.account = true;
      else trust.named.push(v.value);
    }
  }
  return trust;
}

/** Whether the role trusts `service` (its trust policy lets the service assume it). */
function trustsService(trust: Trust, service: string): boolean {
  return trust.anyone || trust.services.has(service);
}

/** The key a principal is named by at the end of an ARN (`role/ml-exec` in `…:role/ml-exec`). */
const nameKey = (self: Self) => `${self.kind}/${self.name}`;

/**
 * Whether the role's trust policy admits `from`: anyone, an account (the scan's roles share one),
 * or `from` by ARN. A standalone policy (no principal) is admitted only by an account or anyone.
 */
function trustAdmits(trust: Trust, from: Self | undefined): boolean {
  return trust.anyone || trust.account || (from !== undefined && trust.named.some((v) => v.endsWith(`:${nameKey(from)}`)));
}

/** Appends `value` to the list of `key` in `map`. */
function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Finds paths through the roles of one group of files; trusts, views, hops, goals and distances are computed once per role. */
export class PathFinder {
  private readonly views = new Map<Principal, PermissionView>();
  private readonly goals = new Map<Principal, Goal | undefined>();
  private readonly hops = new Map<Principal, Hop[]>();
  private readonly roles: Principal[];
  private readonly trusts: Trust[];
  /** Roles (indices into `roles`) whose trust admits every principal of the account (or anyone). */
  private readonly admitAll: number[] = [];
  /** Roles whose trust admits anyone, so every service too. */
  private readonly anyService: number[] = [];
  /** Roles by a service they trust. */
  private readonly byService = new Map<string, number[]>();
  /** Roles by each `kind/name` that ends an ARN their trust names (every suffix after a colon). */
  private readonly byName = new Map<string, number[]>();
  /** Hops from each role to the nearest goal (absent: more than `depth`); built on first use. */
  private distances?: Map<Principal, number>;

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
    this.trusts = this.roles.map(trustOf);
    this.trusts.forEach((trust, i) => {
      if (trust.anyone || trust.account) this.admitAll.push(i);
      if (trust.anyone) this.anyService.push(i);
      for (const service of trust.services) add(this.byService, service, i);
      const keys = new Set(trust.named.flatMap((v) => [...v.matchAll(/:/g)].map((m) => v.slice(m.index + 1))));
      for (const key of keys) add(this.byName, key, i);
    });
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

  /** The roles (indices, ascending) that `method` may lead to from a principal named `self`, by their trust alone. */
  private candidates(method: EscalationMethod, self: Self | undefined): number[] {
    if (method.hop === 'passed-role') return [...this.anyService, ...(this.byService.get(method.passRoleTo!) ?? [])];
    return [...this.admitAll, ...((self && this.byName.get(nameKey(self))) ?? [])];
  }

  /**
   * The hops from a principal (or standalone policy) into the roles of the scan, role by role in
   * scan order and method by method in catalog order.
   */
  private hopsFrom(view: PermissionView, from: Principal | undefined): Hop[] {
    const hasBoundary = from ? from.boundaryRef !== undefined : true;
    const methods = HOP_METHODS.filter((method) => mayApply(view, method, hasBoundary));
    if (methods.length === 0) return [];
    const indices = [...new Set(methods.flatMap((method) => this.candidates(method, view.self)))].sort((a, b) => a - b);
    const hops: Hop[] = [];
    for (const i of indices) {
      const role = this.roles[i]!;
      if (role === from) continue;
      const trust = this.trusts[i]!;
      const arn = principalArn({ kind: 'role', name: role.name }, this.partition);
      for (const method of methods) {
        const via = method.hop === 'passed-role' ? trustsService(trust, method.passRoleTo!) : trustAdmits(trust, view.self);
        if (!via) continue;
        const applied = applies(view, method, { hasBoundary, role: arn });
        if (applied) hops.push({ ...applied, to: role });
      }
    }
    return hops;
  }

  /** The hops of a principal of the scan (cached: the edges of the hop graph). */
  private hopsOf(principal: Principal): Hop[] {
    let hops = this.hops.get(principal);
    if (!hops) {
      hops = this.hopsFrom(this.viewOf(principal), principal);
      this.hops.set(principal, hops);
    }
    return hops;
  }

  /**
   * Hops from `role` to the nearest goal along the hop graph, ignoring which roles a search has
   * visited (so never more than the search needs), or Infinity beyond `depth`. Built for every
   * role at once, breadth first backwards from the roles that are goals.
   */
  private distance(role: Principal): number {
    if (!this.distances) {
      const into = new Map<Principal, Principal[]>();
      for (const from of this.roles) for (const hop of this.hopsOf(from)) add(into, hop.to, from);
      const distances = new Map<Principal, number>();
      let level = this.roles.filter((r) => this.goalOf(r) !== undefined);
      for (let d = 0; d <= this.depth && level.length > 0; d++) {
        const next: Principal[] = [];
        for (const r of level) {
          if (distances.has(r)) continue;
          distances.set(r, d);
          next.push(...(into.get(r) ?? []));
        }
        level = next;
      }
      this.distances = distances;
    }
    return this.distances.get(role) ?? Infinity;
  }

  /**
   * The shortest path to a goal that starts with each first hop of `view`, breadth first from
   * that hop's role (each role visited once per search).
   * @param view the starting principal's permissions (`viewOf(from)` for a principal of the scan)
   * @param from the starting principal (undefined for a standalone policy)
   * @returns for each method id that starts a path, the shortest such path
   */
  pathsFrom(view: PermissionView, from: Principal | undefined): Map<string, EscalationPath> {
    const found = new Map<string, EscalationPath>();
    for (const first of from ? this.hopsOf(from) : this.hopsFrom(view, undefined)) {
      const best = found.get(first.method.id);
      if (best && best.hops.length === 1) continue;
      const path = this.search(first, from, best ? best.hops.length - 1 : this.depth);
      if (path) found.set(first.method.id, path);
    }
    return found;
  }

  /**
   * Breadth first from `first.to`, paths of at most `limit` hops (shorter than a known one). A
   * path that cannot reach a goal within the limit even through visited roles is not extended;
   * its role is still marked visited, as a plain search would.
   */
  private search(first: Hop, from: Principal | undefined, limit: number): EscalationPath | undefined {
    if (1 + this.distance(first.to) > limit) return undefined;
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
        for (const hop of this.hopsOf(last)) {
          if (visited.has(hop.to)) continue;
          visited.add(hop.to);
          if (hops.length + 1 + this.distance(hop.to) <= limit) next.push([...hops, hop]);
        }
      }
      frontier = next;
    }
    return undefined;
  }
}
