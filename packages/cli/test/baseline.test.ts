import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from './run-cli.js';

interface JsonReport {
  baselined?: number;
  results: { ruleId: string; file: string; line: number; fingerprint: string }[];
  notifications: { code: string; level: string; file?: string; message: string }[];
}

/** A fresh project folder holding a copy of the JSON policy fixtures (fixtures/seed and fixtures/grammar). */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamscope-baseline-'));
  for (const folder of ['seed', 'grammar']) cpSync(join(ROOT, 'fixtures', folder), join(dir, 'fixtures', folder), { recursive: true });
  return dir;
}

const TYPOS = 'fixtures/seed/bad/data-scientist-typos.json';

describe('baselines (end to end)', () => {
  it('a baseline of the fixtures makes the next scan exit 0; a new finding then exits 1', () => {
    const dir = project();
    const made = runCli(['baseline', 'fixtures'], { cwd: dir });
    assert.equal(made.code, 0, made.stderr);
    // 12 findings in seed/bad (see README) and 7 in grammar/ (6 grammar findings and ml/s3-scope on legacy-version.json)
    assert.equal(made.stdout, 'Wrote 24 findings to .iamscope-baseline.json (0 with a justification); scans now report only new findings.\n');
    const file = JSON.parse(readFileSync(join(dir, '.iamscope-baseline.json'), 'utf8'));
    assert.equal(file.version, 1);
    assert.deepEqual(Object.keys(file.entries[0]), ['fingerprint', 'rule', 'file', 'message', 'justification']);
    assert.ok(file.entries.some((e: any) => e.rule === 'invalid-effect' && e.file === TYPOS && e.justification === ''));

    const clean = runCli(['scan', '.'], { cwd: dir });
    assert.equal(clean.code, 0, clean.stdout);
    // the baseline file itself is not scanned: 11 fixture files
    assert.match(clean.stdout, /✔ 0 problems \(0 errors, 0 warnings, 0 notes\); 24 baselined; 12 files read, 10 policies checked\./);

    writeFileSync(join(dir, 'fixtures/new.json'), '{"Version":"2012-10-17","Statement":{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}}');
    const dirty = runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    assert.equal(dirty.code, 1);
    const report = JSON.parse(dirty.stdout) as JsonReport;
    assert.deepEqual(report.results.map((r) => `${r.ruleId} ${r.file}:${r.line}`), ['invalid-effect fixtures/new.json:1']);
    assert.equal(report.baselined, 24);
  });

  it('keeps matching after lines are inserted above a finding (same fingerprints)', () => {
    const dir = project();
    const before = JSON.parse(runCli(['scan', TYPOS, '--format', 'json', '--no-baseline'], { cwd: dir }).stdout) as JsonReport;
    assert.equal(runCli(['baseline', TYPOS], { cwd: dir }).code, 0);
    const text = readFileSync(join(dir, TYPOS), 'utf8');
    writeFileSync(join(dir, TYPOS), text.replace('"Statement": [', '"Statement": [\n\n\n'));
    const after = JSON.parse(runCli(['scan', TYPOS, '--format', 'json', '--no-baseline'], { cwd: dir }).stdout) as JsonReport;
    // invalid-effect, conflicting-elements, duplicate-key and ml/s3-scope (the second Resource, "*"); three lines inserted above
    assert.deepEqual(before.results.map((r) => r.line), [6, 14, 15, 16]);
    assert.deepEqual(after.results.map((r) => r.line), [9, 17, 18, 19]);
    assert.deepEqual(after.results.map((r) => r.fingerprint), before.results.map((r) => r.fingerprint));
    const scan = runCli(['scan', TYPOS], { cwd: dir });
    assert.equal(scan.code, 0, scan.stdout);
    assert.match(scan.stdout, /0 problems .*; 4 baselined;/);
  });

  it('reports entries that match no finding of a scanned file as stale notifications, not failures', () => {
    const dir = project();
    runCli(['baseline', 'fixtures'], { cwd: dir });
    const text = readFileSync(join(dir, TYPOS), 'utf8');
    writeFileSync(join(dir, TYPOS), text.replace('"allow"', '"Allow"'));
    const scan = runCli(['scan', 'fixtures', '--format', 'json'], { cwd: dir });
    assert.equal(scan.code, 0);
    const report = JSON.parse(scan.stdout) as JsonReport;
    assert.deepEqual(report.results, []);
    assert.equal(report.baselined, 23);
    assert.deepEqual(report.notifications.map((n) => [n.code, n.level, n.file]), [['STALE_BASELINE_ENTRY', 'warning', TYPOS]]);
    assert.match(report.notifications[0]!.message, /^Stale baseline entry [0-9a-f]{16}:1 \(invalid-effect\): no finding matches it any more; remove it from \.iamscope-baseline\.json\.$/);
    // a scan of other files says nothing about the entries of files it did not read
    assert.deepEqual((JSON.parse(runCli(['scan', 'fixtures/grammar', '--format', 'json'], { cwd: dir }).stdout) as JsonReport).notifications, []);
  });

  it('keeps justifications and the entries of files outside the scan when rewritten', () => {
    const dir = project();
    runCli(['baseline', 'fixtures'], { cwd: dir });
    const path = join(dir, '.iamscope-baseline.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    for (const e of file.entries) e.justification = `accepted: ${e.rule}`;
    writeFileSync(path, JSON.stringify(file));
    const again = runCli(['baseline', 'fixtures/seed'], { cwd: dir });
    // seed's 12 entries rewritten (justifications kept) plus grammar's 7 left alone
    assert.equal(again.stdout, 'Wrote 24 findings to .iamscope-baseline.json (24 with a justification); scans now report only new findings.\n');
    const rewritten = JSON.parse(readFileSync(path, 'utf8'));
    assert.deepEqual(rewritten.entries.map((e: any) => e.justification), file.entries.map((e: any) => `accepted: ${e.rule}`));
  });

  it('is found in the configuration folder, and chosen or turned off with --baseline / --no-baseline', () => {
    const dir = project();
    writeFileSync(join(dir, 'iamscope.config.json'), '{}');
    mkdirSync(join(dir, 'sub'));
    assert.equal(runCli(['baseline', 'fixtures/seed', '-o', 'seed-baseline.json'], { cwd: dir }).code, 0);
    runCli(['baseline', 'fixtures/seed'], { cwd: dir });
    // from sub/, the baseline next to the configuration file applies; its paths are relative to that folder
    assert.equal(runCli(['scan', '../fixtures/seed'], { cwd: join(dir, 'sub') }).code, 0);
    assert.equal(runCli(['scan', '../fixtures/seed', '--no-baseline'], { cwd: join(dir, 'sub') }).code, 1);
    assert.equal(runCli(['scan', '../fixtures/seed', '--baseline', '../seed-baseline.json'], { cwd: join(dir, 'sub') }).code, 0);
  });

  it('exits 2 with one line for a missing or invalid baseline file', () => {
    const dir = project();
    const missing = runCli(['scan', 'fixtures', '--baseline', 'nope.json'], { cwd: dir });
    assert.deepEqual([missing.code, missing.stderr], [2, 'iamscope: Cannot read baseline nope.json: ENOENT.\n']);
    writeFileSync(join(dir, 'bad.json'), '{\n  "version": 1,\n  "entries": [}\n');
    const invalid = runCli(['scan', 'fixtures', '--baseline', 'bad.json'], { cwd: dir });
    // line 3: two spaces, `"entries"` (columns 3-11), `:` 12, space 13, `[` 14, then `}` at column 15
    assert.deepEqual([invalid.code, invalid.stderr], [2, 'iamscope: Invalid baseline bad.json:3:15: Invalid JSON: Unexpected "}".\n']);
    writeFileSync(join(dir, 'shape.json'), '{"version": 1, "entries": [{"fingerprint": 3}]}');
    const shape = runCli(['scan', 'fixtures', '--baseline', 'shape.json'], { cwd: dir });
    assert.deepEqual([shape.code, shape.stderr], [2, 'iamscope: Invalid baseline shape.json: /entries/0/fingerprint must be a string.\n']);
  });
});
