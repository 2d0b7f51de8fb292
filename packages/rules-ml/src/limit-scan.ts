/**
 * Finds the Allow statements of an identity policy that grant a family of actions (SageMaker
 * compute launches, `ec2:RunInstances`, regional ML actions) without a condition that keeps one
 * condition key inside a limit. Which elements grant the actions on which resources, after the
 * unconditional Deny statements, is asked of core's `findResourceGaps` over `actionUniverse`s (scope: `ActionFamily.scope`); the
 * conditions of the Allow and of the conditional Deny statements are decided by `key-limit.ts`.
 */
import { substitutesVariables,
  actionMatches,
  actionUniverse,
  compileResourcePattern,
  effectivePermissions,
  findResourceGaps,
  type ActionNode,
  type EffectivePermissions,
  type OutsideFinding,
  type PolicyNode,
  type Principal,
  type SourceLocation,
  type StatementNode,
} from '@iamscope/core';
import { findGap, keyCondition, type Confinement, type Gap, type KeySpec, type Source } from './key-limit.js';

/** A family of actions whose requests carry the same condition key. */
export interface ActionFamily {
  spec: KeySpec;
  /** Concrete actions, as the IAM data spells them. */
  actions: readonly string[];
  /** Search only these resource types (e.g. `instance` for `ec2:RunInstances`); all when omitted. */
  resourceTypes?: readonly string[];
  /** Resource patterns inside the limit (e.g. ARNs in the allowed regions): elements reaching only these are not checked. */
  scope?: readonly string[];
  /** Keys these actions never send (a condition needing one makes a statement inapplicable). */
  absentKeys?: readonly string[];
}

/** One Allow element whose requests may leave the limit. */
export interface LimitFinding {
  /** The element granting the action (the Resource item or NotResource element, from `outside`). */
  grant: OutsideFinding;
  /** The Action item granting `grant.action`, or the NotAction element. */
  actionLoc: SourceLocation;
  /** `Action` or `NotAction`. */
  actionElement: string;
  gap: Exclude<Gap, { kind: 'none' }>;
  /** True when the Allow has a condition on the key (decidable or not). */
  allowGuarded: boolean;
  /** Operators of the Allow on the key that cannot be decided exactly (see `KeyCondition.unknown`). */
  allowUnknown: Source[];
  /** True when a policy variable in the granting Resource makes the grant itself uncertain. */
  variableResource: boolean;
}

/** Per family action list: its actions by service, and the ones each Action pattern matches (patterns recur across policies). */
const matchCache = new WeakMap<readonly string[], { byService: Map<string, string[]>; byPattern: Map<string, Set<string>> }>();

/** The actions of `actions` that `pattern` matches (case-insensitive glob), memoised per list and pattern. */
function matching(pattern: string, actions: readonly string[]): Set<string> {
  let cache = matchCache.get(actions);
  if (!cache) {
    const byService = new Map<string, string[]>();
    for (const a of actions) {
      const service = a.slice(0, a.indexOf(':'));
      byService.set(service, byService.get(service) ?? []).get(service)!.push(a);
    }
    matchCache.set(actions, (cache = { byService, byPattern: new Map() }));
  }
  let matched = cache.byPattern.get(pattern);
  if (!matched) {
    // an action has one colon, so a pattern's first colon is the action's: its service part must match the service
    const colon = pattern.indexOf(':');
    const servicePattern = colon === -1 ? '*' : pattern.slice(0, colon);
    matched = new Set();
    for (const [service, ofService] of cache.byService) {
      if (actionMatches(servicePattern, service)) for (const a of ofService) if (actionMatches(pattern, a)) matched.add(a);
    }
    if (cache.byPattern.size >= 10_000) cache.byPattern.clear();
    cache.byPattern.set(pattern, matched);
  }
  return matched;
}

/** The actions of `actions` that the statement's Action/NotAction element applies to (case-insensitive globs). */
function appliesTo(s: StatementNode, actions: readonly string[]): Set<string> {
  const element = s.action ?? s.notAction;
  if (!element) return new Set();
  const listed = new Set(element.items.flatMap((item) => (item.value === null ? [] : [...matching(item.value, actions)])));
  return element.negated ? new Set(actions.filter((a) => !listed.has(a))) : listed;
}

const conditional = (s: StatementNode) => (s.condition?.operators ?? []).some((op) => op.keys.length > 0);

/** Core's `outside` query for concrete catalog actions: the Allow elements through which one of `actions` reaches a resource outside `scope`. */
function beyond(perms: EffectivePermissions, actions: readonly string[], scope: readonly string[], family: ActionFamily, partition: string): OutsideFinding[] {
  const query = { actions: [...actions].sort().flatMap((a) => actionUniverse(a, partition, family.resourceTypes) ?? []), allowed: scope.map((p) => compileResourcePattern(p).tokens) };
  return findResourceGaps(perms.set, query).map(({ statement, ...gap }) => ({ ...gap, statement, policy: perms.set.identity.find((p) => p.statements.includes(statement))! }));
}

/**
 * Groups the family's actions by the statements that apply to them, so that one `outside` query
 * per group answers for every action in it (their conditions and Deny statements are the same).
 * Of the actions of a group with the same ARN formats and the same Deny statements, only the
 * first in sorted order is asked about: the query would skip the others unsearched, as it skips
 * an action whose question it has answered already (findResourceGaps).
 */
