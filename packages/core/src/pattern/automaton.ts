import { accepts, isRun, type Token } from './tokens.js';

/**
 * Non-deterministic matcher over a token sequence. A state is a sorted array of token indexes
 * ("the tokens before this index are matched"); `tokens.length` is the accepting index.
 */
export class Automaton {
  readonly tokens: readonly Token[];

  /** @param tokens compiled pattern */
  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  /** The initial state (index 0 and everything reachable over empty runs). */
  start(): number[] {
    return this.closure([0]);
  }

  /**
   * The state after reading one character.
   * @param state current state
   * @param char one UTF-16 code unit
   * @returns next state (empty when no match is possible any more)
   */
  step(state: readonly number[], char: string): number[] {
    const next: number[] = [];
    for (const i of state) {
      const token = this.tokens[i];
      if (!token || !accepts(token, char)) continue;
      next.push(isRun(token) ? i : i + 1);
    }
    return this.closure(next);
  }

  /** True when the state accepts (the whole pattern is matched). */
  accepting(state: readonly number[]): boolean {
    return state.includes(this.tokens.length);
  }

  private closure(indexes: number[]): number[] {
    const seen = new Set<number>();
    const stack = [...indexes];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (seen.has(i)) continue;
      seen.add(i);
      const token = this.tokens[i];
      if (token && isRun(token)) stack.push(i + 1);
    }
    return [...seen].sort((a, b) => a - b);
  }
}

/**
 * Whether a compiled pattern matches the whole of `value`: a bit-parallel simulation of the
 * pattern's automaton, one bit per token position, so O(|value| · |tokens| / 32) word operations
 * (a 10,000-token pattern against a 10,000-character value takes milliseconds) and no regular
 * expression is built from the input.
 * @param tokens compiled pattern
 * @param value candidate string (already lower-cased when the pattern is case-insensitive)
 * @returns true on a full match
 */
export function matchTokens(tokens: readonly Token[], value: string): boolean {
  const m = tokens.length;
  const words = (m >>> 5) + 1;
  const runs = new Uint32Array(words);
  const anyChar = new Uint32Array(words);
  const nonColon = new Uint32Array(words);
  const byChar = new Map<string, Uint32Array>();
  let chain = 0;
  let longest = 0;
  tokens.forEach((token, i) => {
    const bit = 1 << (i & 31);
    const w = i >>> 5;
    if (isRun(token)) runs[w]! |= bit;
    chain = isRun(token) ? chain + 1 : 0;
    longest = Math.max(longest, chain);
    if (token.kind === 'literal') {
      let mask = byChar.get(token.char);
      if (!mask) byChar.set(token.char, (mask = new Uint32Array(words)));
      mask[w]! |= bit;
    } else if (token.kind === 'one' || token.kind === 'run') {
      anyChar[w]! |= bit;
    } else {
      nonColon[w]! |= bit;
    }
  });
  let state = new Uint32Array(words);
  state[0] = 1;
  closeOverRuns(state, runs, longest);
  let next = new Uint32Array(words);
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    const literal = byChar.get(char);
    const colon = char === ':';
    let carry = 0;
    let alive = 0;
    for (let w = 0; w < words; w++) {
      const accepts = anyChar[w]! | (colon ? 0 : nonColon[w]!) | (literal ? literal[w]! : 0);
      const active = state[w]! & accepts;
      const advance = active & ~runs[w]!;
      const word = (advance << 1) | carry | (active & runs[w]!);
      carry = advance >>> 31;
      next[w] = word;
      alive |= word;
    }
    if (alive === 0) return false;
    closeOverRuns(next, runs, longest);
    [state, next] = [next, state];
  }
  return (state[m >>> 5]! & (1 << (m & 31))) !== 0;
}

/** Adds to `state` every position reachable by letting run tokens match the empty string. */
function closeOverRuns(state: Uint32Array, runs: Uint32Array, longest: number): void {
  for (let k = 0; k < longest; k++) {
    let carry = 0;
    for (let w = 0; w < state.length; w++) {
      const skip = state[w]! & runs[w]!;
      const word = state[w]! | (skip << 1) | carry;
      carry = skip >>> 31;
      state[w] = word;
    }
  }
}
