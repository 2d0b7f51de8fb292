/**
 * Does a statement's Condition limit one string condition key (`sagemaker:InstanceTypes`,
 * `ec2:InstanceType`, `aws:RequestedRegion`) to an allowed set of values, after the Deny
 * statements that confine it? Shared by `ml/instance-type-limit` and `ml/region-limit`.
 *
 * A request carries a set V of values for the key (empty when the key is absent; at most one
 * value for a single-valued key). Each operator on the key is rewritten as one atom over V
 * (iam-grammar.md §5.2, §5.4; IAM User Guide, "Condition operators" and "Multivalued context keys"):
 * - `all(S)`: every value of V is in S (true for an empty V): `ForAllValues:`, `…IfExists`, and the
 *   negated operators on a single-valued key (true when the key is absent);
 * - `any(S)`: some value of V is in S (false for an empty V): `ForAnyValue:`, and positive operators
 *   without qualifier on a single-valued key; `Null: false` is `any(everything)`;
 * - `empty`: V is empty (`Null: true`); `anyOrEmpty(S)`: `ForAnyValue:…IfExists`.
 * S is the set of strings matching one of the operator's values (`StringLike` globs, literal
 * `StringEquals` values), or its complement for negated operators. A Deny statement contributes
 * the negation of its condition: `not all(S) = any(not S)`, `not any(S) = all(not S)`, and a Deny
 * with several operators is a disjunction, so the allowed requests are a union of branches, each a
 * conjunction of atoms, decided exactly with the automaton search of `@iamscope/core`.
 */
import {
  compileGlob,
  compileMatcher,
  findWitnessInSets,
  literalTokens,
  parseConditionOperator,
  type ConditionKeyNode,
  type ConditionOperatorNode,
  type ConditionValueNode,
  type StatementNode,
  type Token,
} from '@iamscope/core';

/** A set of strings: those matching one of `patterns`, or with `negated` those matching none. */
interface ValueSet {
  patterns: Token[][];
  negated: boolean;
  /** The written values behind `patterns`, in the same order (for reporting). */
  values: ConditionValueNode[];
}

/** One condition operator on the key, as a constraint on the request's value set (see the module comment). */
export type Atom =
  | { kind: 'all' | 'any' | 'anyOrEmpty'; set: ValueSet; source: Source }
  | { kind: 'empty'; source: Source };

/** An atom with a value set (every kind but `empty`). */
type SetAtom = Exclude<Atom, { kind: 'empty' }>;

/** Where an atom was written. */
export interface Source {
  operator: ConditionOperatorNode;
  key: ConditionKeyNode;
}

/** The key being checked and what counts as inside the limit. */
export interface KeySpec {
  /** Condition key, any case (matched case-insensitively, as IAM does). */
  key: string;
  /** True for `ArrayOf…` keys (a request may carry several values). */
  multivalued: boolean;
  /** Characters real values are made of (AWS sends instance types and regions in lower case). */
  alphabet: string;
  /** Globs of allowed values; empty: any value set that is not `universe` counts as a limit. */
  allowed: readonly string[];
  /** Glob of every value the service accepts (e.g. `ml.*`); used when `allowed` is empty. */
  universe: string;
  /** True for keys every request carries (`aws:RequestedRegion`): requests without it do not exist. */
  alwaysPresent?: boolean;
  /** Glob of readable witnesses tried when no example fits (e.g. `ml.?*.?*`). */
  readable: string;
  /** Realistic values tried first as witnesses, most telling first. */
  examples: readonly string[];
}

/** A statement's condition on the key: its atoms, or why it cannot be read exactly. */
export interface KeyCondition {
  atoms: Atom[];
  /** Operators on the key that cannot be decided (policy variables, unsupported families, no qualifier on a multivalued key). */
  unknown: Source[];
  /** True when the statement also has conditions on other keys. */
  otherKeys: boolean;
  /** True when a condition on one of `absentKeys` is false, so the statement never applies. */
  inapplicable: boolean;
}

const lower = (s: string) => s.toLowerCase();

/**
 * Reads the statement's condition on `spec.key`.
 * @param statement the statement
 * @param spec the key
 * @param absentKeys keys the action never sends (a condition that needs one makes the statement inapplicable)
 * @returns its atoms and the parts that cannot be decided
 */
