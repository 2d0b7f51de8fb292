import assert from 'node:assert/strict';
import fc from 'fast-check';
import { covers, intersects, matches, witness, type PatternKind } from '@iamscope/core';
import { globOracle, resourceOracle } from './oracles.js';

// Brute force: every string up to MAX_LENGTH over a small alphabet. A shortest string in both
// patterns (or in one and not the other) needs at most one character per non-wildcard character
// of the two patterns, plus one; cases are kept to at most six such characters.
const ALPHABET = ['a', 'B', ':', '/'];
const MAX_LENGTH = 7;
const fixed = (pattern: string) => pattern.replace(/\$\{[^}]*\}|\*/g, '').length;
const small = ([, p, q]: [PatternKind, string, string]) => fixed(p) + fixed(q) <= MAX_LENGTH - 1;
const STRINGS: string[] = [''];
for (let n = 1, layer = ['']; n <= MAX_LENGTH; n++) {
  layer = layer.flatMap((s) => ALPHABET.map((c) => s + c));
  STRINGS.push(...layer);
}

const oracle = (kind: PatternKind, pattern: string): ((value: string) => boolean) => {
  if (kind === 'action') return (value) => globOracle(pattern.toLowerCase(), value.toLowerCase());
  const { re } = resourceOracle(pattern, 'wildcard');
  return (value) => re.test(value);
};
const hasVariable = (kind: PatternKind, pattern: string) => kind === 'resource' && resourceOracle(pattern, 'wildcard').hasVariables;

const actionArb = fc.string({ unit: fc.constantFrom('a', 'A', 'B', ':', '*', '?'), maxLength: 4 });
const resourceArb = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'B', ':', '/', '*', '?'), maxLength: 4 }),
  fc.constantFrom('a:${x}', '${x}', 'a${x}B', ':::::${x}', ':::::a${x}', ':::::${x}B', '*::::a'),
);
const caseArb = fc.oneof(
  fc.tuple(fc.constant<PatternKind>('action'), actionArb, actionArb),
  fc.tuple(fc.constant<PatternKind>('resource'), resourceArb, resourceArb),
);
const RUNS = { numRuns: 200 };

describe('pattern algebra (property-based, brute-force oracle over short strings)', () => {
  it('matches: exact without variables; "may" exactly when only a variable lets it match', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...STRINGS.slice(0, 400)), ([kind, p], value) => {
        const expected = oracle(kind, p)(value) ? (hasVariable(kind, p) ? 'may' : 'yes') : 'no';
        assert.equal(matches(p, value, kind), expected);
      }),
      RUNS,
    );
  });

  it('intersects: yes/no agree with the brute force; variables give may or no', () => {
    fc.assert(
      fc.property(caseArb.filter(small), ([kind, p, q]) => {
        const [a, b] = [oracle(kind, p), oracle(kind, q)];
        const common = STRINGS.some((s) => a(s) && b(s));
        const verdict = intersects(p, q, kind);
        if (hasVariable(kind, p) || hasVariable(kind, q)) assert.equal(verdict, common ? 'may' : 'no');
        else assert.equal(verdict, common ? 'yes' : 'no');
      }),
      RUNS,
    );
  });

  it('covers: yes/no agree with the brute force; variables never give a wrong certainty', () => {
    fc.assert(
      fc.property(caseArb.filter(small), ([kind, p, q]) => {
        const [a, b] = [oracle(kind, p), oracle(kind, q)];
        const escapes = STRINGS.some((s) => b(s) && !a(s));
        const verdict = covers(p, q, kind);
        if (!hasVariable(kind, p) && !hasVariable(kind, q)) assert.equal(verdict, escapes ? 'no' : 'yes');
        else if (verdict === 'yes') assert.ok(!escapes && !hasVariable(kind, p));
        else if (verdict === 'no') assert.ok(escapes && !hasVariable(kind, q));
      }),
      RUNS,
    );
  });

  it('witness: a value in p and not in q, or none exactly when q covers p', () => {
    fc.assert(
      fc.property(caseArb.filter(small), ([kind, p, q]) => {
        const [a, b] = [oracle(kind, p), oracle(kind, q)];
        const result = witness(p, q, kind);
        if (result.kind === 'witness') {
          assert.ok(a(result.value) && !b(result.value), JSON.stringify(result));
        } else if (result.kind === 'none') {
          assert.ok(!STRINGS.some((s) => a(s) && !b(s)));
        } else {
          assert.ok(hasVariable(kind, p) || hasVariable(kind, q), 'unknown only with variables (no budget is reached here)');
        }
        if (!hasVariable(kind, p) && !hasVariable(kind, q)) assert.notEqual(result.kind, 'unknown');
      }),
      RUNS,
    );
  });
});

describe('pattern algebra: examples (worked out by hand from the IAM matching rules)', () => {
  it('actions compare case-insensitively', () => {
    assert.equal(matches('s3:Get*', 'S3:GETOBJECT', 'action'), 'yes');
    assert.equal(covers('s3:*', 's3:Get*', 'action'), 'yes');
    assert.equal(covers('s3:Get*', 's3:*', 'action'), 'no');
    assert.deepEqual(witness('s3:*', 's3:get*', 'action'), { kind: 'witness', value: 's3:' });
    assert.equal(intersects('s3:Get*', 's3:*Object', 'action'), 'yes');
    assert.equal(intersects('s3:Get*', 'ec2:*', 'action'), 'no');
  });

  it('ARN resource parts compare case-sensitively; * in the resource part crosses / and :', () => {
    assert.equal(matches('arn:aws:s3:::Finance/*', 'arn:aws:s3:::finance/x', 'resource'), 'no');
    assert.equal(matches('arn:aws:s3:::ml-*', 'arn:aws:s3:::ml-data/a/b:c', 'resource'), 'yes');
    assert.equal(covers('arn:aws:s3:::ml-*', 'arn:aws:s3:::ml-data/*', 'resource'), 'yes');
    assert.deepEqual(witness('arn:aws:s3:::finance-*', 'arn:aws:s3:::finance-x*', 'resource'), { kind: 'witness', value: 'arn:aws:s3:::finance-' });
  });

  it('a mid-segment * stays inside its segment; a segment-final * may run past the colon', () => {
    assert.equal(matches('arn:aws:iam::1*2:role/x', 'arn:aws:iam::1:9:2:role/x', 'resource'), 'no');
    assert.equal(matches('arn:aws:*:role/x', 'arn:aws:iam::123456789012:role/x', 'resource'), 'yes');
  });

  it('policy variables are unknown spans: never certain', () => {
    assert.equal(matches('arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/alice/x', 'resource'), 'may');
    assert.equal(matches('arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::other/alice/x', 'resource'), 'no');
    assert.equal(covers('arn:aws:s3:::home/*', 'arn:aws:s3:::home/${aws:username}/*', 'resource'), 'yes');
    // "home/x" is in the second pattern and in no value of the first, whatever the user name
    assert.equal(covers('arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/*', 'resource'), 'no');
    assert.equal(covers('arn:aws:s3:::home/${aws:username}', 'arn:aws:s3:::home/alice', 'resource'), 'may');
    assert.deepEqual(witness('arn:aws:s3:::home/${aws:username}', 'arn:aws:s3:::x', 'resource'), { kind: 'unknown' });
  });
});
