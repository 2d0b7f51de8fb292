import assert from 'node:assert/strict';
import { ConfigError, Engine, type Plugin } from '@iamscope/core';
import invalidEffect from '../../src/rules/invalid-effect.js';

// A plugin with one rule (core's invalid-effect under another namespace) and two shared configs.
const plugin: Plugin = {
  meta: { name: 'test-pack', version: '0.0.0', namespace: 'tp' },
  rules: { effect: invalidEffect },
  configs: { recommended: { rules: { 'tp/effect': 'note' } }, strict: { rules: { 'tp/effect': 'error' } } },
};
const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}';
const levels = (config: object) =>
  new Engine({ plugins: [plugin], config })
    .lintText(policy, 'p.json')
    .results.filter((r) => r.ruleId === 'tp/effect')
    .map((r) => r.level);

describe('config extends: shared plugin configs', () => {
  it('applies the recommended config by default, a named one over it, and "rules" over both', () => {
    assert.deepEqual(levels({}), ['note']);
    assert.deepEqual(levels({ extends: ['tp/strict'] }), ['error']);
    assert.deepEqual(levels({ extends: ['tp/strict'], rules: { 'tp/effect': 'warning' } }), ['warning']);
    assert.deepEqual(levels({ extends: ['tp/strict', 'tp/recommended'] }), ['note']);
  });

  it('rejects an unknown shared config with its JSON path and the available names', () => {
    assert.throws(
      () => new Engine({ plugins: [plugin], config: { extends: ['tp/recommended', 'tp/lenient'] } }),
      (e: unknown) => e instanceof ConfigError && e.path === '/extends/1' && /tp\/recommended, tp\/strict/.test(e.message),
    );
    assert.throws(() => new Engine({ plugins: [plugin], config: { extends: ['strict'] } }), (e: unknown) => e instanceof ConfigError && e.path === '/extends/0');
  });
});