export function keyCondition(statement: StatementNode, spec: KeySpec, absentKeys: readonly string[] = []): KeyCondition {
  const out: KeyCondition = { atoms: [], unknown: [], otherKeys: false, inapplicable: false };
  const absent = new Set(absentKeys.map(lower));
  for (const operator of statement.condition?.operators ?? []) {
    for (const key of operator.keys) {
      const name = lower(key.key);
      if (name === lower(spec.key)) {
        const atom = toAtom(operator, key, spec.multivalued);
        if (atom) out.atoms.push(atom);
        else out.unknown.push({ operator, key });
      } else if (absent.has(name)) {
        // a condition that is false when the key is missing can never hold for these actions
        const atom = toAtom(operator, key, false);
        if (atom?.kind === 'any') out.inapplicable = true;
        else if (!atom) out.otherKeys = true;
      } else out.otherKeys = true;
    }
  }
  return out;
}

/** One operator on the key as an atom; undefined when it cannot be decided exactly. */
function toAtom(operator: ConditionOperatorNode, key: ConditionKeyNode, multivalued: boolean): Atom | undefined {
  const parsed = parseConditionOperator(operator.operator);
  const source = { operator, key };
  if (!parsed || key.values.length === 0) return undefined;
  if (parsed.base === 'Null') {
    if (parsed.qualifier) return undefined;
    const flags = new Set(key.values.map((v) => String(v.value).toLowerCase()));
    if (flags.size !== 1) return undefined;
    if (flags.has('true')) return { kind: 'empty', source };
    if (flags.has('false')) return { kind: 'any', set: { patterns: [[{ kind: 'run' }]], negated: false, values: [] }, source };
    return undefined;
  }
  if (parsed.family !== 'String') return undefined;
  const texts = key.values.map((v) => (v.value === null ? null : String(v.value)));
  if (texts.some((t) => t === null || t.includes('${'))) return undefined;
  const like = parsed.base.includes('Like');
  const ignoreCase = parsed.base.includes('IgnoreCase');
  const patterns = texts.map((t) => (like ? compileGlob(t!) : literalTokens(ignoreCase ? t!.toLowerCase() : t!)));
  const set: ValueSet = { patterns, negated: parsed.negated, values: key.values };
  if (parsed.qualifier === 'ForAllValues') return { kind: 'all', set, source };
  if (parsed.qualifier === 'ForAnyValue') return { kind: parsed.ifExists ? 'anyOrEmpty' : 'any', set, source };
  // no qualifier: defined only for single-valued keys (a multivalued one is reported by missing-set-qualifier)
  if (multivalued) return undefined;
  return { kind: parsed.ifExists || parsed.negated ? 'all' : 'any', set, source };
}

/** The negation of one atom, as a conjunction of atoms. */
function negate(atom: Atom): Atom[] {
  const flip = (set: ValueSet): ValueSet => ({ ...set, negated: !set.negated });
  const everything: ValueSet = { patterns: [[{ kind: 'run' }]], negated: false, values: [] };
  switch (atom.kind) {
    case 'all':
      return [{ kind: 'any', set: flip(atom.set), source: atom.source }];
    case 'any':
      return [{ kind: 'all', set: flip(atom.set), source: atom.source }];
    case 'empty':
      return [{ kind: 'any', set: everything, source: atom.source }];
    case 'anyOrEmpty':
      return [
        { kind: 'any', set: everything, source: atom.source },
        { kind: 'all', set: flip(atom.set), source: atom.source },
      ];
  }
}

/** A Deny statement that may confine the Allow: its condition on the key, and whether it surely applies to the Allow's requests. */
export interface Confinement {
  condition: KeyCondition;
  /** False when the Deny applies only to part of the Allow's resources, or it is not known (NotResource). */
  coversResources: boolean | 'may';
}

/** The outcome of {@link findGap}. */
export type Gap =
  | { kind: 'none' }
  | { kind: 'unknown' }
  /** Requests without the key are allowed; `atom` is an operator that lets them through (undefined: no condition on the key). */
  | { kind: 'absent'; uncertain: boolean; atom?: Atom }
  /** `value` outside the limit is usable; `blame` says which part of the Allow's condition lets it through. */
  | { kind: 'value'; value: string; uncertain: boolean; blame: Blame };

