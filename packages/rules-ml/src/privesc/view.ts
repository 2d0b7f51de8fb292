/**
 * One principal's permissions as the escalation methods ask about them: "is `action` allowed on a
 * resource of this kind, and by which statement?". Answers come from core's `access` (through
 * `reachable`), so every Deny, NotAction, NotResource and the permissions boundary count; the
 * request carries `iam:PassedToService` (PassRole only) and no `iam:PermissionsBoundary`, so a
 * condition on either is decided. Answers are cached per view.
 */
import {
  appliesToAction,
  compileResourcePattern,
  effectivePermissions,
  literalTokens,
  type EffectivePermissions,
  type PolicyNode,
  type PolicySet,
  type StatementNode,
  type Token,
} from '@iamscope/core';
import { grantSites, type GrantSite } from '../analysis/grants.js';
import { requestKeys, specialize } from '../analysis/key-condition.js';
import { matchesSeveralRoles, PASS_ROLE, PASSED_TO_SERVICE } from '../analysis/passrole.js';
import { reachable } from '../analysis/reachable.js';
import type { MethodTarget } from './catalog.js';

/** A statement that allows one required action on a resource that makes the method work. */
export interface Grant {
  action: string;
  resource: string;
  policy: PolicyNode;
  statement: StatementNode;
  /** True when a condition or a policy variable decides ("may"). */
  uncertain: boolean;
}

/** Who the policies belong to: a principal of the scan, or none (a standalone policy file). */
export interface Self {
  kind: 'role' | 'user' | 'group';
  name: string;
}

/** The IAM condition key a request names its permissions boundary with. */
const PERMISSIONS_BOUNDARY = 'iam:PermissionsBoundary';
/** A resource variable that names the caller itself (`user/${aws:username}`). */
const CALLER_VARIABLE = /\$\{aws:(username|userid)\}/i;

/** A role of every member account of an organization, with administrator access. */
const ADMIN_ROLE = 'OrganizationAccountAccessRole';

const capitalized = (kind: string) => kind[0]!.toUpperCase() + kind.slice(1);

/** Answers of `appliesToAction` by statement, shared by every view (AWS managed and attached policies serve many principals). */
const covered = new WeakMap<StatementNode, Map<string, boolean>>();

function covers(statement: StatementNode, action: string): boolean {
  let answers = covered.get(statement);
  if (!answers) covered.set(statement, (answers = new Map()));
  let answer = answers.get(action);
  if (answer === undefined) answers.set(action, (answer = appliesToAction(statement, action)));
  return answer;
}

/** Compiled resource patterns of the method targets, shared by every view. */
const targetPatterns = new Map<string, Token[]>();

function targetPattern(pattern: string): Token[] {
  let tokens = targetPatterns.get(pattern);
  if (!tokens) targetPatterns.set(pattern, (tokens = compileResourcePattern(pattern).tokens));
  return tokens;
}

/** The ARN iamscope uses for a principal of the scan (account unknown: an example one). */
export function principalArn(self: Self, partition: string): string {
  return `arn:${partition}:iam::123456789012:${self.kind}/${self.name}`;
}

/** The permissions of one principal (or standalone policy), with cached answers. */
export class PermissionView {
  readonly perms: EffectivePermissions;
  private readonly specialised = new Map<string, EffectivePermissions>();
  private readonly answers = new Map<string, Grant | undefined>();
  private readonly sites = new Map<string, GrantSite[]>();
  private readonly mentioned = new Map<string, boolean>();

  /**
   * @param set the policies that decide the principal's requests
   * @param partition the partition ARNs are searched in
   * @param self the principal, when the policies belong to one of the scan
   */
  constructor(
    set: PolicySet,
    readonly partition: string,
    readonly self?: Self,
  ) {
    this.perms = effectivePermissions(set);
  }

  /** Whether some identity Allow statement names the action at all (a cheap first test; cached). */
  mentions(action: string): boolean {
    let named = this.mentioned.get(action);
    if (named === undefined) {
      named = this.perms.terms.some((t) => t.role === 'identity' && t.effect === 'Allow' && covers(t.statement, action));
      this.mentioned.set(action, named);
    }
    return named;
  }

