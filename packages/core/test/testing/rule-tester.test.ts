import assert from 'node:assert/strict';
import type { Rule } from '@iamscope/core';
import { RuleTester } from '@iamscope/core/testing';

/** Runs a RuleTester suite with stub describe/it and returns each case's outcome. */
function outcomes(rule: Rule<any>, tests: Parameters<RuleTester['run']>[2]): Map<string, string> {
  const found = new Map<string, string>();
  const { describe: d, it: i } = RuleTester;
  RuleTester.describe = (_name, fn) => fn();
  RuleTester.it = (name, fn) => {
    try {
      fn();
      found.set(name, 'pass');
    } catch (error) {
      found.set(name, (error as Error).message.split('\n')[0]!);
    }
  };
  try {
    new RuleTester().run('test/probe', rule, tests);
  } finally {
    RuleTester.describe = d;
    RuleTester.it = i;
  }
  return found;
}

const base = {
  type: 'problem' as const,
  docs: { description: 'Probe.', details: 'Probe.', url: 'https://example.com' },
  defaultLevel: 'error' as const,
  recommended: false,
  messages: { hit: 'Hit {{what}}.' },
};
const CODE = `{ "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }] }`;

describe('RuleTester', () => {
  it('fails a case whose rule mutates the AST', () => {
    // strict mode, as in a real plugin module (mocha loads this test file as sloppy-mode CommonJS,
    // where a write to a frozen object is silently ignored).
    const mutate = (node: object): void => {
      'use strict';
      (node as { value: string }).value = 'x';
    };
    const mutating: Rule = { name: 'probe', meta: base, create: () => ({ Action: mutate }) };
    const result = outcomes(mutating, { valid: [{ name: 'mutates', code: CODE }], invalid: [] });
    assert.match(result.get('mutates')!, /must not crash/);
  });

  it('fails on unknown messageIds, missing positions, unfilled placeholders and zero errors', () => {
    const reporting: Rule = { name: 'probe', meta: base, create: (c) => ({ Action: (node) => c.report({ node, messageId: 'hit' }) }) };
    const result = outcomes(reporting, {
      valid: [],
      invalid: [
        { name: 'unknown id', code: CODE, errors: [{ messageId: 'nope', line: 1, column: 49, endLine: 1, endColumn: 52 }] },
        { name: 'no errors', code: CODE, errors: [] },
        { name: 'placeholder', code: CODE, errors: [{ messageId: 'hit', line: 1, column: 49, endLine: 1, endColumn: 52 }] },
        { name: 'missing end', code: CODE, errors: [{ messageId: 'hit', line: 1, column: 49 } as never] },
      ],
    });
    assert.match(result.get('unknown id')!, /not in meta\.messages/);
    assert.match(result.get('no errors')!, /at least one expected error/);
    assert.match(result.get('placeholder')!, /unfilled placeholder/);
    assert.match(result.get('missing end')!, /needs endLine/);
  });

  it('fails on duplicate case names', () => {
    const quiet: Rule = { name: 'probe', meta: base, create: () => ({}) };
    const result = outcomes(quiet, { valid: [{ name: 'same', code: CODE }, { name: 'same', code: CODE }], invalid: [] });
    assert.match(result.get('has unique case names')!, /duplicate case name "same"/);
  });
});
