import { isRun, type Token } from './tokens.js';

/** A set of token positions, one bit per position (bit i: the tokens before i are matched). */
export type StateSet = Uint32Array<ArrayBuffer>;

/**
 * Bit-parallel non-deterministic automaton of a token sequence. Position `tokens.length` accepts.
 * Each step is O(|tokens| / 32) word operations; no regular expression is built from the input.
 */
export class Automaton {
  private readonly size: number;
  private readonly words: number;
  private readonly runs: Uint32Array;
  private readonly anyChar: Uint32Array;
  private readonly nonColon: Uint32Array;
  private readonly byChar = new Map<string, Uint32Array>();
  /** Length of the longest chain of consecutive run tokens (closure iterations needed). */
  private readonly longestRunChain: number;

  /** @param tokens compiled pattern */
  constructor(tokens: readonly Token[]) {
    this.size = tokens.length;
    this.words = (tokens.length >>> 5) + 1;
    this.runs = new Uint32Array(this.words);
    this.anyChar = new Uint32Array(this.words);
    this.nonColon = new Uint32Array(this.words);
    let chain = 0;
    let longest = 0;
    tokens.forEach((token, i) => {
      const bit = 1 << (i & 31);
      const w = i >>> 5;
      chain = isRun(token) ? chain + 1 : 0;
      longest = Math.max(longest, chain);
      if (isRun(token)) this.runs[w]! |= bit;
      if (token.kind === 'literal') {
        let mask = this.byChar.get(token.char);
        if (!mask) this.byChar.set(token.char, (mask = new Uint32Array(this.words)));
        mask[w]! |= bit;
      } else if (token.kind === 'one' || token.kind === 'run') {
        this.anyChar[w]! |= bit;
      } else {
        this.nonColon[w]! |= bit;
      }
    });
    this.longestRunChain = longest;
  }

  /** The initial state: position 0 and every position reachable over empty runs. */
  start(): StateSet {
    const state = new Uint32Array(this.words);
    state[0] = 1;
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

  /** True when the state contains the accepting position. */
  accepting(state: StateSet): boolean {
    return (state[this.size >>> 5]! & (1 << (this.size & 31))) !== 0;
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
  const automaton = new Automaton(tokens);
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
