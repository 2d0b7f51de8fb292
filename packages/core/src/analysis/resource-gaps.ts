import { actionMatches } from '../pattern/action.js';
import { compileResourcePattern } from '../pattern/arn.js';
import type { Token } from '../pattern/tokens.js';
import { findWitnessInSets, type WorkBudget } from '../pattern/witness.js';
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

interface DenyView {
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
  return policy.version?.value === '2012-10-17';
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

function denies(policy: PolicyNode, query: ScopeQuery): DenyView[] {
  const variables = usesVariables(policy);
  const out: DenyView[] = [];
  for (const s of policy.statements) {
    const element = s.resource ?? s.notResource;
    if (s.effect?.value !== 'Deny' || !element) continue;
    out.push({
      statement: s,
      actions: actionsOf(s, query),
      strict: denyRegion(element, variables, true),
      lenient: isConditional(s) ? { exclude: [] } : denyRegion(element, variables, false),
    });
  }
  return out;
}

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
function witnessFor(base: Token[], universe: ActionUniverse, allowed: Token[][], regions: Region[], work: WorkBudget): Outcome {
  const exclude = [...allowed, ...regions.flatMap((r) => ('exclude' in r ? r.exclude : []))];
  const insideOneOf = regions.flatMap((r) => ('onlyOutside' in r ? [r.onlyOutside] : []));
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
 * Finds every `Resource` item (and `NotResource` element) of an Allow statement that lets one of
 * the query's actions reach a resource outside `query.allowed`, after the policy's own Deny
 * statements are subtracted (IAM evaluation: explicit Deny wins; NotAction and NotResource
 * complement within the listed actions' resources). Exact for unconditional statements without
 * policy variables; a condition or variable on either side makes the gap `uncertain` ("may").
 * Work is bounded (see {@link ELEMENT_WORK_UNITS}); an element whose question is not answered
 * within its allowance is returned without a witness (undecided, uncertain), never dropped.
 * Source of truth: IAM User Guide, policy evaluation logic; iam-grammar.md §6.2, §9.
 * @param policy the policy to analyse
 * @param query actions with their resource universes, and the allowed resources
 * @returns gaps in statement order, at most one per element
 */
export function findResourceGaps(policy: PolicyNode, query: ScopeQuery): ResourceGap[] {
  const variables = usesVariables(policy);
  const denyViews = denies(policy, query).filter((d) => d.actions.size > 0);
  type Target = { statement: StatementNode; actions: ActionUniverse[]; loc: SourceLocation; element: ResourceGap['element']; base: Token[]; allowed: Token[][]; variable: boolean };
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
        targets.push({ statement: s, actions, loc: item.loc, element: 'Resource', base: p.tokens, allowed: query.allowed, variable: p.hasVariables });
      }
    } else if (s.notResource) {
      // Allow + NotResource allows everything outside the listed patterns (a variable there makes it uncertain).
      const excluded = compiled(s.notResource.items, variables);
      const allowed = [...query.allowed, ...excluded.map((p) => p.tokens)];
      targets.push({ statement: s, actions, loc: s.notResource.loc, element: 'NotResource', base: ANY, allowed, variable: excluded.some((p) => p.hasVariables) });
    }
  }
  const policyWork: WorkBudget = { units: POLICY_WORK_UNITS };
  const gaps: ResourceGap[] = [];
  for (const target of [...targets].sort((a, b) => complexity(a.base) - complexity(b.base))) {
    const work: WorkBudget = { units: Math.min(ELEMENT_WORK_UNITS, policyWork.units) };
    const gap = firstGap(target.statement, target.actions, denyViews, target.allowed, target.base, work);
    policyWork.units -= Math.min(ELEMENT_WORK_UNITS, policyWork.units) - work.units;
    if (!gap) continue;
    const { statement, loc, element } = target;
    gaps.push({ statement, loc, element, ...gap, uncertain: gap.uncertain || target.variable });
  }
  return gaps.sort((a, b) => a.loc.start.offset - b.loc.start.offset);
}

/** How costly a pattern is to search: its wildcards weigh most, then its length. */
function complexity(tokens: Token[]): number {
  return tokens.reduce((n, t) => n + (t.kind === 'literal' ? 1 : 1000), 0);
}

function firstGap(
  s: StatementNode,
  actions: ActionUniverse[],
  denyViews: DenyView[],
  allowed: Token[][],
  base: Token[],
  work: WorkBudget,
): Pick<ResourceGap, 'action' | 'witness' | 'uncertain'> | undefined {
  let lenientGap: { action: string; witness: string } | undefined;
  let undecided: string | undefined;
  const tried = new Set<string>();
  for (const universe of actions) {
    const applicable = denyViews.filter((d) => d.actions.has(universe.action));
    const key = `${universe.resources.map((r) => r.key).join(',')}|${applicable.map((d) => d.statement.index).join(',')}`;
    if (tried.has(key)) continue;
    tried.add(key);
    const strict = witnessFor(base, universe, allowed, applicable.map((d) => d.strict), work);
    if (strict.kind === 'witness') return { action: universe.action, witness: strict.value, uncertain: isConditional(s) };
    if (strict.kind === 'unknown') undecided ??= universe.action;
    if (!lenientGap) {
      const lenient = witnessFor(base, universe, allowed, applicable.map((d) => d.lenient), work);
      if (lenient.kind === 'witness') lenientGap = { action: universe.action, witness: lenient.value };
      else if (lenient.kind === 'unknown') undecided ??= universe.action;
    }
  }
  if (lenientGap) return { ...lenientGap, uncertain: true };
  return undecided ? { action: undecided, witness: undefined, uncertain: true } : undefined;
}
