import { Automaton } from './automaton.js';
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
 * `budget` explored states, beyond which the answer is `unknown`.
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
  const automata = [...include, ...exclude].map((tokens) => new Automaton(tokens));
  const includeCount = include.length;
  const alphabet = alphabetOf([...include, ...exclude]);
  const start = automata.map((a) => a.start());
  const seen = new Set<string>([key(start)]);
  let frontier: { states: number[][]; text: string }[] = [{ states: start, text: '' }];
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { states, text } of frontier) {
      if (isWitness(automata, states, includeCount)) return { kind: 'witness', value: text };
      for (const char of alphabet) {
        const stepped = states.map((state, i) => (state.length === 0 ? state : automata[i]!.step(state, char)));
        if (stepped.slice(0, includeCount).some((s) => s.length === 0)) continue;
        const k = key(stepped);
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

function isWitness(automata: Automaton[], states: number[][], includeCount: number): boolean {
  for (let i = 0; i < automata.length; i++) {
    const accepting = automata[i]!.accepting(states[i]!);
    if (i < includeCount ? !accepting : accepting) return false;
  }
  return true;
}

function key(states: number[][]): string {
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
