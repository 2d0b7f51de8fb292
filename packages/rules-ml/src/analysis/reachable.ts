/**
 * A concrete resource an Allow element grants for one action, checked with `access` so that every
 * Deny, the permissions boundary and the SCPs of the principal count. Deny regions are avoided
 * exactly (outside every denied Resource pattern, inside every denied NotResource list), so a
 * resource is found whenever one exists.
 */
import { substitutesVariables,
  access,
  actionUniverse as catalogUniverse,
  appliesToAction,
  compileResourcePattern,
  findWitnessInSets,
  compileMatcher,
  type AccessDecision,
  type Matcher,
  type EffectivePermissions,
  type PolicyNode,
  type ResourceNode,
  type StatementNode,
  type Token,
  type WitnessResult,
} from '@iamscope/core';

/** What an element lets through: a resource, and how `access` decides it. */
export interface Reach {
  resource: string;
  decision: AccessDecision;
  /** True when the answer depends on a condition or a policy variable ("may"). */
  uncertain: boolean;
}

/** Compiles a Resource pattern the way IAM reads it in `policy` (variables only with Version 2012-10-17). */
export function resourceTokens(policy: PolicyNode, text: string): { tokens: Token[]; hasVariables: boolean } {
  return compileResourcePattern(text, { variables: substitutesVariables(policy) ? 'wildcard' : 'literal' });
}

/** Compiled Resource items: an item belongs to one policy, which decides how its variables compile. */
const compiledItems = new WeakMap<ResourceNode, { tokens: Token[]; hasVariables: boolean }>();

/** {@link resourceTokens} of a Resource item of `policy` (a null value compiles as the empty pattern), compiled once. */
function itemTokens(policy: PolicyNode, item: ResourceNode): { tokens: Token[]; hasVariables: boolean } {
  let compiled = compiledItems.get(item);
  if (!compiled) compiledItems.set(item, (compiled = resourceTokens(policy, item.value ?? '')));
  return compiled;
}

/** Whether the statement's Action/NotAction covers `action` (never for a statement with both, which IAM rejects). */
export function coversAction(statement: StatementNode, action: string): boolean {
  return !(statement.action && statement.notAction) && appliesToAction(statement, action);
}

/** ARN sets of the resource types `action` acts on, readable first (`*` for wildcard-only actions). */
export function actionUniverse(action: string, partition: string): Token[][] {
  return catalogUniverse(action, partition)!.resources.flatMap((r) => r.candidates);
}

/** Where a granting element applies: inside one pattern (a Resource item) or outside a list (NotResource). */
export type Grant = { item: ResourceNode } | { notResource: ResourceNode[] };

/** Matchers of compiled patterns (the catalog's ARN sets and Resource items are compiled once). */
const matchers = new WeakMap<Token[], Matcher>();

/**
 * `findWitnessInSets` when `value` is the only string one of the `include` sets admits (one ARN):
 * `value` itself when every set admits it and no `exclude` pattern matches it, found by matching
 * instead of a search (and not memoised: one question per role of the scan and principal).
 */
function literalWitness(value: string, include: Token[][][], exclude: Token[][]): WitnessResult {
  const admits = (tokens: Token[]) => {
    let matcher = matchers.get(tokens);
    if (!matcher) matchers.set(tokens, (matcher = compileMatcher(tokens)));
    return matcher(value);
  };
  return include.every((set) => set.some(admits)) && !exclude.some(admits) ? { kind: 'witness', value } : { kind: 'none' };
}

/**
 * A resource that `grant` (an element of an Allow statement of `policy`) covers for `action` and
 * that the principal may then use: first one outside every matching Deny (certainly allowed when
 * nothing is conditional), else one outside the unconditional Denies only (a conditional Deny
 * decides: "may"). Undefined when every resource of the element is denied or not allowed.
 * @param perms the principal's policies (possibly specialised for a condition key)
 * @param policy the policy of the granting statement
 * @param grant the Resource item or NotResource items
 * @param action a concrete action
 * @param partition the partition ARNs are searched in
 * @param within only resources this pattern matches too (e.g. roles, or one role's ARN: a pattern
 *   without wildcards is matched against the other patterns instead of searched)
 */
export function reachable(perms: EffectivePermissions, policy: PolicyNode, grant: Grant, action: string, partition: string, within?: Token[]): Reach | undefined {
  const literal = within?.every((t) => t.kind === 'literal') ? within.map((t) => (t as { char: string }).char).join('') : undefined;
  const universe = actionUniverse(action, partition);
  const base = 'item' in grant ? itemTokens(policy, grant.item) : undefined;
  const excluded = 'item' in grant ? [] : grant.notResource.flatMap((i) => (i.value === null ? [] : [itemTokens(policy, i).tokens]));
  const denies = perms.terms.filter((t) => t.effect === 'Deny' && coversAction(t.statement, action));
  for (const pass of ['strict', 'lenient'] as const) {
    const applied = denies.filter((t) => pass === 'strict' || !t.conditional);
    const include: Token[][][] = [...(base ? [[base.tokens]] : []), ...(within ? [[within]] : [])];
    const exclude = [...excluded];
    for (const t of applied) {
      const element = t.statement.resource ?? t.statement.notResource;
      if (!element) continue;
      const patterns = element.items.flatMap((i) => (i.value === null ? [] : [itemTokens(t.policy, i).tokens]));
      if (element.negated) include.push(patterns);
      else exclude.push(...patterns);
    }
    for (const candidate of universe) {
      const sets = [[candidate], ...include];
      const found = literal === undefined ? findWitnessInSets(sets, exclude) : literalWitness(literal, sets, exclude);
      if (found.kind !== 'witness') continue;
      const decision = access(perms, action, found.value);
      if (decision.verdict === 'denied' || decision.verdict === 'not-allowed') continue;
      const uncertain = decision.verdict === 'conditional' || (base?.hasVariables ?? false);
      return { resource: found.value, decision, uncertain };
    }
  }
  return undefined;
}