/** The part of an Allow's condition that lets a value through. */
export type Blame =
  | { kind: 'noCondition' }
  | { kind: 'value'; node: ConditionValueNode; source: Source }
  | { kind: 'anyValue'; source: Source }
  | { kind: 'negated'; source: Source };

/** At most this many branches (products of Deny disjunctions) are searched; beyond, the answer is unknown. */
const MAX_BRANCHES = 64;

/**
 * Decides whether requests allowed by `allow` (a statement's condition on the key) and not denied
 * by `denies` may leave the limit: carry no value, or a value outside `spec.allowed` (with
 * `allowed` empty: any value when the condition does not bound values below `spec.universe`).
 * Exact for the atoms; a Deny whose condition on the key also has other keys or undecidable
 * operators, or whose resources are not known to cover the Allow's, may not apply, so a gap that
 * only it closes is uncertain. A Deny without a condition on the key is left out (it does not
 * decide which values pass, only when; unconditional ones are subtracted by `outside`).
 * @param spec the key and its limit
 * @param allow the Allow statement's condition on the key
 * @param denies conditional Deny statements that apply to the same action
 * @returns the gap, preferring a certain one, and a value gap over an absent-key gap
 */
export function findGap(spec: KeySpec, allow: KeyCondition, denies: readonly Confinement[]): Gap {
  if (allow.inapplicable) return { kind: 'none' };
  // each branch: atoms that must hold together, and whether reaching it assumes something unknown
  let branches: { atoms: Atom[]; uncertain: boolean }[] = [{ atoms: allow.atoms, uncertain: allow.unknown.length > 0 }];
  for (const deny of denies) {
    if (deny.condition.inapplicable || deny.coversResources === false) continue;
    // a Deny with no condition on the key denies regardless of the value (like an Allow's other keys, it decides when, not which)
    if (deny.condition.atoms.length === 0 && deny.condition.unknown.length === 0) continue;
    const options: { atoms: Atom[]; uncertain: boolean }[] = deny.condition.atoms.map((a) => ({ atoms: negate(a), uncertain: deny.coversResources === 'may' }));
    // the Deny does not apply when one of its other conditions is false, or it does not reach the resource
    if (deny.condition.otherKeys || deny.condition.unknown.length > 0 || deny.coversResources === 'may') options.push({ atoms: [], uncertain: true });
    branches = branches.flatMap((b) => options.map((o) => ({ atoms: [...b.atoms, ...o.atoms], uncertain: b.uncertain || o.uncertain })));
    if (branches.length > MAX_BRANCHES) return { kind: 'unknown' };
  }
  let best: Gap = { kind: 'none' };
  const rank = (g: Gap) => (g.kind === 'value' ? (g.uncertain ? 2 : 4) : g.kind === 'absent' ? (g.uncertain ? 1 : 3) : g.kind === 'unknown' ? 0.5 : 0);
  for (const branch of branches) {
    const gap = branchGap(spec, allow, branch.atoms, branch.uncertain);
    if (rank(gap) > rank(best)) best = gap;
  }
  return best;
}

/** The gap of one conjunction of atoms: a value outside the limit if one is usable, else requests without the key. */
function branchGap(spec: KeySpec, allow: KeyCondition, atoms: Atom[], uncertain: boolean): Gap {
  const absentOk = !spec.alwaysPresent && !atoms.some((a) => a.kind === 'any');
  const absent: Gap = absentOk ? { kind: 'absent', uncertain, ...withAtom(absentCulprit(allow)) } : { kind: 'none' };
  if (atoms.some((a) => a.kind === 'empty')) return absent;
  const value = valueGap(spec, atoms);
  if (value.kind === 'witness') return { kind: 'value', value: value.value, uncertain, blame: blameFor(value.value, spec, allow) };
  if (value.kind === 'unknown') return { kind: 'unknown' };
  return absent;
}

const withAtom = (atom: Atom | undefined) => (atom ? { atom } : {});