  /** Whether an identity policy has a Deny statement (something to remove). */
  hasDeny(): boolean {
    return this.perms.terms.some((t) => t.role === 'identity' && t.effect === 'Deny');
  }

  /**
   * A statement allowing `action` on a resource `target` stands for, certain ones first.
   * @param action a concrete action
   * @param target the kind of resource the method needs
   * @param service the service a role is passed to (`iam:PassedToService`, PassRole only)
   * @param exact an ARN the resource must be (a role of the scan a path continues through)
   * @returns the grant, or undefined when the action is not allowed on such a resource
   */
  find(action: string, target: MethodTarget, service?: string, exact?: string): Grant | undefined {
    if (!this.mentions(action)) return undefined;
    const key = `${action}|${target}|${service ?? ''}|${exact ?? ''}`;
    if (!this.answers.has(key)) this.answers.set(key, this.search(action, target, service, exact));
    return this.answers.get(key);
  }

  private search(action: string, target: MethodTarget, service: string | undefined, exact: string | undefined): Grant | undefined {
    const passed = action.toLowerCase() === PASS_ROLE.toLowerCase() ? service : undefined;
    const perms = this.forService(passed);
    const within = exact ? literalTokens(exact) : this.within(action, target);
    let possible: Grant | undefined;
    for (const site of this.grantSites(action)) {
      if (!exact && !this.fits(site, target)) continue;
      const own = perms.terms.find((t) => t.statement === site.statement);
      if (!own) continue; // its condition fails for this request
      const policy = own.policy;
      const reach = reachable(perms, policy, site.grant, action, this.partition, within);
      if (!reach) continue;
      const grant = { action, resource: reach.resource, policy, statement: site.statement, uncertain: reach.uncertain || own.conditional };
      if (!grant.uncertain) return grant;
      possible ??= grant;
    }
    return possible;
  }

  /** The granting elements of every identity policy for `action`. */
  private grantSites(action: string): GrantSite[] {
    let list = this.sites.get(action);
    if (!list) {
      list = this.perms.set.identity.flatMap((policy) => grantSites(policy, action));
      this.sites.set(action, list);
    }
    return list;
  }

  /** Whether a granting element can stand for the target at all (several roles, another user). */
  private fits(site: GrantSite, target: MethodTarget): boolean {
    if (!('item' in site.grant)) return true;
    const item = site.grant.item;
    if (target === 'role-wildcard' || target === 'passable-role') {
      const policy = this.perms.terms.find((t) => t.statement === site.statement)!.policy;
      return matchesSeveralRoles(policy, item, this.partition);
    }
    if (target === 'other-user') return !CALLER_VARIABLE.test(item.value ?? '');
    return true;
  }

  /** The pattern a target's resources match (undefined: any resource of the action). */
  private within(action: string, target: MethodTarget): Token[] | undefined {
    const p = this.partition;
    switch (target) {
      case 'self':
        // a standalone policy may be attached to any principal; a principal's own kind only for actions on that kind
        if (!this.self || !action.includes(capitalized(this.self.kind))) return undefined;
        return compileResourcePattern(`arn:${p}:iam::*:${this.self.kind}/${this.self.name}`).tokens;
      case 'any-role':
        return targetPattern(`arn:${p}:iam::*:role/*`);
      case 'role-wildcard':
      case 'passable-role':
        // roles of any name, not only those of a naming convention (`ml-*`): the example is the
        // administrator role AWS Organizations creates in member accounts
        return targetPattern(`arn:${p}:iam::*:role/${ADMIN_ROLE}`);
      case 'any-user':
      case 'other-user':
        return targetPattern(`arn:${p}:iam::*:user/*`);
      case 'any-policy':
        // twelve characters: an account, never `aws` (AWS managed policies cannot be changed)
        return targetPattern(`arn:${p}:iam::????????????:policy/*`);
      case 'any':
        return undefined;
    }
  }

  /** The permissions for requests that pass a role to `service` (undefined: not PassRole). */
  private forService(service: string | undefined): EffectivePermissions {
    const key = service ?? '';
    let perms = this.specialised.get(key);
    if (!perms) {
      perms = specialize(this.perms, requestKeys({ [PASSED_TO_SERVICE]: service, [PERMISSIONS_BOUNDARY]: undefined }));
      this.specialised.set(key, perms);
    }
    return perms;
  }
}
