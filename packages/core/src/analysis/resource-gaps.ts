import { placeholderDecides } from '../sources/placeholder.js';
import { substitutesVariables } from '../policy/variables.js';
import { actionMatches } from '../pattern/action.js';
import { compileResourcePattern } from '../pattern/arn.js';
import type { Token } from '../pattern/tokens.js';
import { findWitnessInSets, overlaps, QUICK_STATE_BUDGET, type WorkBudget } from '../pattern/witness.js';
import type { ListElement, PolicyNode, ResourceNode, StatementNode } from '../policy/nodes.js';
import type { SourceLocation } from '../source/location.js';

/** The resources one action applies to, as ARN sets (see `compileArnTemplate`). */
export interface ActionUniverse {
  /** Concrete action name, e.g. `logs:PutLogEvents`. */
  action: string;
  /**
   * Per resource type of the action: ARN sets searched in order, readable subsets first (see
   * `compileExampleArn`) and the exact set of the type (`compileArnTemplate`) last.
   */
  resources: { key: string; candidates: Token[][] }[];
}

/** A question "which Allow elements reach resources outside `allowed` for these actions?". */
export interface ScopeQuery {
  actions: ActionUniverse[];
  /** Resources in scope; never reported. */
  allowed: Token[][];
}

/** One element that lets an action reach a resource outside the allowed scope. */
export interface ResourceGap {
  statement: StatementNode;
  /** The `Resource` item or the `NotResource` element that opens the gap. */
  loc: SourceLocation;
  element: 'Resource' | 'NotResource';
  /** An action that reaches outside, and an ARN it reaches; `witness` is undefined when the
   * question was not decided within the work allowance (then `uncertain` is true). */
  action: string;
  witness: string | undefined;
  /** True when a condition or policy variable decides whether the gap is real. */
  uncertain: boolean;
}

/**
 * The policies that apply to one principal (IAM policy evaluation logic): its identity policies,
 * at most one permissions boundary, and the SCPs of each level above its account (each must
 * allow). A standalone policy is a principal with one identity policy.
 */
export interface PolicySet {
  identity: readonly PolicyNode[];
  boundary?: PolicyNode;
  scps?: readonly PolicyNode[];
}

/** Where a boundary or SCP allows an action: inside the `include` patterns, or outside the `exclude` ones (NotResource). */
type Alternative = { include: Token[][] } | { exclude: Token[][] };

/** A boundary or SCP, as the set of resources its Allow statements leave open per action. */
interface LimitView {
  /** Per Allow statement: the actions it covers and its region (strict: certainly allowed; lenient: possibly). */
  allows: { actions: Set<string>; strict?: Alternative; lenient: Alternative }[];
}

interface DenyView {
  /** Position among all deny views of the set (a stable identity for memo keys). */
  id: number;
  statement: StatementNode;
  /** The query's actions this Deny applies to. */
  actions: Set<string>;
  /** Deny region for the strict pass (over-approximated) and the lenient pass (under-approximated). */
  strict: Region;
  lenient: Region;
}

/** `exclude`: the deny covers these patterns; `onlyOutside`: the deny covers everything outside one of these. */
type Region = { exclude: Token[][] } | { onlyOutside: Token[][] };

function usesVariables(policy: PolicyNode): boolean {
  return substitutesVariables(policy);
}

/** True when the statement has a condition that can be false (`{}` or `{"StringEquals": {}}` cannot). */
function isConditional(s: StatementNode): boolean {
  return (s.condition?.operators ?? []).some((op) => op.keys.length > 0);
}

/** Per action list (by identity), the actions each Action/NotAction pattern matches. */
const expansions = new WeakMap<readonly ActionUniverse[], Map<string, Set<string>>>();

/** The actions of `universes` that `pattern` matches (case-insensitive), memoised per pattern. */
function expand(pattern: string, universes: readonly ActionUniverse[]): Set<string> {
  let byPattern = expansions.get(universes);
  if (!byPattern) expansions.set(universes, (byPattern = new Map()));
  let matched = byPattern.get(pattern);
  if (!matched) {
    matched = new Set(universes.filter((u) => actionMatches(pattern, u.action)).map((u) => u.action));
    if (byPattern.size >= 10_000) byPattern.clear();
    byPattern.set(pattern, matched);
  }
  return matched;
}

/** The query's actions that statement `s` applies to (Action matches, or NotAction does not). */
function actionsOf(s: StatementNode, query: ScopeQuery): Set<string> {
  const element = s.action ?? s.notAction;
  if (!element) return new Set();
  const listed = new Set<string>();
  for (const item of element.items) {
    if (item.value !== null) for (const action of expand(item.value, query.actions)) listed.add(action);
  }
  if (!element.negated) return listed;
  return new Set(query.actions.map((u) => u.action).filter((action) => !listed.has(action)));
}

