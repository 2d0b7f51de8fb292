import type { PatternSet } from './automaton.js';
import { SparseNfa, type Positions } from './sparse-nfa.js';
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

/**
 * State bound for the quick yes/no questions of grammar rules ("can this be an ARN?", "does this
 * item cover that one?"), whose callers treat an undecided answer conservatively (no finding):
 * a pathological pattern then costs milliseconds instead of a full search.
 */
export const QUICK_STATE_BUDGET = 2_000;

const READABLE = 'abcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Work allowance shared by several searches (e.g. all searches for one policy), so that many
 * hard questions together stay bounded. One unit is one active automaton position stepped over
 * one character; a search that runs out answers `unknown`.
 */
export interface WorkBudget {
  units: number;
}

/**
 * Decides exactly whether some string is matched by all `include` patterns and by none of the
 * `exclude` patterns, and returns the shortest such string (ties broken towards readable
 * characters). Breadth-first search over the product of the patterns' automata. At each state only
 * the characters that an active position names are tried, plus `:` (which segment wildcards treat
 * specially) and one fresh character standing for all others, which behave alike; a step costs
 * O(active positions), so long literal patterns search in linear time. Worst case exponential in
 * the number of `*`; bounded by
 * `stateLimit` explored states and by the shared `work` budget, beyond which the answer is
 * `unknown`. Results are memoised (the same question recurs across statements and files), except
 * answers cut short by `work`; callers must not mutate the returned object.
 * @param include patterns the witness must match (at least one)
 * @param exclude patterns the witness must not match
 * @param stateLimit maximum number of product states to explore
 * @param work optional shared allowance, decremented by the work done
 * @returns the witness, `none`, or `unknown`
 */
export function findWitness(
  include: readonly (readonly Token[])[],
  exclude: readonly (readonly Token[])[] = [],
  stateLimit = DEFAULT_STATE_BUDGET,
  work?: WorkBudget,
): WitnessResult {
  return findWitnessInSets(
    include.map((tokens) => [tokens]),
    exclude,
    stateLimit,
    work,
  );
}

/**
 * {@link findWitness} over unions: the witness must match some pattern of every set in `include`
 * and no pattern of `exclude`. A union is one automaton, so "outside every one of these
 * NotResource patterns" costs one automaton, not one search per choice.
 * @param include pattern sets the witness must each match (at least one set)
 * @param exclude patterns the witness must not match
 * @param stateLimit maximum number of product states to explore
 * @param work optional shared allowance, decremented by the work done
 * @returns the witness, `none`, or `unknown`
 */
export function findWitnessInSets(
  include: readonly PatternSet[],
  exclude: PatternSet = [],
  stateLimit = DEFAULT_STATE_BUDGET,
  work?: WorkBudget,
): WitnessResult {
  const key = `${stateLimit}\u0005${include.map(serializeSet).join('')}\u0005${serializeSet(exclude)}`;
  const known = memo.get(key);
  if (known) return known;
  const { result, cutShort } = search(include, exclude, stateLimit, work);
  if (!cutShort) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, result);
  }
  return result;
}

/** Results of recent searches: policies repeat the same questions (`"*"` against the same scope). */
const memo = new Map<string, WitnessResult>();
const MEMO_LIMIT = 5_000;
const MARKERS: Record<'run' | 'one' | 'runInSegment' | 'oneInSegment', string> = {
  run: '\u0001',
  one: '\u0002',
  runInSegment: '\u0003',
  oneInSegment: '\u0004',
};

/**
 * An unambiguous text form of a pattern set for memo keys: patterns end with U+0006, the set with
 * U+0007, classes are wrapped in U+0008, and literal characters below U+0009 are escaped.
 */
function serializeSet(set: PatternSet): string {
  let out = '';
  for (const tokens of set) {
    for (const t of tokens) {
      if (t.kind === 'literal') out += t.char < '\u0009' ? `\u0000${t.char}` : t.char;
      else if (t.kind === 'class') out += `\u0008${t.repeat ? '*' : '1'}${t.chars.replace(/[\u0000-\u0008]/g, (c) => `\u0000${c}`)}\u0008`;
      else out += MARKERS[t.kind];
    }
    out += '\u0006';
  }
  return `${out}\u0007`;
}

/** A search node: the automata states and how it was reached (to rebuild the witness text). */
interface Node {
  states: Positions[];
  parent: number;
  char: string;
}

function textOf(nodes: Node[], index: number): string {
  const chars: string[] = [];
  for (let i = index; i > 0; i = nodes[i]!.parent) chars.push(nodes[i]!.char);
  return chars.reverse().join('');
}

function search(
  include: readonly PatternSet[],
  exclude: PatternSet,
  stateLimit: number,
  work: WorkBudget | undefined,
): { result: WitnessResult; cutShort: boolean } {
  const sets = exclude.length > 0 ? [...include, exclude] : [...include];
  const automata = sets.map((set) => new SparseNfa(set));
  const includeCount = include.length;
  const alphabet = new Alphabet(sets.flat());
  const start = automata.map((a) => a.start());
  const seen = new Set<string>([stateKey(start)]);
  const nodes: Node[] = [{ states: start, parent: -1, char: '' }];
  for (let head = 0; head < nodes.length; head++) {
    const { states } = nodes[head]!;
    if (isWitness(automata, states, includeCount)) return { result: { kind: 'witness', value: textOf(nodes, head) }, cutShort: false };
    const stepCost = states.reduce((n, state) => n + state.length, 0);
    for (const char of alphabet.at(automata, states)) {
      if (work) {
        work.units -= stepCost;
        if (work.units < 0) return { result: { kind: 'unknown' }, cutShort: true };
      }
      const stepped = stepAll(automata, states, char, includeCount);
      if (!stepped) continue;
      const k = stateKey(stepped);
      if (seen.has(k)) continue;
      if (seen.size >= stateLimit) return { result: { kind: 'unknown' }, cutShort: false };
      seen.add(k);
      nodes.push({ states: stepped, parent: head, char });
    }
  }
  return { result: { kind: 'none' }, cutShort: false };
}

