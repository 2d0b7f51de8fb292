// Benchmark of `iamscope scan` on 8 copies of the AWS managed policy corpus (run after `tsc -b`).
// Prints figures and whether the targets are met; never fails on timing.
//  (a) floor: list the files with fast-glob, read and JSON.parse each, in this thread;
//  (b) the built CLI scanning the 8x folder (recommended rules, JSON report to a temp file),
//      wall time and the child's peak RSS;
//  (c) median wall time of cold one-file runs, next to a bare `node -e ""` start.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import fg from 'fast-glob';
import { BENCH_DIR, ROOT, writeBenchCopies, writeManagedCorpus } from './corpus.mjs';

const COPIES = 8;
const COLD_RUNS = 5;
const TARGET = { floorRatio: 5, rssMb: 500, coldMs: 300 };
const BIN = join(ROOT, 'packages/cli/bin/iamscope.js');
// Preloaded into the child: prints the whole process's peak RSS (KiB, all threads) on exit.
const RSS_HOOK =
  'data:text/javascript,import{isMainThread}from"node:worker_threads";' +
  'if(isMainThread)process.on("exit",()=>process.stderr.write(`\\nbench-max-rss-kib ${process.resourceUsage().maxRSS}\\n`))';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => bytes / 1024 / 1024; // MiB
const verdict = (ok) => (ok ? 'met' : 'NOT met');

/** Runs `node <args>` in the repository root; returns wall time (ms), exit status and stderr. */
function timeNode(args) {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { ms: performance.now() - start, status: child.status, stderr: child.stderr };
}

if (!existsSync(join(ROOT, 'packages/cli/dist/cli.js'))) {
  console.error('bench: packages/cli/dist is missing; run `npx tsc -b --force`.');
  process.exit(2);
}
const { total } = await writeManagedCorpus();
await writeBenchCopies(COPIES);

// (a) Floor, three times (the first also warms the page cache); the median counts.
let files = [];
let bytes = 0;
const floorRuns = [];
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  files = await fg('**/*.json', { cwd: BENCH_DIR, absolute: true });
  bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    JSON.parse(text);
  }
  floorRuns.push(performance.now() - start);
}
const floorMs = median(floorRuns);

// (b) Real scan of the 8x folder with the default thread count.
const report = join(tmpdir(), 'iamscope-bench-report.json');
const scan = timeNode(['--import', RSS_HOOK, BIN, 'scan', BENCH_DIR, '--format', 'json', '--output-file', report]);
const rssMb = Number(/bench-max-rss-kib (\d+)/.exec(scan.stderr)?.[1] ?? NaN) / 1024;
const scanned = scan.status === 0 || scan.status === 1 ? JSON.parse(readFileSync(report, 'utf8')) : undefined;

// (c) Cold one-file runs on the smallest fixture under a `good` folder, else a sample in /tmp.
const fixtures = (await fg('fixtures/**/good/**/*.json', { cwd: ROOT })).sort((a, b) => statSync(join(ROOT, a)).size - statSync(join(ROOT, b)).size);
let oneFile = fixtures[0];
if (!oneFile) {
  oneFile = join(tmpdir(), 'iamscope-bench-one.json');
  writeFileSync(oneFile, `${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }] }, null, 2)}\n`);
}
const cold = Array.from({ length: COLD_RUNS }, () => timeNode([BIN, 'scan', oneFile, '--format', 'json']));
const nodeStart = Array.from({ length: COLD_RUNS }, () => timeNode(['-e', '']).ms);

const coldMs = median(cold.map((r) => r.ms));
const ratio = scan.ms / floorMs;
const line = (label, ms) => `${label}: ${(ms / 1000).toFixed(2)} s, ${Math.round(files.length / (ms / 1000))} files/s, ${(mb(bytes) / (ms / 1000)).toFixed(1)} MiB/s`;
console.log(`corpus: ${total} managed policies x ${COPIES} = ${files.length} files, ${mb(bytes).toFixed(1)} MiB in ${BENCH_DIR}`);
console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; scan report ${report}`);
console.log(line('(a) floor (glob + read + JSON.parse, 1 thread, median of 3)', floorMs));
console.log(line('(b) iamscope scan (recommended rules, default jobs)', scan.ms));
console.log(`    exit ${scan.status}, filesRead ${scanned?.filesRead}, policiesChecked ${scanned?.policiesChecked}, results ${scanned?.results.length}, notifications ${scanned?.notifications.length}`);
if (!scanned) console.log(`    stderr: ${scan.stderr.trim()}`);
console.log(`    peak RSS ${rssMb.toFixed(0)} MiB`);
console.log(`(c) one-file cold run (${oneFile}): median ${coldMs.toFixed(0)} ms of ${COLD_RUNS} [${cold.map((r) => r.ms.toFixed(0)).join(', ')}], exit ${cold.map((r) => r.status).join(',')}; bare node start ${median(nodeStart).toFixed(0)} ms`);
console.log('targets:');
console.log(`  scan time <= ${TARGET.floorRatio}x floor: ${ratio.toFixed(1)}x, ${verdict(ratio <= TARGET.floorRatio)}`);
console.log(`  peak RSS <= ${TARGET.rssMb} MiB: ${rssMb.toFixed(0)} MiB, ${verdict(rssMb <= TARGET.rssMb)}`);
console.log(`  one-file cold <= ${TARGET.coldMs} ms: ${coldMs.toFixed(0)} ms, ${verdict(coldMs <= TARGET.coldMs)}`);
