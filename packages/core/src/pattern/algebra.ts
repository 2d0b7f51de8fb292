/**
 * The pattern algebra the rules ask: does a pattern match a value, do two patterns share a value,
 * does one cover the other, and which value shows the difference. Two kinds of pattern:
 * - `action`: an `Action`/`NotAction` glob (`*` any run, `?` one character), compared
 *   case-insensitively (IAM User Guide, "IAM JSON policy elements: Action");
 * - `resource`: a `Resource`/`NotResource` ARN pattern matched segment by segment and
 *   case-sensitively (see `compileResourcePattern`; iam-grammar.md §6.2); policy variables
 *   (`${aws:username}`) are unknown spans, so an answer that depends on them is `may`.
 * Every operation runs on compiled token automata (no regular expression is built from the
 * input). `matches` is O(|value| · |pattern| / 32); `intersects`, `covers` and `witness` search
 * the product automaton, polynomial for patterns with few wildcards and worst-case exponential
 * in the number of `*`, bounded by a state budget beyond which the answer is `may` / `unknown`.
 */
import { compileMatcher } from './automaton.js';
import { compileResourcePattern } from './arn.js';
import { compileGlob, type Token } from './tokens.js';
import { findWitness, overlaps } from './witness.js';

/** Which language a pattern is written in (see the module comment). */
export type PatternKind = 'action' | 'resource';

/** A three-way answer: `may` when policy variables (or the search budget) leave it open. */
export type Verdict = 'yes' | 'no' | 'may';

/** Outcome of {@link witness}: a value in `p` and not in `q`, proof there is none, or undecided. */
export type Witness = { kind: 'witness'; value: string } | { kind: 'none' } | { kind: 'unknown' };

interface Compiled {
  tokens: Token[];
  /** True when the tokens over-approximate the pattern (policy variables as wildcards). */
  approximate: boolean;
}

function compile(pattern: string, kind: PatternKind): Compiled {
  if (kind === 'action') return { tokens: compileGlob(pattern, true), approximate: false };
  const { tokens, hasVariables } = compileResourcePattern(pattern);
  return { tokens, approximate: hasVariables };
}

const normalize = (value: string, kind: PatternKind): string => (kind === 'action' ? value.toLowerCase() : value);

/**
 * Whether `pattern` matches the whole of `value`.
 * @param pattern an action or resource pattern as written in a policy
 * @param value a concrete action name or ARN
 * @param kind the pattern language
 * @returns `yes`/`no`; `may` when only a policy variable's value could make it match
 */
export function matches(pattern: string, value: string, kind: PatternKind): Verdict {
  const { tokens, approximate } = compile(pattern, kind);
  if (!compileMatcher(tokens)(normalize(value, kind))) return 'no';
  return approximate ? 'may' : 'yes';
}

/**
 * Whether some value is matched by both patterns.
 * @param p first pattern
 * @param q second pattern
 * @param kind the pattern language
 * @returns `yes`/`no`; `may` when the answer depends on a policy variable or the search budget ran out
 */
export function intersects(p: string, q: string, kind: PatternKind): Verdict {
  const a = compile(p, kind);
  const b = compile(q, kind);
  const result = findWitness([a.tokens, b.tokens]);
  if (result.kind === 'none') return 'no';
  if (result.kind === 'unknown') return overlaps([a.tokens, b.tokens]) ? 'may' : 'no';
  return a.approximate || b.approximate ? 'may' : 'yes';
}

/**
 * A value matched by `p` and not by `q` (the shortest, preferring readable characters), e.g. to
 * show what a broad Resource allows beyond a scope. With policy variables in `p` the answer is
 * `unknown` (a value through the variable may not exist); variables in `q` are harmless (a value
 * outside every value `q` can take is outside `q`).
 * @param p the pattern the value must match
 * @param q the pattern the value must not match
 * @param kind the pattern language
 * @returns the witness, `none` when `q` covers `p`, or `unknown` (variables in `p`, or in `q` when
 *   no value escapes its widened form, or the search budget ran out)
 */
export function witness(p: string, q: string, kind: PatternKind): Witness {
  const a = compile(p, kind);
  const b = compile(q, kind);
  if (a.approximate) return { kind: 'unknown' };
  const result = findWitness([a.tokens], [b.tokens]);
  // "none" against a widened q does not prove that the real q covers p
  return result.kind === 'none' && b.approximate ? { kind: 'unknown' } : result;
}

/**
 * Whether every value matched by `q` is matched by `p`.
 * @param p the covering pattern
 * @param q the covered pattern
 * @param kind the pattern language
 * @returns `yes`/`no`; `may` when the answer depends on a policy variable or the search budget ran out
 */
export function covers(p: string, q: string, kind: PatternKind): Verdict {
  const a = compile(p, kind);
  const b = compile(q, kind);
  // q's variables only widen q, so "p covers widened q" is certain; p's widen p, so it is not.
  const result = findWitness([b.tokens], [a.tokens]);
  if (result.kind === 'unknown') return 'may';
  if (result.kind === 'none') return a.approximate ? 'may' : 'yes';
  return b.approximate ? 'may' : 'no';
}