function compiled(items: ResourceNode[], variables: boolean) {
  return items
    .filter((i) => i.value !== null)
    .map((i) => compileResourcePattern(i.value!, { variables: variables ? 'wildcard' : 'literal' }));
}

function denyRegion(element: ListElement<ResourceNode>, variables: boolean, strict: boolean): Region {
  const patterns = compiled(element.items, variables);
  if (!element.negated) {
    return { exclude: patterns.filter((p) => strict || !p.hasVariables).map((p) => p.tokens) };
  }
  return { onlyOutside: patterns.filter((p) => !strict || !p.hasVariables).map((p) => p.tokens) };
}

/** Every policy of a set, identity policies first. */
function allPolicies(set: PolicySet): PolicyNode[] {
  return [...set.identity, ...(set.boundary ? [set.boundary] : []), ...(set.scps ?? [])];
}

function denies(set: PolicySet, query: ScopeQuery): DenyView[] {
  const out: DenyView[] = [];
  for (const policy of allPolicies(set)) out.push(...policyDenies(policy, query, out.length));
  return out;
}

function policyDenies(policy: PolicyNode, query: ScopeQuery, firstId: number): DenyView[] {
  const variables = usesVariables(policy);
  const out: DenyView[] = [];
  for (const s of policy.statements) {
    const element = s.resource ?? s.notResource;
    if (s.effect?.value !== 'Deny' || !element) continue;
    out.push({
      id: firstId + out.length,
      statement: s,
      actions: actionsOf(s, query),
      strict: denyRegion(element, variables, true),
      lenient: isConditional(s) ? { exclude: [] } : denyRegion(element, variables, false),
    });
  }
  return out;
}

/**
 * A boundary or SCP as a {@link LimitView}. Strict regions under-approximate what it allows
 * (unconditional statements; Resource patterns with variables left out, NotResource patterns
 * with variables kept); lenient regions over-approximate it (every Allow statement).
 */
function limitView(policy: PolicyNode, query: ScopeQuery): LimitView {
  const variables = usesVariables(policy);
  const allows: LimitView['allows'] = [];
  for (const s of policy.statements) {
    const element = s.resource ?? s.notResource;
    if (s.effect?.value !== 'Allow' || !element) continue;
    const patterns = compiled(element.items, variables);
    const certain = patterns.filter((p) => !p.hasVariables).map((p) => p.tokens);
    const all = patterns.map((p) => p.tokens);
    const region = (tokens: Token[][]): Alternative => (element.negated ? { exclude: tokens } : { include: tokens });
    const strict = isConditional(s) ? undefined : region(element.negated ? all : certain);
    allows.push({ actions: actionsOf(s, query), ...(strict ? { strict } : {}), lenient: region(element.negated ? certain : all) });
  }
  return { allows };
}

/** The alternatives under which `limit` allows `action` (empty: it never does). */
function alternativesFor(limit: LimitView, action: string, pass: 'strict' | 'lenient'): Alternative[] {
  const regions = limit.allows.filter((a) => a.actions.has(action)).flatMap((a) => (a[pass] ? [a[pass]] : []));
  const include = regions.flatMap((r) => ('include' in r ? r.include : []));
  const excludes = regions.filter((r): r is { exclude: Token[][] } => 'exclude' in r);
  return [...(include.length > 0 ? [{ include }] : []), ...excludes];
}

/** At most this many combinations of boundary/SCP alternatives are searched per question. */
const MAX_COMBINATIONS = 16;

/**
 * Work allowances (see `WorkBudget`): each element gets {@link ELEMENT_WORK_UNITS}, a policy at
 * most {@link POLICY_WORK_UNITS}. Ordinary elements use a small fraction; pathological ones
 * (hundreds of wildcards, megabyte-long ARNs) stop there and come back `undecided` instead of
 * running for minutes. Elements are decided simplest first, so a costly element cannot use up
 * the allowance of a simple one such as `"*"`.
 */
export const ELEMENT_WORK_UNITS = 1_000_000;
/** Work allowance for all elements of one policy together (see {@link ELEMENT_WORK_UNITS}). */
export const POLICY_WORK_UNITS = 8_000_000;

type Outcome = { kind: 'witness'; value: string } | { kind: 'none' } | { kind: 'unknown' };

/**
 * Searches the resources one action reaches through `base` that are outside `allowed`, outside
 * every applicable deny region, for each resource type of the action: the exact set decides, the
 * readable subsets only choose a nicer witness when there is one.
 */
