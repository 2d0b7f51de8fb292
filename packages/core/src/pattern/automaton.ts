import { isRun, type Token } from './tokens.js';

/** A set of token positions, one bit per position (bit i: the tokens before i are matched). */
export type StateSet = Uint32Array<ArrayBuffer>;

/** A union of patterns: matched when any of them matches. */
export type PatternSet = readonly (readonly Token[])[];

/**
 * Bit-parallel non-deterministic automaton of a union of token sequences: each alternative
 * occupies its own run of positions (one per token, plus its accepting position). Each step is
 * O(positions / 32) word operations; no regular expression is built from the input.
 */
export class Automaton {
  private readonly words: number;
  private readonly runs: Uint32Array;
  private readonly anyChar: Uint32Array;
  private readonly nonColon: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly accepts: Uint32Array;
  private readonly byChar = new Map<string, Uint32Array>();
  /** Length of the longest chain of consecutive run tokens (closure iterations needed). */
  private readonly longestRunChain: number;

  /** @param alternatives the patterns of the union (one for a single pattern) */
  constructor(alternatives: PatternSet) {
    const size = alternatives.reduce((n, tokens) => n + tokens.length + 1, 0);
    this.words = (size >>> 5) + 1;
    this.runs = new Uint32Array(this.words);
    this.anyChar = new Uint32Array(this.words);
    this.nonColon = new Uint32Array(this.words);
    this.starts = new Uint32Array(this.words);
    this.accepts = new Uint32Array(this.words);
    const set = (mask: Uint32Array, i: number): void => {
      mask[i >>> 5]! |= 1 << (i & 31);
    };
    const forChar = (char: string): Uint32Array => {
      let mask = this.byChar.get(char);
      if (!mask) this.byChar.set(char, (mask = new Uint32Array(this.words)));
      return mask;
    };
    let longest = 0;
    let offset = 0;
    for (const tokens of alternatives) {
      set(this.starts, offset);
      let chain = 0;
      tokens.forEach((token, t) => {
        const i = offset + t;
        chain = isRun(token) ? chain + 1 : 0;
        longest = Math.max(longest, chain);
        if (isRun(token)) set(this.runs, i);
        if (token.kind === 'literal') set(forChar(token.char), i);
        else if (token.kind === 'class') for (const char of token.chars) set(forChar(char), i);
        else if (token.kind === 'one' || token.kind === 'run') set(this.anyChar, i);
        else set(this.nonColon, i);
      });
      set(this.accepts, offset + tokens.length);
      offset += tokens.length + 1;
    }
    this.longestRunChain = longest;
  }

  /** The initial state: every alternative's first position, and what empty runs reach from it. */
  start(): StateSet {
    const state: StateSet = this.starts.slice();
    this.close(state);
    return state;
  }

  /**
   * The state after reading one character.
   * @param state current state (not modified)
   * @param char one UTF-16 code unit
   * @param into optional array to write the result into (must not be `state`)
   * @returns the next state (empty when no match is possible any more)
   */
  step(state: StateSet, char: string, into: StateSet = new Uint32Array(this.words)): StateSet {
    const literal = this.byChar.get(char);
    const colon = char === ':';
    let carry = 0;
    for (let w = 0; w < this.words; w++) {
      const accepts = this.anyChar[w]! | (colon ? 0 : this.nonColon[w]!) | (literal ? literal[w]! : 0);
      const active = state[w]! & accepts;
      const advance = active & ~this.runs[w]!;
      into[w] = (advance << 1) | carry | (active & this.runs[w]!);
      carry = advance >>> 31;
    }
    this.close(into);
    return into;
  }

  /** True when the state contains an accepting position of some alternative. */
  accepting(state: StateSet): boolean {
    for (let w = 0; w < this.words; w++) if ((state[w]! & this.accepts[w]!) !== 0) return true;
    return false;
  }

  /** Adds every position reachable by letting run tokens match the empty string. */
  private close(state: StateSet): void {
    for (let k = 0; k < this.longestRunChain; k++) {
      let carry = 0;
      for (let w = 0; w < this.words; w++) {
        const skip = state[w]! & this.runs[w]!;
        const word = state[w]! | (skip << 1) | carry;
        carry = skip >>> 31;
        state[w] = word;
      }
    }
  }
}

/** True when no position is active. */
export function isEmpty(state: StateSet): boolean {
  for (let w = 0; w < state.length; w++) if (state[w] !== 0) return false;
  return true;
}

/** A compiled whole-string matcher. */
export type Matcher = (value: string) => boolean;

/**
 * Compiles tokens into a whole-string matcher. Patterns without wildcards compare strings
 * directly; others run the bit-parallel {@link Automaton}: O(|value| · |tokens| / 32) word
 * operations, so a 10,000-token pattern against a 10,000-character value takes milliseconds.
 * @param tokens compiled pattern
 * @returns a function telling whether a value (already lower-cased for case-insensitive patterns) matches
 */
export function compileMatcher(tokens: readonly Token[]): Matcher {
  if (tokens.every((t) => t.kind === 'literal')) {
    const text = tokens.map((t) => (t as { char: string }).char).join('');
    return (value) => value === text;
  }
  const automaton = new Automaton([tokens]);
  return (value) => {
    let state: StateSet = automaton.start();
    let spare: StateSet = new Uint32Array(state.length);
    for (let i = 0; i < value.length; i++) {
      const next = automaton.step(state, value[i]!, spare);
      if (isEmpty(next)) return false;
      [state, spare] = [next, state];
    }
    return automaton.accepting(state);
  };
}

/**
 * Whether a compiled pattern matches the whole of `value` (see {@link compileMatcher}; compile
 * once when matching one pattern many times).
 * @param tokens compiled pattern
 * @param value candidate string (already lower-cased when the pattern is case-insensitive)
 * @returns true on a full match
 */
export function matchTokens(tokens: readonly Token[], value: string): boolean {
  return compileMatcher(tokens)(value);
}
