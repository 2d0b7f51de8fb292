/**
 * Conditions decided for one condition key: given the value a request carries for `key` (or that
 * it carries none), does a statement's `Condition` hold? Other keys stay unknown ("may").
 * Source of truth: IAM User Guide, "IAM JSON policy elements: Condition operators" (a missing key
 * makes positive operators false and negated ones true; `…IfExists` is true when the key is
 * missing; `ForAllValues` is true and `ForAnyValue` false on a missing key) and "Multivalued
 * context keys" (for a single value, both qualifiers test that value); iam-grammar.md §5.
 */
import {
  compileGlob,
  literalTokens,
  matches,
  matchTokens,
  parseConditionOperator,
  type EffectivePermissions,
  type StatementNode,
  type Term,
  type Token,
  type Verdict,
} from '@iamscope/core';

/** How a string operator compares (`Like` and `Arn` families accept `*` and `?`). */
type Mode = 'equals' | 'ignoreCase' | 'like' | 'arn';

function modeOf(base: string): Mode | undefined {
  if (/^String(Not)?EqualsIgnoreCase$/.test(base)) return 'ignoreCase';
  if (/^String(Not)?Equals$/.test(base)) return 'equals';
  if (/^String(Not)?Like$/.test(base)) return 'like';
  if (/^Arn/.test(base)) return 'arn';
  return undefined;
}

/**
 * The tokens a condition value stands for under a string or ARN operator (IgnoreCase values
 * lower-cased), or undefined for values with a policy variable or of another operator family.
 * @param operator the operator as written, e.g. `StringLikeIfExists`
 * @param value the condition value
 */
export function valueTokens(operator: string, value: string): Token[] | undefined {
  const parsed = parseConditionOperator(operator);
  const mode = parsed && modeOf(parsed.base);
  if (!mode || value.includes('${')) return undefined;
  if (mode === 'equals') return literalTokens(value);
  if (mode === 'ignoreCase') return literalTokens(value.toLowerCase());
  return compileGlob(value);
}

/**
 * Whether one condition value matches `value` under `mode`. A condition value that is wholly a
 * template's unknown value (`!Ref AWS::AccountId`, `var.trusted_account`) is one value the
 * deployer fixes, not one the request chooses: under an equality operator the values the rules
 * ask about (an outsider's) do not match it.
 */
function valueMatches(mode: Mode, pattern: string, value: string): Verdict {
  if ((mode === 'equals' || mode === 'ignoreCase') && /^\$\{unresolved:[^}]*\}$/.test(pattern)) return 'no';
  if (mode === 'arn') return matches(pattern, value, 'resource');
  if (pattern.includes('${')) return 'may';
  if (mode === 'equals') return pattern === value ? 'yes' : 'no';
  if (mode === 'ignoreCase') return pattern.toLowerCase() === value.toLowerCase() ? 'yes' : 'no';
  return matchTokens(compileGlob(pattern), value) ? 'yes' : 'no';
}

const not = (v: Verdict): Verdict => (v === 'yes' ? 'no' : v === 'no' ? 'yes' : 'may');
const any = (vs: Verdict[]): Verdict => (vs.includes('yes') ? 'yes' : vs.includes('may') ? 'may' : 'no');
const all = (vs: Verdict[]): Verdict => (vs.includes('no') ? 'no' : vs.includes('may') ? 'may' : 'yes');

/**
 * Whether one operator's test of `key` holds when the request's single value of the key is
 * `value` (undefined: the request does not carry the key).
 */
function testHolds(operator: string, values: readonly (string | number | boolean | null)[], value: string | undefined): Verdict {
  const parsed = parseConditionOperator(operator);
  if (!parsed) return 'may';
  const texts = values.map((v) => (v === null ? undefined : String(v)));
  if (parsed.family === 'Null') {
    return any(texts.map((t) => (t === 'true' ? (value === undefined ? 'yes' : 'no') : t === 'false' ? (value === undefined ? 'no' : 'yes') : 'may')));
  }
  if (value === undefined) {
    if (parsed.ifExists || parsed.qualifier === 'ForAllValues') return 'yes';
    if (parsed.qualifier === 'ForAnyValue') return 'no';
    return parsed.negated ? 'yes' : 'no';
  }
  const mode = modeOf(parsed.base);
  if (!mode) return 'may';
  const matched = any(texts.map((t) => (t === undefined ? 'may' : valueMatches(mode, t, value))));
  return parsed.negated ? not(matched) : matched;
}

/**
 * The values a request carries for some condition keys (lower-cased key → value; `undefined`:
 * the request does not carry the key). Keys not listed are unknown.
 */
export type RequestKeys = ReadonlyMap<string, string | undefined>;

/**
 * Builds {@link RequestKeys} from key names in any case.
 * @param entries key and value pairs
 */
export function requestKeys(entries: Record<string, string | undefined>): RequestKeys {
  return new Map(Object.entries(entries).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * Whether the statement's `Condition` holds for a request that carries `keys`: `no` when a test
 * of a known key fails, `may` when some unknown key is tested, else `yes`.
 * @param statement the statement
 * @param keys the request's values of the keys it knows (compared case-insensitively)
 * @returns the verdict
 */
export function conditionHolds(statement: StatementNode, keys: RequestKeys): Verdict {
  const verdicts: Verdict[] = [];
  for (const op of statement.condition?.operators ?? []) {
    for (const k of op.keys) {
      const name = k.key.toLowerCase();
      if (!keys.has(name)) verdicts.push('may');
      else verdicts.push(testHolds(op.operator, k.values.map((v) => v.value), keys.get(name)));
    }
  }
  return all(verdicts);
}

/**
 * The principal's terms for requests that carry `keys`: statements whose condition fails are
 * left out, those whose condition holds become unconditional, the rest stay conditional.
 * @param perms the principal's policies
 * @param keys the request's values of some condition keys
 * @returns permissions to ask `access` about
 */
export function specialize(perms: EffectivePermissions, keys: RequestKeys): EffectivePermissions {
  const terms = perms.terms.flatMap((term): Term[] => {
    if (!term.conditional) return [term];
    const holds = conditionHolds(term.statement, keys);
    return holds === 'no' ? [] : [{ ...term, conditional: holds === 'may' }];
  });
  return { set: perms.set, terms };
}