function isWitness(automata: SparseNfa[], states: Positions[], includeCount: number): boolean {
  for (let i = 0; i < automata.length; i++) {
    const accepting = automata[i]!.accepting(states[i]!);
    if (i < includeCount ? !accepting : accepting) return false;
  }
  return true;
}

/** Steps every automaton over `char`; undefined when one of the first `mustLive` dies. */
function stepAll(automata: SparseNfa[], states: Positions[], char: string, mustLive: number): Positions[] | undefined {
  const stepped: Positions[] = [];
  for (let i = 0; i < automata.length; i++) {
    const state = states[i]!;
    const next = state.length === 0 ? state : automata[i]!.step(state, char);
    if (next.length === 0 && i < mustLive) return undefined;
    stepped.push(next);
  }
  return stepped;
}

/** A compact text key of a product state: one code unit per position below U+FFFE, U+FFFF between automata. */
function stateKey(states: Positions[]): string {
  let key = '';
  for (const state of states) {
    for (const p of state) key += p < 0xfffe ? String.fromCharCode(p) : `\ufffe${String.fromCharCode(p & 0xffff, p >>> 16)}`;
    key += '\uffff';
  }
  return key;
}

/**
 * The characters worth trying, in a fixed preference order: a fresh character (named by no
 * pattern, so it stands for every such character), then readable characters, then the rest.
 */
class Alphabet {
  private readonly rank = new Map<string, number>();
  private readonly chars: string[];
  private readonly flags: Uint8Array;

  constructor(patterns: readonly (readonly Token[])[]) {
    const literals = new Set<string>([':']);
    for (const tokens of patterns) {
      for (const t of tokens) {
        if (t.kind === 'literal') literals.add(t.char);
        else if (t.kind === 'class') for (const c of t.chars) literals.add(c);
      }
    }
    let fresh = [...READABLE].find((c) => !literals.has(c));
    for (let code = 0x100; fresh === undefined; code++) if (!literals.has(String.fromCharCode(code))) fresh = String.fromCharCode(code);
    const readable = [...READABLE].filter((c) => literals.has(c));
    const others = [...literals].filter((c) => !READABLE.includes(c)).sort();
    this.chars = [fresh, ...readable, ...others];
    this.chars.forEach((c, i) => this.rank.set(c, i));
    this.flags = new Uint8Array(this.chars.length);
  }

  /** The characters to try from `states`, in preference order. */
  at(automata: SparseNfa[], states: Positions[]): string[] {
    const { flags, rank, chars } = this;
    flags.fill(0);
    flags[0] = 1;
    flags[rank.get(':')!] = 1;
    const mark = (c: string): void => {
      flags[rank.get(c)!] = 1;
    };
    for (let i = 0; i < automata.length; i++) automata[i]!.namedChars(states[i]!, mark);
    const out: string[] = [];
    for (let r = 0; r < chars.length; r++) if (flags[r] === 1) out.push(chars[r]!);
    return out;
  }
}

const overlapMemo = new Map<string, boolean>();

/**
 * Whether some string is matched by every one of `patterns` (their languages intersect). Depth-first
 * search over the product automaton, trying characters that the patterns spell out first, so
 * overlapping ARNs are usually confirmed in one pass down the string; exact, memoised. When the
 * search would exceed `stateLimit` states it answers true (callers use it to avoid claiming that
 * nothing fits, so "maybe" must count as "fits").
 * @param patterns compiled patterns (at least one)
 * @param stateLimit maximum number of product states to explore
 * @returns false only when no string matches all patterns
 */
export function overlaps(patterns: readonly (readonly Token[])[], stateLimit = DEFAULT_STATE_BUDGET): boolean {
  const key = `${stateLimit}\u0005${patterns.map((p) => serializeSet([p])).join('')}`;
  const known = overlapMemo.get(key);
  if (known !== undefined) return known;
  const automata = patterns.map((p) => new SparseNfa([p]));
  const alphabet = new Alphabet(patterns);
  const start = automata.map((a) => a.start());
  const seen = new Set<string>([stateKey(start)]);
  const stack: Positions[][] = [start];
  let result = false;
  while (stack.length > 0 && !result) {
    const states = stack.pop()!;
    if (automata.every((a, i) => a.accepting(states[i]!))) {
      result = true;
      break;
    }
    // push in reverse so the first alphabet character is explored first
    const chars = alphabet.at(automata, states);
    for (let c = chars.length - 1; c >= 0; c--) {
      const stepped = stepAll(automata, states, chars[c]!, automata.length);
      if (!stepped) continue;
      const k = stateKey(stepped);
      if (seen.has(k)) continue;
      if (seen.size >= stateLimit) {
        result = true;
        break;
      }
      seen.add(k);
      stack.push(stepped);
    }
  }
  if (overlapMemo.size >= MEMO_LIMIT) overlapMemo.clear();
  overlapMemo.set(key, result);
  return result;
}
