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
  type AccessDecision,
  type EffectivePermissions,
  type PolicyNode,
  type ResourceNode,
  type StatementNode,
  type Token,
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
 * @param within only resources this pattern matches too (e.g. roles, or one role's ARN)
 */
export function reachable(perms: EffectivePermissions, policy: PolicyNode, grant: Grant, action: string, partition: string, within?: Token[]): Reach | undefined {
  const universe = actionUniverse(action, partition);
  const base = 'item' in grant ? resourceTokens(policy, grant.item.value ?? '') : undefined;
  const excluded = 'item' in grant ? [] : grant.notResource.flatMap((i) => (i.value === null ? [] : [resourceTokens(policy, i.value).tokens]));
  const denies = perms.terms.filter((t) => t.effect === 'Deny' && coversAction(t.statement, action));
  for (const pass of ['strict', 'lenient'] as const) {
    const applied = denies.filter((t) => pass === 'strict' || !t.conditional);
    const include: Token[][][] = [...(base ? [[base.tokens]] : []), ...(within ? [[within]] : [])];
    const exclude = [...excluded];
    for (const t of applied) {
      const element = t.statement.resource ?? t.statement.notResource;
      if (!element) continue;
      const patterns = element.items.flatMap((i) => (i.value === null ? [] : [resourceTokens(t.policy, i.value).tokens]));
      if (element.negated) include.push(patterns);
      else exclude.push(...patterns);
    }
    for (const candidate of universe) {
      const found = findWitnessInSets([[candidate], ...include], exclude);
      if (found.kind !== 'witness') continue;
      const decision = access(perms, action, found.value);
      if (decision.verdict === 'denied' || decision.verdict === 'not-allowed') continue;
      const uncertain = decision.verdict === 'conditional' || (base?.hasVariables ?? false);
      return { resource: found.value, decision, uncertain };
    }
  }
  return undefined;
}
