import assert from 'node:assert/strict';
import { operatorNames, parseConditionOperator } from '@iamscope/core';

// Expected values from the IAM User Guide, "Condition operators" (27 base operators, IfExists,
// ForAllValues/ForAnyValue) — iam-grammar.md §5.3–5.4.
describe('parseConditionOperator', () => {
  it('knows the 27 base operators and 53 names without a qualifier', () => {
    assert.equal(operatorNames().length, 53);
    assert.ok(!operatorNames().includes('NullIfExists'));
    assert.ok(!operatorNames().includes('BinaryNotEquals'));
  });

  it('takes a qualified IfExists name apart', () => {
    assert.deepEqual(parseConditionOperator('ForAllValues:StringNotLikeIfExists'), {
      qualifier: 'ForAllValues',
      base: 'StringNotLike',
      family: 'String',
      ifExists: true,
      negated: true,
      canonical: 'ForAllValues:StringNotLikeIfExists',
      exactCase: true,
    });
  });

  it('matches other letter cases but says so', () => {
    const parsed = parseConditionOperator('foranyvalue:stringequals');
    assert.equal(parsed?.canonical, 'ForAnyValue:StringEquals');
    assert.equal(parsed?.exactCase, false);
  });

  it('families and negation', () => {
    const cases: [string, string, boolean][] = [
      ['NotIpAddress', 'IpAddress', true],
      ['IpAddress', 'IpAddress', false],
      ['ArnNotLike', 'Arn', true],
      ['DateGreaterThanEquals', 'Date', false],
      ['NumericNotEquals', 'Numeric', true],
      ['Bool', 'Bool', false],
      ['BinaryEquals', 'Binary', false],
      ['Null', 'Null', false],
    ];
    for (const [name, family, negated] of cases) {
      const parsed = parseConditionOperator(name);
      assert.equal(parsed?.family, family, name);
      assert.equal(parsed?.negated, negated, name);
    }
  });

  it('parses NullIfExists (so a rule can reject it) and rejects unknown names', () => {
    assert.equal(parseConditionOperator('NullIfExists')?.ifExists, true);
    for (const name of ['StringEqual', 'BinaryNotEquals', 'ForAll:StringEquals', 'ForAnyValue:', 'StringEqualsIfExistsIfExists', '']) {
      assert.equal(parseConditionOperator(name), undefined, name);
    }
  });
});
