/**
 * Effective permissions of one principal and the `access` query: is this action on this resource
 * allowed? Source of truth: IAM User Guide, "Policy evaluation logic" (an explicit Deny in any
 * policy wins; otherwise the request must be allowed by an identity policy, by the permissions
 * boundary when there is one, and by the SCPs of every level); iam-grammar.md §9.
 */
import { substitutesVariables } from '../policy/variables.js';
import { actionMatches } from '../pattern/action.js';
import { matches, type Verdict } from '../pattern/algebra.js';
import type { PolicyNode, StatementNode } from '../policy/nodes.js';
import type { SourceLocation } from '../source/location.js';
import type { PolicySet } from './resource-gaps.js';

/** Which part of the evaluation a policy takes part in. */
export type PolicyRole = 'identity' | 'boundary' | 'scp';

/** One statement of the set, normalised: what it applies to and whether a condition can switch it off. */
export interface Term {
  role: PolicyRole;
  /** For SCPs: the position of the SCP in `PolicySet.scps` (each level must allow). */
  scp?: number;
  policy: PolicyNode;
  statement: StatementNode;
  effect: 'Allow' | 'Deny';
  /** True when the statement has a condition that can be false. */
  conditional: boolean;
}

/** The policies of one principal, as terms (see {@link effectivePermissions}). */
export interface EffectivePermissions {
  set: PolicySet;
  terms: Term[];
}

/**
 * Normalises the policies of one principal into terms. Statements without a valid Effect are
 * left out (they are rejected by IAM and reported by the grammar rules).
 * @param set identity policies, optional permissions boundary and SCPs
 * @returns the terms in policy order
 */
export function effectivePermissions(set: PolicySet): EffectivePermissions {
  const terms: Term[] = [];
  const add = (policy: PolicyNode, role: PolicyRole, scp?: number) => {
    for (const statement of policy.statements) {
      const effect = statement.effect?.value;
      if (effect !== 'Allow' && effect !== 'Deny') continue;
      const conditional = (statement.condition?.operators ?? []).some((op) => op.keys.length > 0);
      terms.push({ role, ...(scp === undefined ? {} : { scp }), policy, statement, effect, conditional });
    }
  };
  for (const policy of set.identity) add(policy, 'identity');
  if (set.boundary) add(set.boundary, 'boundary');
  (set.scps ?? []).forEach((policy, i) => add(policy, 'scp', i));
  return { set, terms };
}

/** The outcome of {@link access}. */
export type AccessVerdict = 'allowed' | 'conditional' | 'denied' | 'not-allowed';

/** A statement that decides an {@link access} verdict, with where it is. */
export interface DecidingStatement {
  term: Term;
  loc: SourceLocation;
  /** True when the statement applies only under a condition or through a policy variable. */
  uncertain: boolean;
}

/** The verdict of {@link access} and the statements that decide it. */
export interface AccessDecision {
  verdict: AccessVerdict;
  /**
   * `denied`: the unconditional Deny statements that match; `allowed`: the Allow statements of
   * each layer that match; `conditional`: the matching Allow statements of each layer and the
   * matching (conditional) Deny statements, each marked `uncertain` when its condition or a
   * policy variable decides; `not-allowed`: empty (an implicit deny: no Allow of some layer matches).
   */
  statements: DecidingStatement[];
}

const RANK: Record<Verdict, number> = { no: 0, may: 1, yes: 2 };
const best = (verdicts: Verdict[]): Verdict => verdicts.reduce<Verdict>((a, b) => (RANK[b] > RANK[a] ? b : a), 'no');
const worst = (verdicts: Verdict[]): Verdict => verdicts.reduce<Verdict>((a, b) => (RANK[b] < RANK[a] ? b : a), 'yes');

/**
 * Whether a statement's `Action`/`NotAction` covers an action: an `Action` pattern matches it
 * (case-insensitive glob), or none of the `NotAction` patterns does. Non-string items are ignored.
 * Source of truth: IAM User Guide, "IAM JSON policy elements: Action" and "NotAction".
 * @param s the statement
 * @param action a concrete action name, e.g. `sts:TagSession`
 * @returns true when the statement applies to the action (false without either element)
 */
export function appliesToAction(s: StatementNode, action: string): boolean {
  const element = s.action ?? s.notAction;
  if (!element) return false;
  const listed = element.items.some((item) => item.value !== null && actionMatches(item.value, action));
  return element.negated ? !listed : listed;
}

/** Whether the statement's Resource (or NotResource) element applies to `resource`: yes, no, or may (variables). */
function appliesToResource(term: Term, resource: string): Verdict {
  const element = term.statement.resource ?? term.statement.notResource;
  if (!element) return 'no';
  const variables = substitutesVariables(term.policy);
  const verdicts = element.items.flatMap((item) => {
    if (item.value === null) return [];
    // without Version 2012-10-17 IAM does not process variables: the text is literal (wildcards still work)
    const pattern = variables ? item.value : item.value.replace(/\$/g, '${$}');
    return [matches(pattern, resource, 'resource')];
  });
  const listed = best(verdicts);
  if (!element.negated) return listed;
  return listed === 'yes' ? 'no' : listed === 'may' ? 'may' : 'yes';
}

/**
 * Decides one request `(action, resource)` for a principal, the way IAM does: explicit Deny
 * first, then the identity policies, the permissions boundary and each SCP must all allow.
 * Conditions are not evaluated: a conditional Allow is "may allow", a conditional Deny "may
 * deny" (never a certain deny); either makes the verdict `conditional` when it matters, as does
 * a policy variable in a matching Resource.
 * @param perms the principal's policies ({@link effectivePermissions})
 * @param action a concrete action, e.g. `s3:GetObject` (any case)
 * @param resource a concrete ARN, or `*` for actions that take no resource type
 * @returns the verdict and the statements that decide it
 */
export function access(perms: EffectivePermissions, action: string, resource: string): AccessDecision {
  const matching = perms.terms.flatMap((term) => {
    if (!appliesToAction(term.statement, action)) return [];
    const onResource = appliesToResource(term, resource);
    if (onResource === 'no') return [];
    const element = term.statement.resource ?? term.statement.notResource;
    return [{ term, loc: element!.loc, uncertain: term.conditional || onResource === 'may' }];
  });
  const verdictOf = (list: DecidingStatement[]): Verdict => best(list.map((d) => (d.uncertain ? 'may' : 'yes')));
  const denies = matching.filter((d) => d.term.effect === 'Deny');
  const certainDenies = denies.filter((d) => !d.uncertain);
  if (certainDenies.length > 0) return { verdict: 'denied', statements: certainDenies };
  const allows = (filter: (t: Term) => boolean) => matching.filter((d) => d.term.effect === 'Allow' && filter(d.term));
  const layers = [
    allows((t) => t.role === 'identity'),
    ...(perms.set.boundary ? [allows((t) => t.role === 'boundary')] : []),
    ...(perms.set.scps ?? []).map((_, i) => allows((t) => t.role === 'scp' && t.scp === i)),
  ];
  const allowed = worst(layers.map(verdictOf));
  if (allowed === 'no') return { verdict: 'not-allowed', statements: [] };
  if (allowed === 'yes' && denies.length === 0) return { verdict: 'allowed', statements: layers.flat() };
  return { verdict: 'conditional', statements: [...layers.flat(), ...denies] };
}
