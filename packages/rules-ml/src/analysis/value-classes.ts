/**
 * Representative values of a string condition key: the patterns a policy tests the key with split
 * all strings into classes (inside or outside each pattern); every string of a class gets the same
 * answer from every condition, so one value per class decides "is there a value such that …"
 * exactly. Classes are enumerated depth-first, pruning empty combinations.
 */
import { findWitnessInSets, matchTokens, type Token } from '@iamscope/core';

/** Searches at most this many combinations; beyond it, the classes found so far are returned. */
const MAX_SEARCHES = 256;

/**
 * One value per non-empty class of `patterns`, restricted to values outside `excluded`; a value of
 * `preferred` is used for its class when one falls in it (readable examples first).
 * @param patterns the patterns conditions test the key with
 * @param excluded patterns the values must stay outside (e.g. the allowed services)
 * @param preferred readable candidate values, tried first
 * @returns values, preferred ones first; `complete` is false when the search limit cut it short
 */
export function representatives(patterns: readonly Token[][], excluded: readonly Token[][], preferred: readonly string[]): { values: string[]; complete: boolean } {
  const unique = [...new Map(patterns.map((p) => [JSON.stringify(p), p])).values()];
  const signature = (value: string) => unique.map((p) => (matchTokens(p, value) ? '1' : '0')).join('');
  const byClass = new Map<string, string>();
  for (const value of preferred) {
    if (excluded.some((p) => matchTokens(p, value))) continue;
    const key = signature(value);
    if (!byClass.has(key)) byClass.set(key, value);
  }
  let searches = 0;
  let complete = true;
  const walk = (i: number, inside: Token[][], outside: Token[][]): void => {
    if (searches++ >= MAX_SEARCHES) {
      complete = false;
      return;
    }
    const found = findWitnessInSets([[[{ kind: 'run' }]], ...inside.map((p) => [p])], [...excluded, ...outside]);
    if (found.kind === 'unknown') complete = false;
    if (found.kind !== 'witness') return;
    if (i === unique.length) {
      const key = signature(found.value);
      if (!byClass.has(key)) byClass.set(key, found.value);
      return;
    }
    walk(i + 1, [...inside, unique[i]!], outside);
    walk(i + 1, inside, [...outside, unique[i]!]);
  };
  walk(0, [], []);
  return { values: [...byClass.values()], complete };
}

/**
 * A value outside every pattern a policy tests a key with (an account, organization or ID the
 * author did not name): `preferred` when it is outside them, else the shortest such value; when
 * the patterns cover every value (`"*"`), `preferred` (every value passes the tests).
 * @param patterns the patterns conditions test the key with
 * @param preferred a readable value
 */
export function freshValue(patterns: readonly Token[][], preferred: string): string {
  if (!patterns.some((p) => matchTokens(p, preferred))) return preferred;
  const found = findWitnessInSets([[[{ kind: 'run' }]]], patterns);
  return found.kind === 'witness' ? found.value : preferred;
}
