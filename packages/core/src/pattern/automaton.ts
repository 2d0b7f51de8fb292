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
 * Whether a compiled pattern matches the whole of `value`. O(|value| · |tokens|) time.
 * @param tokens compiled pattern
 * @param value candidate string (already lower-cased when the pattern is case-insensitive)
 * @returns true on a full match
 */
export function matchTokens(tokens: readonly Token[], value: string): boolean {
  const automaton = new Automaton(tokens);
  let state = automaton.start();
  for (let i = 0; i < value.length && state.length > 0; i++) state = automaton.step(state, value[i]!);
  return automaton.accepting(state);
}
