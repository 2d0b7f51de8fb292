/**
 * Property-based tests for the IAM wildcard pattern engine (packages/core/src/pattern), each
 * operation checked against a brute-force oracle written here from the documented rules:
 *
 * - plain globs: `*` any run (possibly empty), `?` exactly one character, everything else literal;
 * - segment tokens: `oneInSegment` / `runInSegment` are `?` / `*` that never consume `:`;
 * - Resource patterns: split at the first five colons; in the non-resource segments `?` and a
 *   mid-segment `*` stay inside the segment, a `*` that ends a segment may run past the colon; the
 *   resource part (after the 5th colon) is matched whole (`*` crosses `/` and `:`); `${var}` in the
 *   resource part is `*` (mode `wildcard`, where the escapes `${*}`, `${?}`, `${$}` are the literal
 *   characters `*`, `?`, `$`); in mode `literal` (no variable processing, as IAM does without
 *   Version 2012-10-17) `${…}` is ordinary text whose `*` and `?` are still wildcards;
 * - findWitness: a shortest string matched by every include and no exclude, or `none` (exact);
 * - actionMatches: a glob match, case-insensitive.
 *
 * The oracles deliberately use different algorithms from the code under test: a memoised recursive
 * matcher for globs, a textbook forward DP table for token sequences, a JavaScript RegExp (built only
 * from generated test patterns) for Resource patterns and ARN templates, a greedy two-pointer glob
 * matcher for the large input, and a level-by-level exhaustive enumeration for witnesses.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  actionMatches,
  compileArnTemplate,
  compileExampleArn,
  compileGlob,
  compileResourcePattern,
  findWitness,
  matchTokens,
  overlaps,
  type Token,
} from '@iamscope/core';

import { globOracle, lit, resourceOracle } from './oracles.js';

const RUNS = 1000;

// ---------------------------------------------------------------------------------------------
// Oracles
// ---------------------------------------------------------------------------------------------

/** Greedy two-pointer glob matcher (classic backtrack-to-last-star); fast on large inputs. */
function greedyGlob(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === value[v])) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = v;
    } else if (star !== -1) {
      p = star + 1;
      v = ++mark;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Oracle semantics of one token: does it consume `c`, and may it repeat (a run)? */
function tokenEats(t: Token, c: string): boolean {
  if (t.kind === 'literal') return t.char === c;
  if (t.kind === 'oneInSegment' || t.kind === 'runInSegment') return c !== ':';
  return true;
}
const tokenIsRun = (t: Token): boolean => t.kind === 'run' || t.kind === 'runInSegment';

/**
 * Forward DP row: row[i] is true when tokens[0..i) match the text read so far.
 * Initial row: the empty text is matched by a prefix made only of runs.
 */
function initialRow(tokens: readonly Token[]): boolean[] {
  const row = [true];
  for (let i = 1; i <= tokens.length; i++) row.push(row[i - 1]! && tokenIsRun(tokens[i - 1]!));
  return row;
}

/**
 * Next DP row after reading `c`: a prefix ending in a single-character token matches text+c when
 * the shorter prefix matched text and the token eats c; a prefix ending in a run matches text+c when
 * the run is empty (prefix without it matches text+c) or the run extends (the same prefix matched
 * text and the run eats c).
 */
function nextRow(tokens: readonly Token[], row: readonly boolean[], c: string): boolean[] {
  const next = [false];
  for (let i = 1; i <= tokens.length; i++) {
    const t = tokens[i - 1]!;
    next.push(tokenIsRun(t) ? next[i - 1]! || (row[i]! && tokenEats(t, c)) : row[i - 1]! && tokenEats(t, c));
  }
  return next;
}

/** DP matcher for a token sequence (the oracle for plain and segment tokens). */
function tokenOracle(tokens: readonly Token[], value: string): boolean {
  let row = initialRow(tokens);
  for (const c of value.split('')) row = nextRow(tokens, row, c);
  return row[tokens.length]!;
}

const EXAMPLES: Record<string, string> = { Partition: 'aws', Region: 'us-east-1', Account: '123456789012' };

/**
 * Regex oracle for ARN templates: `${Region}` is region-shaped (a letter, [a-z0-9-]*, a dash, a
 * digit), `${Account}` 12 digits, other `${Name}`s a non-empty run without `:` (any run if
 * colon-allowed); with examples, partition/region/account are the example values.
 */
function templateOracle(format: string, colonAllowed: readonly string[], examples: boolean): RegExp {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    if (format[i] === '$' && format[i + 1] === '{') {
      let j = i + 2;
      while (j < format.length && /[A-Za-z0-9]/.test(format[j]!)) j++;
      if (j > i + 2 && format[j] === '}') {
        const name = format.slice(i + 2, j);
        if (examples && EXAMPLES[name]) out += lit(EXAMPLES[name]);
        else if (name === 'Region') out += '[a-z][a-z0-9-]*-[0-9]';
        else if (name === 'Account') out += '[0-9]{12}';
        else out += colonAllowed.includes(name) ? '[\\s\\S]+' : '[^:]+';
        i = j;
        continue;
      }
    }
    out += lit(format[i]!);
  }
  return new RegExp('^' + out + '$');
}