function groups(policy: PolicyNode, family: ActionFamily, partition: string): { actions: string[]; statements: StatementNode[] }[] {
  const applying = policy.statements.map((s) => ({ s, actions: s.effect?.value === 'Allow' || s.effect?.value === 'Deny' ? appliesTo(s, family.actions) : new Set<string>() }));
  const allowed = new Set(applying.flatMap((a) => (a.s.effect?.value === 'Allow' ? [...a.actions] : [])));
  const bySignature = new Map<string, { actions: Map<string, string>; statements: StatementNode[] }>();
  for (const action of family.actions) {
    if (!allowed.has(action)) continue;
    const all = applying.filter((a) => a.actions.has(action)).map((a) => a.s);
    const statements = all.filter((s) => s.effect?.value === 'Allow' || conditional(s));
    const key = statements.map((s) => s.index).join(',');
    const group = bySignature.get(key) ?? { actions: new Map(), statements };
    bySignature.set(key, group);
    const same = `${actionUniverse(action, partition, family.resourceTypes)?.resources.map((r) => r.key).join('\n')}|${all.map((s) => s.index).join(',')}`;
    const first = group.actions.get(same);
    if (first === undefined || action < first) group.actions.set(same, action);
  }
  return [...bySignature.values()].map((g) => ({ actions: [...g.actions.values()], statements: g.statements }));
}

/** Whether the conditional Deny `deny` applies to every resource that `grant` reaches for its action. */
function coverage(perms: EffectivePermissions, deny: StatementNode, grant: OutsideFinding, family: ActionFamily, partition: string): Confinement['coversResources'] {
  if (deny.notResource || !deny.resource) return 'may';
  const patterns = deny.resource.items.flatMap((i) => (i.value === null ? [] : [i.value]));
  if (patterns.some((p) => p.includes('${'))) return 'may';
  const escapes = beyond(perms, [grant.action], [...(family.scope ?? []), ...patterns], family, partition);
  return !escapes.some((f) => f.loc.start.offset === grant.loc.start.offset);
}

/** Where the statement grants `action`: the first Action item that matches it, or the NotAction element. */
export function actionLocation(s: StatementNode, action: string): { loc: SourceLocation; element: string } {
  if (s.notAction) return { loc: s.notAction.loc, element: 'NotAction' };
  const item = s.action!.items.find((i: ActionNode) => i.value !== null && actionMatches(i.value, action)) ?? s.action!.items[0]!;
  return { loc: item.loc, element: 'Action' };
}

/**
 * Every Allow element of `policy` through which an action of `family` is granted while its
 * requests may carry no value of the key or a value outside the limit.
 * @param policy an identity policy
 * @param family the actions and the key with its limit
 * @param partition the partition ARNs are built in
 * @returns findings in source order of the granting elements
 */
export function limitFindings(policy: PolicyNode, family: ActionFamily, partition: string): LimitFinding[] {
  const perms = effectivePermissions({ identity: [policy] });
  const out: LimitFinding[] = [];
  for (const group of groups(policy, family, partition)) {
    const grants = beyond(perms, group.actions, family.scope ?? [], family, partition);
    for (const grant of grants) {
      const allow = keyCondition(grant.statement, family.spec, family.absentKeys);
      const denies = group.statements
        .filter((s) => s.effect?.value === 'Deny')
        .map((s) => ({ condition: keyCondition(s, family.spec, family.absentKeys), coversResources: coverage(perms, s, grant, family, partition) }));
      const gap = findGap(family.spec, allow, denies);
      if (gap.kind === 'none') continue;
      const { loc, element } = actionLocation(grant.statement, grant.action);
      const resource = grant.element === 'Resource' ? grant.statement.resource?.items.find((i) => i.loc.start.offset === grant.loc.start.offset)?.value : null;
      out.push({ grant, actionLoc: loc, actionElement: element, gap, allowGuarded: allow.atoms.length + allow.unknown.length > 0, allowUnknown: allow.unknown, variableResource: (resource ?? '').includes('${') && substitutesVariables(policy) });
    }
  }
  return out.sort((a, b) => a.grant.loc.start.offset - b.grant.loc.start.offset);
}

/**
 * Whether the permissions boundaries of the scan enforce the limit for every principal `policy`
 * applies to: each such principal has a boundary in the scan whose own grants of the family are
 * all limited (`limitFindings` finds nothing in it). The principal's permissions are the
 * intersection of its identity policies and its boundary, so a limited boundary limits them.
 * @param policy an identity policy
 * @param principals the principals it applies to (`RuleContext.principals`; empty: a standalone policy)
 * @param family the actions and the key with its limit
 * @param partition the partition ARNs are built in
 * @returns true when the findings in `policy` cannot be reached by any of its principals
 */
export function limitedByBoundaries(policy: PolicyNode, principals: readonly Principal[], family: ActionFamily, partition: string): boolean {
  const owners = principals.filter((p) => p.identity.includes(policy));
  return owners.length > 0 && owners.every((p) => p.boundary !== undefined && limitFindings(p.boundary, family, partition).length === 0);
}