function witnessFor(base: Token[], universe: ActionUniverse, allowed: Token[][], regions: Region[], limits: Alternative[][], work: WorkBudget): Outcome {
  const combinations = limits.reduce((n, alternatives) => n * alternatives.length, 1);
  if (combinations === 0) return { kind: 'none' };
  if (combinations > MAX_COMBINATIONS) return { kind: 'unknown' };
  let unknown = false;
  for (const combination of combine(limits)) {
    const outcome = witnessWithin(base, universe, [...allowed, ...combination.flatMap((a) => ('exclude' in a ? a.exclude : []))], regions, combination.flatMap((a) => ('include' in a ? [a.include] : [])), work);
    if (outcome.kind === 'witness') return outcome;
    unknown ||= outcome.kind === 'unknown';
  }
  return unknown ? { kind: 'unknown' } : { kind: 'none' };
}

/** Every way to pick one alternative from each list (one empty combination for no lists). */
function combine(lists: Alternative[][]): Alternative[][] {
  return lists.reduce<Alternative[][]>((acc, list) => acc.flatMap((picked) => list.map((a) => [...picked, a])), [[]]);
}

/**
 * Searches the resources one action reaches through `base` that are outside `excluded`, outside
 * every applicable deny region and inside every `within` set, for each resource type of the
 * action: the exact set decides, the readable subsets only choose a nicer witness when there is one.
 */
function witnessWithin(base: Token[], universe: ActionUniverse, excluded: Token[][], regions: Region[], within: Token[][][], work: WorkBudget): Outcome {
  const exclude = [...excluded, ...regions.flatMap((r) => ('exclude' in r ? r.exclude : []))];
  const insideOneOf = [...regions.flatMap((r) => ('onlyOutside' in r ? [r.onlyOutside] : [])), ...within];
  const search = (template: Token[]) => findWitnessInSets([[base], [template], ...insideOneOf], exclude, undefined, work);
  let unknown = false;
  for (const resource of universe.resources) {
    const exact = search(resource.candidates[resource.candidates.length - 1]!);
    if (exact.kind !== 'witness') {
      unknown ||= exact.kind === 'unknown';
      continue;
    }
    for (const readable of resource.candidates.slice(0, -1)) {
      const nicer = search(readable);
      if (nicer.kind === 'witness') return nicer;
    }
    return exact;
  }
  return unknown ? { kind: 'unknown' } : { kind: 'none' };
}

const ANY: Token[] = [{ kind: 'run' }];

/**
 * Finds every `Resource` item (and `NotResource` element) of an Allow statement of an identity
 * policy that lets one of the query's actions reach a resource outside `query.allowed`, after the
 * Deny statements of every policy of the set are subtracted and within what the permissions
 * boundary and each SCP allow (IAM evaluation: explicit Deny wins; an action must be allowed by
 * the identity policies, the boundary and every SCP; NotAction and NotResource complement within
 * the listed actions' resources). Exact for unconditional statements without policy variables; a
 * condition or variable on either side makes the gap `uncertain` ("may"): a conditional Deny or a
 * conditional boundary/SCP Allow never turns a gap into "none" nor into a certain gap. Work is
 * bounded (see {@link ELEMENT_WORK_UNITS}); an element whose question is not answered within its
 * allowance is returned without a witness (undecided, uncertain), never dropped. An Allow element
 * whose reach depends on a template value left unknown (`placeholderDecides`) gives no gap: the
 * finding would depend on a value the scan cannot know — unless no value of its variables and
 * placeholders could bring it into `query.allowed` and no Deny, boundary or SCP applies to its
 * actions: then the gap does not depend on them and is certain.
 * Source of truth: IAM User Guide, "Policy evaluation logic"; iam-grammar.md §6.2, §9.
 * @param policies one identity policy, or the policies of one principal
 * @param query actions with their resource universes, and the allowed resources
 * @returns gaps in source order (identity policies in the order given), at most one per element
 */
export function findResourceGaps(policies: PolicyNode | PolicySet, query: ScopeQuery): ResourceGap[] {
  const set: PolicySet = 'statements' in policies ? { identity: [policies] } : policies;
  const denyViews = denies(set, query).filter((d) => d.actions.size > 0);
  const limits = [...(set.boundary ? [set.boundary] : []), ...(set.scps ?? [])].map((policy) => limitView(policy, query));
  const targets = set.identity.flatMap((policy, order) => allowTargets(policy, query).map((t) => ({ ...t, order })));
  const policyWork: WorkBudget = { units: POLICY_WORK_UNITS };
  const gaps: (ResourceGap & { order: number })[] = [];
  for (const target of [...targets].sort((a, b) => complexity(a.base) - complexity(b.base))) {
    const work: WorkBudget = { units: Math.min(ELEMENT_WORK_UNITS, policyWork.units) };
    const gap = firstGap(target.statement, target.actions, denyViews, limits, target.allowed, target.base, work);
    policyWork.units -= Math.min(ELEMENT_WORK_UNITS, policyWork.units) - work.units;
    if (!gap) continue;
    const { statement, loc, element, order } = target;
    // variables decide nothing when no value of them reaches the scope and no Deny, boundary or SCP can cut the grant
    const undecidedByVariables = target.outsideScope && limits.length === 0 && !denyViews.some((d) => target.actions.some((a) => d.actions.has(a.action)));
    gaps.push({ statement, loc, element, ...gap, uncertain: gap.uncertain || (target.variable && !undecidedByVariables), order });
  }
  return gaps.sort((a, b) => a.order - b.order || a.loc.start.offset - b.loc.start.offset).map(({ order: _, ...gap }) => gap);
}