/**
 * Exhaustive search for the length of a shortest witness. Enumerates all strings over `alphabet`
 * level by level (length 0, 1, 2, ...); strings with identical DP rows for every pattern have
 * identical futures, so each level keeps one representative per distinct row tuple (this is still
 * an exhaustive enumeration of all strings up to that length). Prefixes on which an include's row is
 * all-false are dropped (no extension can match). Stops at `bound` or at a fixpoint (a level that
 * adds no row tuple unseen in earlier levels: then no later level can, so the answer is exact).
 * @returns shortest length, `none` (proved by fixpoint or `bound` reached with nothing found)
 */
function oracleShortest(
  include: readonly (readonly Token[])[],
  exclude: readonly (readonly Token[])[],
  alphabet: readonly string[],
  bound: number,
): { length: number } | { none: 'fixpoint' | 'bound' } {
  const all = [...include, ...exclude];
  const keyOf = (rows: boolean[][]): string => rows.map((r) => r.map((b) => (b ? 1 : 0)).join('')).join('|');
  const isWitness = (rows: boolean[][]): boolean =>
    rows.every((r, i) => (i < include.length ? r[r.length - 1] : !r[r.length - 1]));
  let level = new Map<string, boolean[][]>();
  const start = all.map((t) => initialRow(t));
  level.set(keyOf(start), start);
  const everSeen = new Set<string>(level.keys());
  for (let length = 0; ; length++) {
    for (const rows of level.values()) if (isWitness(rows)) return { length };
    if (length === bound) return { none: 'bound' };
    const next = new Map<string, boolean[][]>();
    for (const rows of level.values()) {
      for (const c of alphabet) {
        const stepped = rows.map((row, i) => nextRow(all[i]!, row, c));
        if (stepped.slice(0, include.length).some((r) => !r.includes(true))) continue;
        next.set(keyOf(stepped), stepped);
      }
    }
    let fresh = false;
    for (const k of next.keys()) if (!everSeen.has(k)) fresh = true;
    if (!fresh) return { none: 'fixpoint' };
    for (const k of next.keys()) everSeen.add(k);
    level = next;
  }
}

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const VALUE_CHARS = ['a', 'b', ':', '/'];
const valueArb = fc.string({ unit: fc.constantFrom(...VALUE_CHARS), maxLength: 10 });
const fillersArb = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ':', '/', 'z'), maxLength: 3 }), {
  minLength: 12,
  maxLength: 12,
});

