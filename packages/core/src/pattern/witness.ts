import { Automaton, isEmpty, type StateSet } from './automaton.js';
import type { Token } from './tokens.js';

/** Outcome of {@link findWitness}. */
export type WitnessResult =
  /** A shortest string matched by every `include` pattern and by no `exclude` pattern. */
  | { kind: 'witness'; value: string }
  /** No such string exists (exact). */
  | { kind: 'none' }
  /** The search exceeded its state budget; the answer is unknown. */
  | { kind: 'unknown' };

/** Default bound on explored product states. */
export const DEFAULT_STATE_BUDGET = 20_000;

const READABLE = 'abcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Decides exactly whether some string is matched by all `include` patterns and by none of the
 * `exclude` patterns, and returns the shortest such string (ties broken towards readable
 * characters). Breadth-first search over the product of the patterns' automata; characters that
 * occur in no pattern behave alike, so one fresh character stands for all of them (plus `:`, which
 * segment wildcards treat specially). Worst case exponential in the number of `*`; bounded by
 * `budget` explored states, beyond which the answer is `unknown`. Results are memoised (the same
 * question recurs across statements and files); callers must not mutate the returned object.
 * @param include patterns the witness must match (at least one)
 * @param exclude patterns the witness must not match
 * @param budget maximum number of product states to explore
 * @returns the witness, `none`, or `unknown`
 */
export function findWitness(
  include: readonly (readonly Token[])[],
  exclude: readonly (readonly Token[])[] = [],
  budget = DEFAULT_STATE_BUDGET,
): WitnessResult {
  const key = `${budget}\u0005${include.map(serialize).join('')}\u0005${exclude.map(serialize).join('')}`;
  let result = memo.get(key);
  if (!result) {
    result = search(include, exclude, budget);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, result);
  }
  return result;
}

/** Results of recent searches: policies repeat the same questions (`"*"` against the same scope). */
const memo = new Map<string, WitnessResult>();
const MEMO_LIMIT = 5_000;
const MARKERS: Record<Exclude<Token['kind'], 'literal'>, string> = { run: '\u0001', one: '\u0002', runInSegment: '\u0003', oneInSegment: '\u0004' };

/** An unambiguous text form of one pattern, terminated by U+0006 (literal control characters are escaped). */
function serialize(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) out += t.kind === 'literal' ? (t.char < '\u0007' ? `\u0000${t.char}` : t.char) : MARKERS[t.kind];
  return `${out}\u0006`;
}

function search(
  include: readonly (readonly Token[])[],
  exclude: readonly (readonly Token[])[],
  budget: number,
): WitnessResult {
  const automata = [...include, ...exclude].map((tokens) => new Automaton(tokens));
  const includeCount = include.length;
  const alphabet = alphabetOf([...include, ...exclude]);
  const start = automata.map((a) => a.start());
  const seen = new Set<string>([stateKey(start)]);
  let frontier: { states: StateSet[]; text: string }[] = [{ states: start, text: '' }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { states, text } of frontier) {
      if (isWitness(automata, states, includeCount)) return { kind: 'witness', value: text };
      for (const char of alphabet) {
        const stepped = states.map((state, i) => (isEmpty(state) ? state : automata[i]!.step(state, char)));
        if (stepped.slice(0, includeCount).some(isEmpty)) continue;
        const k = stateKey(stepped);
        if (seen.has(k)) continue;
        if (seen.size >= budget) return { kind: 'unknown' };
        seen.add(k);
        next.push({ states: stepped, text: text + char });
      }
    }
    frontier = next;
  }
  return { kind: 'none' };
}

function isWitness(automata: Automaton[], states: StateSet[], includeCount: number): boolean {
  for (let i = 0; i < automata.length; i++) {
    const accepting = automata[i]!.accepting(states[i]!);
    if (i < includeCount ? !accepting : accepting) return false;
  }
  return true;
}

function stateKey(states: StateSet[]): string {
  return states.map((s) => s.join(',')).join('|');
}

function alphabetOf(patterns: readonly (readonly Token[])[]): string[] {
  const literals = new Set<string>([':']);
  for (const tokens of patterns) for (const t of tokens) if (t.kind === 'literal') literals.add(t.char);
  let fresh = [...READABLE].find((c) => !literals.has(c));
  for (let code = 0x100; fresh === undefined; code++) if (!literals.has(String.fromCharCode(code))) fresh = String.fromCharCode(code);
  const readable = [...READABLE].filter((c) => literals.has(c));
  const others = [...literals].filter((c) => !READABLE.includes(c)).sort();
  return [fresh, ...readable, ...others];
}