/** A value outside the limit that some request satisfying `atoms` carries. */
function valueGap(spec: KeySpec, atoms: Atom[]): { kind: 'witness'; value: string } | { kind: 'none' | 'unknown' } {
  const alphabet: Token[] = [{ kind: 'class', chars: spec.alphabet, repeat: true }];
  const alls = atoms.filter((a): a is SetAtom => a.kind === 'all');
  const anys = atoms.filter((a): a is SetAtom => a.kind === 'any' || a.kind === 'anyOrEmpty');
  // every value must lie in each `all` set (for a single-valued key, also in each `any` set)
  const perValue = spec.multivalued ? alls : [...alls, ...anys];
  const include = [[alphabet], ...perValue.filter((a) => !a.set.negated).map((a) => a.set.patterns)];
  const exclude = perValue.filter((a) => a.set.negated).flatMap((a) => a.set.patterns);
  // for a multivalued key each `any` set needs one value inside the `all` sets, not necessarily the escaping one
  for (const a of spec.multivalued ? anys : []) {
    const found = findWitnessInSets([...include, ...(a.set.negated ? [] : [a.set.patterns])], [...exclude, ...(a.set.negated ? a.set.patterns : [])]);
    if (found.kind !== 'witness') return { kind: found.kind };
  }
  if (spec.allowed.length === 0) {
    // with no allowed list, a limit exists when a positive pattern bounds the values below the
    // service's universe; excluding some values (negated operators) is a deny-list, not a limit
    const covered = coversUniverse(spec, include, alphabet);
    if (covered !== true) return { kind: covered === false ? 'none' : 'unknown' };
  }
  return pickValue(spec, include, [...exclude, ...spec.allowed.map((g) => compileGlob(g))]);
}

/** Whether every value of `spec.universe` is inside each positive per-value set (then they do not limit). */
function coversUniverse(spec: KeySpec, include: Token[][][], alphabet: Token[]): boolean | 'unknown' {
  const universe = compileGlob(spec.universe);
  for (const set of include.slice(1)) {
    const escape = findWitnessInSets([[universe], [alphabet]], set);
    if (escape.kind === 'unknown') return 'unknown';
    if (escape.kind === 'witness') return false;
  }
  return true;
}

/** A value inside every include set and no exclude pattern: a realistic example when one fits, else the shortest. */
function pickValue(spec: KeySpec, include: Token[][][], exclude: Token[][]): { kind: 'witness'; value: string } | { kind: 'none' | 'unknown' } {
  const inSet = (set: Token[][], v: string) => set.some((p) => compileMatcher(p)(v));
  for (const example of spec.examples) {
    if (include.every((set) => inSet(set, example)) && !inSet(exclude, example)) return { kind: 'witness', value: example };
  }
  const readable = compileGlob(spec.readable);
  const nicer = findWitnessInSets([...include, [readable]], exclude);
  if (nicer.kind === 'witness') return nicer;
  return findWitnessInSets(include, exclude);
}

/** Which part of the Allow's condition lets `value` through. */
function blameFor(value: string, spec: KeySpec, allow: KeyCondition): Blame {
  const positive = allow.atoms.filter(
    (a): a is SetAtom => a.kind !== 'empty' && !a.set.negated && (a.kind === 'all' || !spec.multivalued) && a.set.values.length > 0,
  );
  for (const atom of positive) {
    const index = atom.set.patterns.findIndex((p) => compileMatcher(p)(value));
    if (index >= 0) return { kind: 'value', node: atom.set.values[index]!, source: atom.source };
  }
  const any = allow.atoms.find((a) => a.kind === 'any' || a.kind === 'anyOrEmpty');
  if (any && spec.multivalued && any.kind !== 'empty' && any.set.values.length > 0) return { kind: 'anyValue', source: any.source };
  const negated = allow.atoms.find((a) => a.kind !== 'empty' && a.set.negated);
  if (negated) return { kind: 'negated', source: negated.source };
  return { kind: 'noCondition' };
}

/** The Allow operator that is true without the key (ForAllValues, IfExists, negated, `Null: true`), if any. */
function absentCulprit(allow: KeyCondition): Atom | undefined {
  return allow.atoms.find((a) => a.kind !== 'any');
}