/** Replaces each wildcard of a glob string with a filler (`?` gets one character): values near the pattern. */
function fillGlob(pattern: string, fillers: readonly string[]): string {
  let k = 0;
  let out = '';
  for (const c of pattern) {
    const filler = fillers[k++ % fillers.length]!;
    out += c === '*' ? filler : c === '?' ? (filler + 'a')[0] : c;
  }
  return out;
}

const globArb = fc.string({ unit: fc.constantFrom('a', 'b', ':', '/', '*', '?'), maxLength: 8 });
/** A value either random or derived from the pattern (so matches are frequent). */
const globCaseArb = fc
  .tuple(globArb, valueArb, fillersArb, fc.boolean())
  .map(([pattern, random, fillers, derive]) => ({ pattern, value: derive ? fillGlob(pattern, fillers) : random }));

const tokenArb: fc.Arbitrary<Token> = fc.oneof(
  { arbitrary: fc.constantFrom('a', 'b', ':', '/').map((char): Token => ({ kind: 'literal', char })), weight: 3 },
  {
    arbitrary: fc.constantFrom<Token>({ kind: 'one' }, { kind: 'run' }, { kind: 'oneInSegment' }, { kind: 'runInSegment' }),
    weight: 2,
  },
);

function fillTokens(tokens: readonly Token[], fillers: readonly string[]): string {
  let out = '';
  tokens.forEach((t, k) => {
    const filler = fillers[k % fillers.length]!;
    if (t.kind === 'literal') out += t.char;
    else if (tokenIsRun(t)) out += filler;
    else out += (filler + 'a')[0];
  });
  return out;
}

const tokenCaseArb = fc
  .tuple(fc.array(tokenArb, { maxLength: 8 }), valueArb, fillersArb, fc.boolean())
  .map(([tokens, random, fillers, derive]) => ({ tokens, value: derive ? fillTokens(tokens, fillers) : random }));

/** ARN-like Resource patterns: up to six colon-separated segments; the sixth may hold variables. */
const segmentArb = fc.string({ unit: fc.constantFrom('a', 'b', '/', '*', '?'), maxLength: 3 });
const resourcePartArb = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom('a', 'b', '/', ':', '*', '?'), weight: 4 },
      { arbitrary: fc.constantFrom('${x}', '${*}', '${?}', '${$}', '${a:b}', '${}', '${', '}', '$'), weight: 1 },
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(''));
const resourcePatternArb = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.array(segmentArb, { minLength: 5, maxLength: 5 }), resourcePartArb, fc.integer({ min: 1, max: 6 }))
      .map(([segments, resource, count]) => [...segments, resource].slice(0, count).join(':')),
    weight: 4,
  },
  { arbitrary: fc.string({ unit: fc.constantFrom('a', ':', '/', '*', '?', '$', '{', '}'), maxLength: 14 }), weight: 1 },
);

/** Replaces wildcards and `${...}` groups of a Resource pattern by fillers (ignoring segments): near-miss values. */
function fillResource(pattern: string, fillers: readonly string[]): string {
  let k = 0;
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const filler = fillers[k++ % fillers.length]!;
    const c = pattern[i]!;
    if (c === '$' && pattern[i + 1] === '{' && pattern.indexOf('}', i) !== -1) {
      const close = pattern.indexOf('}', i);
      const name = pattern.slice(i + 2, close);
      out += name === '*' || name === '?' || name === '$' ? name : k % 3 === 0 ? pattern.slice(i, close + 1) : filler;
      i = close;
    } else out += c === '*' ? filler : c === '?' ? (filler + 'a')[0] : c;
  }
  return out;
}

const resourceCaseArb = fc
  .tuple(
    resourcePatternArb,
    fc.string({ unit: fc.constantFrom('a', 'b', ':', '/', '*', '?', '$', '{', '}'), maxLength: 14 }),
    fillersArb,
    fc.boolean(),
  )
  .map(([pattern, random, fillers, derive]) => ({ pattern, value: derive ? fillResource(pattern, fillers) : random }));

