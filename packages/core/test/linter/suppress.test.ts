import assert from 'node:assert/strict';
import { ConfigError, Engine } from '@iamscope/core';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Legacy", "Effect": "allow", "Action": "s3:GetObject", "Resource": "*" },
    { "Sid": "Other", "Effect": "allow", "Action": "s3:PutObject", "Resource": "*" }
  ]
}
`;

const lint = (suppressions: unknown[], matchPath = 'roles/p.json') =>
  new Engine({ config: { suppressions } }).lintText(POLICY, 'p.json', matchPath);

describe('configuration suppressions', () => {
  it('move the results of a rule in matching files to `suppressed`, with the reason', () => {
    const report = lint([{ rule: 'invalid-effect', files: ['roles/**'], reason: 'migrated in Q3' }]);
    assert.deepEqual(report.results.filter((r) => r.ruleId === 'invalid-effect'), []);
    assert.deepEqual(report.suppressed!.map((r) => [r.ruleId, r.loc.start.line, r.suppressions]), [
      ['invalid-effect', 4, [{ kind: 'external', justification: 'migrated in Q3' }]],
      ['invalid-effect', 5, [{ kind: 'external', justification: 'migrated in Q3' }]],
    ]);
  });

  it('with a sid, mute only results inside the statement with that Sid', () => {
    const report = lint([{ rule: 'invalid-effect', files: ['p.json'], sid: 'Legacy', reason: 'owned by team A' }]);
    assert.deepEqual(report.suppressed!.map((r) => r.loc.start.line), [4]);
    assert.deepEqual(report.results.filter((r) => r.ruleId === 'invalid-effect').map((r) => r.loc.start.line), [5]);
  });

  it('leave other files and other rules alone (no `suppressed` member then)', () => {
    const report = lint([{ rule: 'invalid-effect', files: ['other/**'], reason: 'x' }]);
    assert.equal(report.suppressed, undefined);
    assert.equal(report.results.filter((r) => r.ruleId === 'invalid-effect').length, 2);
    assert.equal(lint([{ rule: 'missing-version', files: ['**'], reason: 'x' }]).suppressed, undefined);
  });

  it('apply to parse errors too', () => {
    const report = new Engine({ config: { suppressions: [{ rule: 'parse-error', files: ['*.json'], reason: 'generated' }] } }).lintText('{,}', 'bad.json');
    assert.deepEqual([report.results.length, report.suppressed!.length], [0, 1]);
  });

  it('are configuration errors without a reason, with a blank reason or for an unknown rule', () => {
    const problem = (s: unknown) => {
      try {
        new Engine({ config: { suppressions: [s] } });
      } catch (error) {
        assert.ok(error instanceof ConfigError);
        return error.message;
      }
      return 'no error';
    };
    assert.equal(problem({ rule: 'invalid-effect', files: ['*'] }), "/suppressions/0: must have required property 'reason'.");
    assert.equal(problem({ rule: 'invalid-effect', files: ['*'], reason: '  ' }), '/suppressions/0/reason: must say why the results are acceptable.');
    assert.equal(problem({ rule: 'no-such-rule', files: ['*'], reason: 'x' }), '/suppressions/0/rule: unknown rule "no-such-rule" (see `iamscope rules`).');
    assert.equal(problem({ rule: 'invalid-effect', files: [], reason: 'x' }), '/suppressions/0/files: must NOT have fewer than 1 items.');
  });
});