interface Target {
  statement: StatementNode;
  actions: ActionUniverse[];
  loc: SourceLocation;
  element: ResourceGap['element'];
  base: Token[];
  allowed: Token[][];
  variable: boolean;
  /** True when every value of the item's variables lies outside `allowed` (so they do not decide a gap unless a Deny or limit applies). */
  outsideScope?: boolean;
}

/** The Resource items and NotResource elements of the policy's Allow statements that grant query actions. */
function allowTargets(policy: PolicyNode, query: ScopeQuery): Target[] {
  const variables = usesVariables(policy);
  const targets: Target[] = [];
  for (const s of policy.statements) {
    if (s.effect?.value !== 'Allow') continue;
    const allowedActions = actionsOf(s, query);
    if (allowedActions.size === 0) continue;
    const actions = query.actions.filter((a) => allowedActions.has(a.action));
    if (s.resource) {
      for (const item of s.resource.items) {
        if (item.value === null) continue;
        const p = compileResourcePattern(item.value, { variables: variables ? 'wildcard' : 'literal' });
        // no value of a variable or placeholder can bring the item into the scope (`arn:aws:s3:::evil-${X}/*`)
        const outsideScope = p.hasVariables && query.allowed.every((a) => !overlaps([p.tokens, a], QUICK_STATE_BUDGET));
        // otherwise a template value left unknown decides whether the item reaches outside: no finding either way
        if (placeholderDecides(item.value) && !outsideScope) continue;
        targets.push({ statement: s, actions, loc: item.loc, element: 'Resource', base: p.tokens, allowed: query.allowed, variable: p.hasVariables, outsideScope });
      }
    } else if (s.notResource && !s.notResource.items.some((i) => placeholderDecides(i.value))) {
      // Allow + NotResource allows everything outside the listed patterns (a variable there makes it uncertain).
      const excluded = compiled(s.notResource.items, variables);
      const allowed = [...query.allowed, ...excluded.map((p) => p.tokens)];
      targets.push({ statement: s, actions, loc: s.notResource.loc, element: 'NotResource', base: ANY, allowed, variable: excluded.some((p) => p.hasVariables) });
    }
  }
  return targets;
}

/** How costly a pattern is to search: its wildcards weigh most, then its length. */
function complexity(tokens: Token[]): number {
  return tokens.reduce((n, t) => n + (t.kind === 'literal' ? 1 : 1000), 0);
}

function firstGap(
  s: StatementNode,
  actions: ActionUniverse[],
  denyViews: DenyView[],
  limits: LimitView[],
  allowed: Token[][],
  base: Token[],
  work: WorkBudget,
): Pick<ResourceGap, 'action' | 'witness' | 'uncertain'> | undefined {
  let lenientGap: { action: string; witness: string } | undefined;
  let undecided: string | undefined;
  const tried = new Set<string>();
  for (const universe of actions) {
    const applicable = denyViews.filter((d) => d.actions.has(universe.action));
    const limiting = limits.map((l) => l.allows.flatMap((a, i) => (a.actions.has(universe.action) ? [i] : [])).join('.'));
    const key = `${universe.resources.map((r) => r.key).join(',')}|${applicable.map((d) => d.id).join(',')}|${limiting.join(';')}`;
    if (tried.has(key)) continue;
    tried.add(key);
    const within = (pass: 'strict' | 'lenient') => limits.map((l) => alternativesFor(l, universe.action, pass));
    const strict = witnessFor(base, universe, allowed, applicable.map((d) => d.strict), within('strict'), work);
    if (strict.kind === 'witness') return { action: universe.action, witness: strict.value, uncertain: isConditional(s) };
    if (strict.kind === 'unknown') undecided ??= universe.action;
    if (!lenientGap) {
      const lenient = witnessFor(base, universe, allowed, applicable.map((d) => d.lenient), within('lenient'), work);
      if (lenient.kind === 'witness') lenientGap = { action: universe.action, witness: lenient.value };
      else if (lenient.kind === 'unknown') undecided ??= universe.action;
    }
  }
  if (lenientGap) return { ...lenientGap, uncertain: true };
  return undecided ? { action: undecided, witness: undefined, uncertain: true } : undefined;
}