/** Random case flips. */
function recase(text: string, flips: readonly boolean[]): string {
  return text
    .split('')
    .map((c, i) => (flips[i % Math.max(1, flips.length)] ? c.toUpperCase() : c.toLowerCase()))
    .join('');
}

/** Counts how often a boolean property saw each outcome (reported, to show the tests are not vacuous). */
function tally(): { add: (b: boolean) => void; text: () => string } {
  let yes = 0;
  let no = 0;
  return { add: (b) => (b ? yes++ : no++), text: () => `${yes} match / ${no} no match` };
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('pattern engine (property-based, brute-force oracles)', () => {
  describe('matchTokens', () => {
    it('compileGlob + matchTokens agrees with a recursive glob matcher', () => {
      const t = tally();
      fc.assert(
        fc.property(globCaseArb, ({ pattern, value }) => {
          const expected = globOracle(pattern, value);
          t.add(expected);
          assert.equal(matchTokens(compileGlob(pattern), value), expected);
        }),
        { numRuns: 2000 },
      );
      assert.ok(!t.text().startsWith('0 '), t.text());
    });

    it('matchTokens agrees with a DP matcher on arbitrary token sequences (incl. segment tokens)', () => {
      fc.assert(
        fc.property(tokenCaseArb, ({ tokens, value }) => {
          assert.equal(matchTokens(tokens, value), tokenOracle(tokens, value));
        }),
        { numRuns: 2000 },
      );
    });

    it('the DP oracle agrees with the recursive glob oracle on plain globs (oracle self-check)', () => {
      fc.assert(
        fc.property(globCaseArb, ({ pattern, value }) => {
          const tokens: Token[] = pattern
            .split('')
            .map((c) => (c === '*' ? { kind: 'run' } : c === '?' ? { kind: 'one' } : { kind: 'literal', char: c }));
          assert.equal(tokenOracle(tokens, value), globOracle(pattern, value));
          assert.equal(greedyGlob(pattern, value), globOracle(pattern, value));
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('compileResourcePattern', () => {
    it("mode 'wildcard' agrees with the segment-wise regex oracle (tokens and hasVariables)", () => {
      const t = tally();
      fc.assert(
        fc.property(resourceCaseArb, ({ pattern, value }) => {
          const compiled = compileResourcePattern(pattern, { variables: 'wildcard' });
          const oracle = resourceOracle(pattern, 'wildcard');
          const expected = oracle.re.test(value);
          t.add(expected);
          assert.equal(matchTokens(compiled.tokens, value), expected);
          assert.equal(compiled.hasVariables, oracle.hasVariables);
        }),
        { numRuns: 2000 },
      );
      assert.ok(!t.text().startsWith('0 '), t.text());
    });

    it('the default mode is wildcard', () => {
      fc.assert(
        fc.property(resourceCaseArb, ({ pattern, value }) => {
          assert.equal(
            matchTokens(compileResourcePattern(pattern).tokens, value),
            matchTokens(compileResourcePattern(pattern, { variables: 'wildcard' }).tokens, value),
          );
        }),
        { numRuns: RUNS },
      );
    });

    it("mode 'literal' agrees with the oracle on patterns without escapes", () => {
      fc.assert(
        fc.property(
          resourceCaseArb.filter(({ pattern }) => !/\$\{[*?$]\}/.test(pattern)),
          ({ pattern, value }) => {
            const compiled = compileResourcePattern(pattern, { variables: 'literal' });
            assert.equal(matchTokens(compiled.tokens, value), resourceOracle(pattern, 'literal').re.test(value));
            assert.equal(compiled.hasVariables, false);
          },
        ),
        { numRuns: RUNS },
      );
    });

    // in mode 'literal' nothing is substituted: an "escape" such as `${*}` is `$`, `{`, a wildcard, `}`.
    it("mode 'literal' agrees with the oracle on all patterns, escapes included", () => {
      fc.assert(
        fc.property(resourceCaseArb, ({ pattern, value }) => {
          const compiled = compileResourcePattern(pattern, { variables: 'literal' });
          assert.equal(matchTokens(compiled.tokens, value), resourceOracle(pattern, 'literal').re.test(value));
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('compileArnTemplate / compileExampleArn', () => {
    const formatArb = fc
      .array(
        fc.constantFrom('arn', ':', 'a', '/', '-', '${Partition}', '${Region}', '${Account}', '${Name}', '${ObjectName}', '${', '}'),
        { maxLength: 8 },
      )
      .map((parts) => parts.join(''));
    const fillTemplate = (format: string, fillers: readonly string[], useExamples: boolean[]): string => {
      let k = 0;
      return format.replace(/\$\{([A-Za-z0-9]+)\}/g, (_, name: string) => {
        const i = k++;
        if (useExamples[i % useExamples.length] && EXAMPLES[name]) return EXAMPLES[name];
        return fillers[i % fillers.length]!;
      });
    };
    const caseArb = fc
      .tuple(
        formatArb,
        fc.boolean(),
        fillersArb,
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        fc.string({ unit: fc.constantFrom('a', ':', '/', '-', 'w', 's'), maxLength: 10 }),
        fc.boolean(),
      )
      .map(([format, colon, fillers, useExamples, random, derive]) => ({
        format,
        colonAllowed: colon ? ['ObjectName'] : [],
        value: derive ? fillTemplate(format, fillers, useExamples) : random,
      }));

    it('compileArnTemplate agrees with a regex oracle; compileExampleArn too, and is a subset', () => {
      fc.assert(
        fc.property(caseArb, ({ format, colonAllowed, value }) => {
          const template = matchTokens(compileArnTemplate(format, colonAllowed), value);
          const example = matchTokens(compileExampleArn(format, colonAllowed), value);
          assert.equal(template, templateOracle(format, colonAllowed, false).test(value));
          assert.equal(example, templateOracle(format, colonAllowed, true).test(value));
          if (example) assert.ok(template, `example ARN ${value} not in template ${format}`);
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('overlaps', () => {
    it('agrees with findWitness on whether the patterns intersect', () => {
      fc.assert(
        fc.property(fc.array(fc.array(tokenArb, { maxLength: 6 }), { minLength: 1, maxLength: 3 }), (patterns) => {
          const expected = findWitness(patterns).kind !== 'none';
          assert.equal(overlaps(patterns), expected, `overlaps disagrees with findWitness on ${JSON.stringify(patterns)}`);
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('findWitness', () => {
    const ALPHABET = ['a', 'b', ':', '/', 'z']; // 'z' occurs in no generated pattern: stands for all other characters
    const patternsArb = fc.record({
      include: fc.array(fc.array(tokenArb, { maxLength: 5 }), { minLength: 1, maxLength: 2 }),
      exclude: fc.array(fc.array(tokenArb, { maxLength: 5 }), { maxLength: 2 }),
    });
    const bound = (ps: readonly (readonly Token[])[]): number => ps.reduce((n, p) => n + p.length, 0) + 2;

    it('a witness matches every include and no exclude, is shortest; none is confirmed by exhaustive enumeration', () => {
      const kinds = { witness: 0, none: 0, unknown: 0 };
      fc.assert(
        fc.property(patternsArb, ({ include, exclude }) => {
          const result = findWitness(include, exclude, 1_000_000);
          kinds[result.kind]++;
          assert.notEqual(result.kind, 'unknown');
          const oracle = oracleShortest(include, exclude, ALPHABET, bound([...include, ...exclude]));
          if (result.kind === 'witness') {
            for (const p of include) assert.ok(tokenOracle(p, result.value), `witness ${JSON.stringify(result.value)} misses an include`);
            for (const p of exclude) assert.ok(!tokenOracle(p, result.value), `witness ${JSON.stringify(result.value)} hits an exclude`);
            assert.deepEqual(oracle, { length: result.value.length }, 'not a shortest witness');
          } else {
            assert.ok('none' in oracle, `findWitness said none, enumeration found length ${JSON.stringify(oracle)}`);
          }
        }),
        { numRuns: 2000 },
      );
      assert.ok(kinds.witness > 0 && kinds.none > 0, JSON.stringify(kinds));
    });

    it('"none" holds under plain bounded enumeration (sum of pattern lengths + 2, no fixpoint shortcut)', () => {
      // Independent of the fixpoint argument above: literally every string up to the bound over the
      // alphabet (plus one fresh character) is tried against the oracle, for patterns small enough.
      const small = fc.record({
        include: fc.array(fc.array(tokenArb, { maxLength: 3 }), { minLength: 1, maxLength: 2 }),
        exclude: fc.array(fc.array(tokenArb, { maxLength: 3 }), { maxLength: 1 }),
      });
      fc.assert(
        fc.property(small, ({ include, exclude }) => {
          const result = findWitness(include, exclude, 1_000_000);
          if (result.kind !== 'none') return;
          const limit = Math.min(bound([...include, ...exclude]), 6);
          const ok = (s: string): boolean => include.every((p) => tokenOracle(p, s)) && !exclude.some((p) => tokenOracle(p, s));
          const visit = (s: string): void => {
            assert.ok(!ok(s), `findWitness said none but ${JSON.stringify(s)} is a witness`);
            if (s.length < limit) for (const c of ALPHABET) visit(s + c);
          };
          visit('');
        }),
        { numRuns: 200 },
      );
    });

    it('with a small budget the answer is unknown or agrees with the unbounded answer', () => {
      fc.assert(
        fc.property(patternsArb, fc.integer({ min: 1, max: 40 }), ({ include, exclude }, budget) => {
          const small = findWitness(include, exclude, budget);
          if (small.kind === 'unknown') return;
          const full = findWitness(include, exclude, 1_000_000);
          assert.equal(small.kind, full.kind);
          if (small.kind === 'witness' && full.kind === 'witness') assert.equal(small.value.length, full.value.length);
        }),
        { numRuns: RUNS },
      );
    });

    it('works on compiled globs too (witness validity via the recursive glob oracle)', () => {
      fc.assert(
        fc.property(
          fc.array(globArb.filter((p) => p.length <= 5), { minLength: 1, maxLength: 2 }),
          fc.array(globArb.filter((p) => p.length <= 5), { maxLength: 2 }),
          (include, exclude) => {
            const result = findWitness(include.map((p) => compileGlob(p)), exclude.map((p) => compileGlob(p)), 1_000_000);
            assert.notEqual(result.kind, 'unknown');
            if (result.kind === 'witness') {
              for (const p of include) assert.ok(globOracle(p, result.value), `witness ${result.value} misses include ${p}`);
              for (const p of exclude) assert.ok(!globOracle(p, result.value), `witness ${result.value} hits exclude ${p}`);
            }
          },
        ),
        { numRuns: RUNS },
      );
    });
  });

  describe('actionMatches', () => {
    const actionPatternArb = fc.string({ unit: fc.constantFrom('a', 'B', 's', ':', '3', '*', '?'), maxLength: 8 });
    const actionArb = fc.string({ unit: fc.constantFrom('a', 'b', 'S', ':', '3'), maxLength: 10 });
    const flipsArb = fc.array(fc.boolean(), { minLength: 1, maxLength: 10 });

    it('equals the glob oracle on lower-cased inputs and is invariant under case changes of either side', () => {
      fc.assert(
        fc.property(actionPatternArb, actionArb, flipsArb, flipsArb, fillersArb, fc.boolean(), (p, a, f1, f2, fillers, derive) => {
          const action = derive ? fillGlob(p, fillers.map((s) => s.replace(/\//g, 's'))) : a;
          const expected = globOracle(p.toLowerCase(), action.toLowerCase());
          assert.equal(actionMatches(p, action), expected);
          assert.equal(actionMatches(recase(p, f1), recase(action, f2)), expected);
        }),
        { numRuns: 2000 },
      );
    });
  });

  // -------------------------------------------------------------------------------------------
  // Hand-checked examples
  // -------------------------------------------------------------------------------------------

  describe('examples', () => {
    const res = (pattern: string, value: string, variables: 'wildcard' | 'literal' = 'wildcard'): boolean =>
      matchTokens(compileResourcePattern(pattern, { variables }).tokens, value);
    // explicit messages: a bare assert.ok failure makes node re-parse the source, which took ~12 s here
    const check = (expected: boolean) => (pattern: string, value: string, variables: 'wildcard' | 'literal' = 'wildcard'): void =>
      assert.equal(res(pattern, value, variables), expected, `${pattern} (${variables}) vs ${value}: expected ${expected}`);
    const yes = check(true);
    const no = check(false);

    it('Resource patterns', () => {
      // resource-part `*` crosses `/`
      yes('arn:aws:s3:::b/*', 'arn:aws:s3:::b/a/b');
      // resource-part `*` crosses `:` too
      yes('arn:aws:s3:::b/*', 'arn:aws:s3:::b/a:b');
      // `*` may be empty: b/ + '' + /test/ + x
      yes('arn:aws:s3:::b/*/test/*', 'arn:aws:s3:::b//test/x');
      // `?` in the partition segment is one non-colon character: `aw?` needs 3 chars before the colon
      no('arn:aw?:s3:::x', 'arn:a:s:s3:::x');
      yes('arn:aw?:s3:::x', 'arn:aws:s3:::x');
      // a mid-segment `*` stays in the segment: s*3 cannot match `s:3`
      no('arn:aws:s*3:::x', 'arn:aws:s:3:::x');
      yes('arn:aws:s*3:::x', 'arn:aws:sxx3:::x');
      // a `*` ending a segment may run past the colon: `s3*` eats `s3:us-east-1`
      yes('arn:aws:s3*:::x', 'arn:aws:s3:us-east-1:::x');
      // `*` alone matches every resource, even the empty string
      yes('*', 'arn:aws:s3:::anything/at:all');
      yes('*', '');
      // no wildcard: exact, case-sensitive
      no('arn:aws:s3:::B', 'arn:aws:s3:::b');
      // a policy variable is a `*` in wildcard mode, literal text in literal mode
      yes('arn:aws:s3:::${aws:username}/*', 'arn:aws:s3:::alice/x');
      assert.equal(compileResourcePattern('arn:aws:s3:::${aws:username}/*').hasVariables, true);
      no('arn:aws:s3:::${aws:username}/*', 'arn:aws:s3:::alice/x', 'literal');
      yes('arn:aws:s3:::${aws:username}/*', 'arn:aws:s3:::${aws:username}/x', 'literal');
      // escapes are the literal characters (wildcard mode)
      yes('arn:aws:s3:::a${*}b', 'arn:aws:s3:::a*b');
      no('arn:aws:s3:::a${*}b', 'arn:aws:s3:::axb');
      yes('arn:aws:s3:::a${?}', 'arn:aws:s3:::a?');
      no('arn:aws:s3:::a${?}', 'arn:aws:s3:::ax');
      yes('arn:aws:s3:::a${$}{x}', 'arn:aws:s3:::a${x}');
      assert.equal(compileResourcePattern('arn:aws:s3:::a${*}').hasVariables, false);
      // a variable before the 5th colon is not substituted by IAM: an unknown span inside its segment,
      // whose own colon does not split segments
      assert.equal(compileResourcePattern('arn:aws:${x}:::a').hasVariables, true);
      yes('arn:aws:logs:*:${aws:PrincipalAccount}:log-group:*', 'arn:aws:logs:us-east-1:123456789012:log-group:x');
      no('arn:aws:logs:us-east-1:${aws:PrincipalAccount}:log-group:*', 'arn:aws:logs:us-east-1:1:2:log-group:x');
    });

    it("mode 'literal' processes no variables: `${*}` keeps its wildcard", () => {
      yes('arn:aws:s3:::a${*}b', 'arn:aws:s3:::a${xyz}b', 'literal');
      no('arn:aws:s3:::a${*}b', 'arn:aws:s3:::a*b', 'literal');
    });

    it('actions', () => {
      assert.equal(actionMatches('s3:Get*', 'S3:GETOBJECT'), true);
      assert.equal(actionMatches('S3:GET*', 's3:getobject'), true);
      assert.equal(actionMatches('ec2:Describe?pcs', 'ec2:DescribeVpcs'), true);
      assert.equal(actionMatches('iam:PassRole', 'iam:PassRoles'), false);
      assert.equal(actionMatches('*', 'anything:AtAll'), true);
    });

    it('witnesses', () => {
      // shortest: the include's `*` left empty, which avoids the exclude's required `x`
      assert.deepEqual(
        findWitness([compileResourcePattern('arn:aws:s3:::b/*').tokens], [compileResourcePattern('arn:aws:s3:::b/x*').tokens]),
        { kind: 'witness', value: 'arn:aws:s3:::b/' },
      );
      // everything `a*` matches is excluded by `*`
      assert.deepEqual(findWitness([compileGlob('a*')], [compileGlob('*')]), { kind: 'none' });
      // `a?` vs `a*` minus `a`: needs two characters
      const w = findWitness([compileGlob('a*')], [compileGlob('a')]);
      assert.ok(w.kind === 'witness' && w.value.length === 2 && w.value[0] === 'a', JSON.stringify(w));
      // segment `?` cannot be `:`, so `:` (which `?` matches) is a witness of one-not-oneInSegment
      assert.deepEqual(findWitness([[{ kind: 'one' }]], [[{ kind: 'oneInSegment' }]]), { kind: 'witness', value: ':' });
    });
  });

  // -------------------------------------------------------------------------------------------
  // Pathological size
  // -------------------------------------------------------------------------------------------

  describe('pathological size', () => {
    it('matchTokens: 10,000-char pattern with 303 stars vs a 10,000-char string completes correctly', () => {
      // `*` + 32 `a`s, 303 times, then `a` (10,000 chars): matches any run of at least 9,697 `a`s.
      // Every star stays live, so the NFA state set grows to thousands of indexes.
      const pattern = ('*' + 'a'.repeat(32)).repeat(303) + 'a';
      const value = 'a'.repeat(10_000);
      assert.equal(pattern.length, 10_000);
      assert.equal(pattern.split('*').length - 1, 303);
      const expected = greedyGlob(pattern, value);
      assert.equal(expected, true);
      const t0 = performance.now();
      const actual = matchTokens(compileGlob(pattern), value);
      const ms = performance.now() - t0;
      console.log(`      pathological matchTokens: ${ms.toFixed(0)} ms`);
      assert.equal(actual, expected);
    });

    it('findWitness: a 10,000-character literal ARN minus a prefix pattern is its own witness', () => {
      // The search stores only active positions per state, so a long literal is one chain of
      // single-position states (a bit-set state would be 313 words here, stepped and stored per state).
      const arn = `arn:aws:logs:us-east-1:123456789012:log-group:${'a'.repeat(10_000)}`;
      const include = compileResourcePattern(arn).tokens;
      const exclude = compileResourcePattern('arn:aws:logs:*:*:log-group:/aws/sagemaker/*').tokens;
      assert.deepEqual(findWitness([include], [exclude]), { kind: 'witness', value: arn });
      assert.deepEqual(findWitness([include], [compileResourcePattern('arn:aws:logs:*:*:log-group:a*').tokens]), { kind: 'none' });
    });
  });
});
