import type { PatternSet } from './automaton.js';

/**
 * A set of active token positions of a {@link SparseNfa}, ascending (position i: the tokens before
 * i are matched). Empty when no match is possible any more.
 */
export type Positions = readonly number[];

const enum Kind {
  Literal,
  Class,
  One,
  OneInSegment,
  Run,
  RunInSegment,
  ClassRun,
  Accept,
}

/**
 * Non-deterministic automaton of a union of token sequences whose states list only the active
 * positions. Used by the witness searches, which store every state they explore: a step costs
 * O(active positions), not O(pattern length), so a 40,000-character literal ARN is searched in
 * linear time and stored in constant space per state (the bit-parallel `Automaton` of
 * automaton.ts would cost O(length / 32) per step and per stored state). Same language as
 * `Automaton` for the same tokens.
 */
export class SparseNfa {
  private readonly kinds: Uint8Array;
  /** The literal character, or a class's characters, of each position ('' otherwise). */
  private readonly chars: string[];
  private readonly startState: Positions;
  /** Collection scratch: `mark[p] === generation` when p is collected; `scratch[0..count)` holds them. */
  private readonly mark: Uint32Array;
  private readonly scratch: number[] = [];
  private generation = 0;
  private count = 0;
  private sorted = true;

  /** @param alternatives the patterns of the union (one for a single pattern) */
  constructor(alternatives: PatternSet) {
    const size = alternatives.reduce((n, tokens) => n + tokens.length + 1, 0);
    this.kinds = new Uint8Array(size);
    this.chars = new Array<string>(size).fill('');
    this.mark = new Uint32Array(size);
    const starts: number[] = [];
    let offset = 0;
    for (const tokens of alternatives) {
      starts.push(offset);
      tokens.forEach((token, t) => {
        const i = offset + t;
        switch (token.kind) {
          case 'literal':
            this.kinds[i] = Kind.Literal;
            this.chars[i] = token.char;
            break;
          case 'class':
            this.kinds[i] = token.repeat ? Kind.ClassRun : Kind.Class;
            this.chars[i] = token.chars;
            break;
          case 'one':
            this.kinds[i] = Kind.One;
            break;
          case 'oneInSegment':
            this.kinds[i] = Kind.OneInSegment;
            break;
          case 'run':
            this.kinds[i] = Kind.Run;
            break;
          case 'runInSegment':
            this.kinds[i] = Kind.RunInSegment;
        }
      });
      this.kinds[offset + tokens.length] = Kind.Accept;
      offset += tokens.length + 1;
    }
    this.begin();
    for (const p of starts) this.add(p);
    this.startState = this.finish();
  }

  /** The initial state: every alternative's first position, and what empty runs reach from it. */
  start(): Positions {
    return this.startState;
  }

  /**
   * The state after reading one character.
   * @param state current state (not modified)
   * @param char one UTF-16 code unit
   * @returns the next state (empty when no match is possible any more)
   */
  step(state: Positions, char: string): Positions {
    this.begin();
    for (const p of state) {
      const kind = this.kinds[p]!;
      if (kind === Kind.Accept) continue;
      const accepted =
        kind === Kind.One || kind === Kind.Run
          ? true
          : kind === Kind.OneInSegment || kind === Kind.RunInSegment
            ? char !== ':'
            : kind === Kind.Literal
              ? this.chars[p] === char
              : this.chars[p]!.includes(char);
      if (accepted) this.add(kind === Kind.Run || kind === Kind.RunInSegment || kind === Kind.ClassRun ? p : p + 1);
    }
    return this.finish();
  }

  /** True when the state contains an accepting position of some alternative. */
  accepting(state: Positions): boolean {
    for (const p of state) if (this.kinds[p] === Kind.Accept) return true;
    return false;
  }

  /**
   * Calls `visit` with every character that an active position accepts by name (literals and
   * class members; possibly repeated). Any other character except `:` leads where a character
   * named by no pattern leads.
   * @param state current state
   * @param visit receives the characters
   */
  namedChars(state: Positions, visit: (char: string) => void): void {
    for (const p of state) {
      const kind = this.kinds[p]!;
      if (kind === Kind.Literal) visit(this.chars[p]!);
      else if (kind === Kind.Class || kind === Kind.ClassRun) for (const c of this.chars[p]!) visit(c);
    }
  }

  /** Starts collecting a new state in the scratch buffer. */
  private begin(): void {
    if (++this.generation === 0xffffffff) {
      this.mark.fill(0);
      this.generation = 1;
    }
    this.count = 0;
    this.sorted = true;
  }

  /** Adds `first` and every position that empty runs reach from it, unless already collected. */
  private add(first: number): void {
    const { mark, kinds, scratch, generation } = this;
    for (let p = first; mark[p] !== generation; p++) {
      mark[p] = generation;
      if (this.count > 0 && scratch[this.count - 1]! > p) this.sorted = false;
      scratch[this.count++] = p;
      const kind = kinds[p];
      if (kind !== Kind.Run && kind !== Kind.RunInSegment && kind !== Kind.ClassRun) break;
    }
  }

  /** The collected state, ascending. */
  private finish(): Positions {
    const out = this.scratch.slice(0, this.count);
    return this.sorted ? out : out.sort((a, b) => a - b);
  }
}
