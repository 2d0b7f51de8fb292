import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Level, Result } from '@iamscope/core';
import { sarifProblems } from '../../core/test/support/sarif-validator.js';
import { verdict } from '../src/exit-policy.js';
import { runCli } from './run-cli.js';

const result = (level: Level): Result => ({
  ruleId: 'r',
  level,
  messageId: 'm',
  message: 'm',
  file: 'p.json',
  loc: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } },
  fingerprint: '0000000000000000:1',
});

describe('exit policy', () => {
  it('fails on results at --fail-on or more severe', () => {
    const warning = [result('warning')];
    assert.deepEqual(verdict(warning, { failOn: 'error' }), { code: 0 });
    // a warning (not an error) fails the scan: the line says why, since --quiet may hide the warning
    assert.deepEqual(verdict(warning, { failOn: 'warning' }), { code: 1, message: '1 finding at --fail-on warning or above.' });
    assert.deepEqual(verdict([...warning, result('note')], { failOn: 'note' }), { code: 1, message: '2 findings at --fail-on note or above.' });
    assert.deepEqual(verdict([...warning, result('error')], { failOn: 'warning' }), { code: 1 });
    assert.deepEqual(verdict([result('note')], { failOn: 'warning' }), { code: 0 });
    assert.deepEqual(verdict([result('error')], { failOn: 'error' }), { code: 1 });
  });

  it('fails on more warnings than --max-warnings, and says so', () => {
    const two = [result('warning'), result('warning')];
    assert.deepEqual(verdict(two, { failOn: 'error', maxWarnings: 2 }), { code: 0 });
    assert.deepEqual(verdict(two, { failOn: 'error', maxWarnings: 1 }), { code: 1, message: '2 warnings exceed --max-warnings 1.' });
  });

  describe('end to end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamscope-exit-'));
    // one finding: the lower-case Effect, made a warning by the configuration
    writeFileSync(join(dir, 'iamscope.config.json'), '{"rules":{"invalid-effect":"warning"}}');
    writeFileSync(join(dir, 'p.json'), '{"Version":"2012-10-17","Statement":[{"Sid":"Old","Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}');

    it('--fail-on warning exits 1 on a warning; the default (error) exits 0', () => {
      assert.equal(runCli(['scan'], { cwd: dir }).code, 0);
      assert.equal(runCli(['scan', '--fail-on', 'warning'], { cwd: dir }).code, 1);
      assert.equal(runCli(['scan', '--fail-on', 'note'], { cwd: dir }).code, 1);
      // --quiet hides warnings from the report but not from the exit policy
      const quiet = runCli(['scan', '--fail-on', 'warning', '--quiet'], { cwd: dir });
      assert.equal(quiet.code, 1);
      assert.match(quiet.stdout, /0 problems/);
    });

    it('rejects an unknown --fail-on level with exit 2', () => {
      const { code, stderr } = runCli(['scan', '--fail-on', 'fatal'], { cwd: dir });
      assert.equal(code, 2);
      assert.match(stderr, /option '--fail-on <level>' argument 'fatal' is invalid\. expected one of error, warning, note\./);
    });

    it('does not count suppressed results, and only counts them in stylish and json output', () => {
      const suppressed = mkdtempSync(join(tmpdir(), 'iamscope-suppressed-'));
      writeFileSync(
        join(suppressed, 'iamscope.config.json'),
        '{"suppressions":[{"rule":"invalid-effect","files":["*.json"],"sid":"Old","reason":"legacy, removed in Q3"}]}',
      );
      writeFileSync(join(suppressed, 'p.json'), '{"Version":"2012-10-17","Statement":[{"Sid":"Old","Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}');
      const stylish = runCli(['scan', '--fail-on', 'note'], { cwd: suppressed });
      assert.equal(stylish.code, 0, stylish.stdout);
      // two files read: p.json and iamscope.config.json (JSON, but no policy)
      assert.equal(stylish.stdout, '✔ 0 problems (0 errors, 0 warnings, 0 notes); 1 suppressed; 2 files read, 1 policy checked.\n');
      const json = JSON.parse(runCli(['scan', '--format', 'json'], { cwd: suppressed }).stdout);
      assert.deepEqual([json.suppressed, json.results], [1, []]);
      const sarif = JSON.parse(runCli(['scan', '--format', 'sarif'], { cwd: suppressed }).stdout);
      assert.deepEqual(sarifProblems(sarif), []);
      assert.deepEqual(sarif.runs[0].results.map((r: any) => [r.ruleId, r.suppressions]), [
        ['invalid-effect', [{ kind: 'external', justification: 'legacy, removed in Q3' }]],
      ]);
    });
  });
});
