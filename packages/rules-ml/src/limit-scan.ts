/**
 * Finds the Allow statements of an identity policy that grant a family of actions (SageMaker
 * compute launches, `ec2:RunInstances`, regional ML actions) without a condition that keeps one
 * condition key inside a limit. Which elements grant the actions on which resources, after the
 * unconditional Deny statements, is asked of core's `outside` query (scope: `ActionFamily.scope`); the
 * conditions of the Allow and of the conditional Deny statements are decided by `key-limit.ts`.
 */
import {
  actionMatches,
  effectivePermissions,
  outside,
  type ActionNode,
  type EffectivePermissions,
  type OutsideFinding,
  type PolicyNode,
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

/** Whether the statement's Action/NotAction element applies to `action` (case-insensitive globs). */
function appliesTo(s: StatementNode, action: string): boolean {
  const element = s.action ?? s.notAction;
  if (!element) return false;
  const listed = element.items.some((item) => item.value !== null && actionMatches(item.value, action));
  return element.negated ? !listed : listed;
}

const conditional = (s: StatementNode) => (s.condition?.operators ?? []).some((op) => op.keys.length > 0);

/**
 * Groups the family's actions by the statements that apply to them, so that one `outside` query
 * per group answers for every action in it (their conditions and Deny statements are the same).
 */
function groups(policy: PolicyNode, actions: readonly string[]): { actions: string[]; statements: StatementNode[] }[] {
  const bySignature = new Map<string, { actions: string[]; statements: StatementNode[] }>();
  for (const action of actions) {
    const statements = policy.statements.filter((s) => (s.effect?.value === 'Allow' || (s.effect?.value === 'Deny' && conditional(s))) && appliesTo(s, action));
    if (!statements.some((s) => s.effect?.value === 'Allow')) continue;
    const key = statements.map((s) => s.index).join(',');
    const group = bySignature.get(key) ?? { actions: [], statements };
    group.actions.push(action);
    bySignature.set(key, group);
  }
  return [...bySignature.values()];
}

/** Whether the conditional Deny `deny` applies to every resource that `grant` reaches for its action. */
function coverage(perms: EffectivePermissions, deny: StatementNode, grant: OutsideFinding, family: ActionFamily, partition: string): Confinement['coversResources'] {
  if (deny.notResource || !deny.resource) return 'may';
  const patterns = deny.resource.items.flatMap((i) => (i.value === null ? [] : [i.value]));
  if (patterns.some((p) => p.includes('${'))) return 'may';
  const beyond = outside(perms, [grant.action], [...(family.scope ?? []), ...patterns], { partition, ...(family.resourceTypes ? { resourceTypes: family.resourceTypes } : {}) });
  return !beyond.some((f) => f.loc.start.offset === grant.loc.start.offset);
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
  for (const group of groups(policy, family.actions)) {
    const grants = outside(perms, group.actions, family.scope ?? [], { partition, ...(family.resourceTypes ? { resourceTypes: family.resourceTypes } : {}) });
    for (const grant of grants) {
      const allow = keyCondition(grant.statement, family.spec, family.absentKeys);
      const denies = group.statements
        .filter((s) => s.effect?.value === 'Deny')
        .map((s) => ({ condition: keyCondition(s, family.spec, family.absentKeys), coversResources: coverage(perms, s, grant, family, partition) }));
      const gap = findGap(family.spec, allow, denies);
      if (gap.kind === 'none') continue;
      const { loc, element } = actionLocation(grant.statement, grant.action);
      const resource = grant.element === 'Resource' ? grant.statement.resource?.items.find((i) => i.loc.start.offset === grant.loc.start.offset)?.value : null;
      out.push({ grant, actionLoc: loc, actionElement: element, gap, allowGuarded: allow.atoms.length + allow.unknown.length > 0, allowUnknown: allow.unknown, variableResource: (resource ?? '').includes('${') && policy.version?.value === '2012-10-17' });
    }
  }
  return out.sort((a, b) => a.grant.loc.start.offset - b.grant.loc.start.offset);
}
