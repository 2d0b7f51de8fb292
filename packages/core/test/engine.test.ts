import assert from 'node:assert/strict';
import { ConfigError, Engine, formatSarif, type Plugin } from '@iamscope/core';
import { sarifProblems } from './support/sarif-validator.js';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "allow", "Action": "s3:GetObject", "Resource": "*" }]
}`;

const crashing: Plugin = {
  meta: { name: 'crash-pack', version: '1.0.0', namespace: 'crash' },
  rules: {
    boom: {
      name: 'boom',
      meta: {
        type: 'problem',
        docs: { description: 'Crash on every Action.', details: 'Test rule.', url: 'https://example.com/boom' },
        defaultLevel: 'error',
        recommended: true,
        messages: {},
      },
      create: () => ({
        Action() {
          throw new Error('kaboom');
        },
      }),
    },
  },
  configs: { recommended: { rules: { 'crash/boom': 'error' } } },
};

describe('Engine', () => {
  it('records a crashing rule as a notification, not a finding, and runs the other rules', () => {
    const report = new Engine({ plugins: [crashing] }).lintText(POLICY, 'p.json');
    assert.deepEqual(
      report.results.map((r) => r.ruleId),
      ['invalid-effect'],
    );
    assert.equal(report.notifications.length, 1);
    const n = report.notifications[0]!;
    assert.equal(n.code, 'RULE_CRASH');
    assert.equal(n.ruleId, 'crash/boom');
    // the Action value "s3:GetObject" starts at line 3, column 48 ("Action" is cols 38-45, then ": ").
    assert.equal(n.message, 'Rule "crash/boom" failed on p.json:3:48: kaboom');
    const sarif = JSON.parse(
      formatSarif(
        { files: [report], rules: new Engine({ plugins: [crashing] }).registry.all(), notifications: [], filesRead: 1, policiesChecked: 1 },
        { name: 'iamscope', version: '0.0.0', informationUri: 'https://example.com' },
      ),
    );
    assert.deepEqual(sarifProblems(sarif), []);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
    assert.equal(sarif.runs[0].invocations[0].toolExecutionNotifications[0].associatedRule.id, 'crash/boom');
  });

  it('infers the policy type, and a config override sets it', () => {
    const trust = `{"Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}`;
    const seen: string[] = [];
    const probe: Plugin = {
      meta: { name: 'probe', version: '1.0.0', namespace: 'probe' },
      rules: {
        type: {
          name: 'type',
          meta: { type: 'problem', docs: { description: 'd', details: 'd', url: 'https://example.com' }, defaultLevel: 'note', recommended: true, messages: {} },
          create: (context) => ({ Policy: (p) => void seen.push(`${p.origin.policyType}:${p.origin.policyTypeInferred}`) }),
        },
      },
      configs: { recommended: { rules: { 'probe/type': 'note' } } },
    };
    new Engine({ plugins: [probe] }).lintText(trust, 'trust.json');
    new Engine({ plugins: [probe] }).lintText(POLICY, 'id.json');
    new Engine({ plugins: [probe], config: { overrides: [{ files: ['bounds/*.json'], policyType: 'boundary' }] } }).lintText(POLICY, 'bounds/b.json');
    assert.deepEqual(seen, ['trust:true', 'identity:true', 'boundary:false']);
  });

  it('skips the positioned parse of a large JSON file that holds no policy, and still checks large policies', () => {
    const data = JSON.stringify({ annotations: Array.from({ length: 60_000 }, (_, id) => ({ id, bbox: [1, 2, 3, 4] })) });
    assert.ok(data.length > 1 << 20);
    assert.deepEqual(new Engine().lintText(data, 'data.json'), { file: 'data.json', policies: 0, results: [], notifications: [] });
    const bigPolicy = `{"Version":"2012-10-17","Statement":[${'{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},'.repeat(20_000)}{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}`;
    assert.ok(bigPolicy.length > 1 << 20);
    const report = new Engine().lintText(bigPolicy, 'big.json');
    assert.equal(report.policies, 1);
    // (the 20,000 identical statements also give redundant-statement notes and a policy-size-limit warning)
    assert.deepEqual(report.results.filter((r) => r.level === 'error').map((r) => r.ruleId), ['invalid-effect']);
  });

  it('leaves a JSONC file without a policy alone, but reports a policy with comments or trailing commas', () => {
    const tsconfig = '{\n  // strict mode\n  "compilerOptions": { "strict": true, },\n}\n';
    assert.deepEqual(new Engine().lintText(tsconfig, 'tsconfig.json'), { file: 'tsconfig.json', policies: 0, results: [], notifications: [] });
    const commented = '{\n  // read-only\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]\n}\n';
    // the comment starts at line 2, column 3
    const [error] = new Engine().lintText(commented, 'p.json').results;
    assert.deepEqual([error!.ruleId, error!.loc.start.line, error!.loc.start.column], ['parse-error', 2, 3]);
  });

  it('throws ConfigError with the JSON path of rule options the rule does not take', () => {
    assert.throws(
      () => new Engine({ config: { rules: { 'invalid-effect': ['error', { x: 1 }] } } }),
      (e: unknown) => e instanceof ConfigError && e.path === '/rules/invalid-effect/1',
    );
    assert.throws(
      () => new Engine({ config: { overrides: [{ files: [] }] } }),
      (e: unknown) => e instanceof ConfigError && e.path === '/overrides/0/files',
    );
  });
});
