import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { compareResults, type Engine, type FileReport, type Result } from '@iamscope/core';
import { checkGroup, type EngineSpec } from './engine-host.js';
import type { FoundFile } from './find-files.js';

/** From this many files on, the scan is spread over worker threads. */
export const PARALLEL_THRESHOLD = 400;
/** Groups sent to a worker at a time. */
const BATCH = 32;

/**
 * Splits the files into the groups the engine reads together: the `.tf` files of one folder (a
 * Terraform module) form one group; every other file is a group of its own.
 * @param files files in report order
 * @returns groups in the order of their first file
 */
export function groupFiles(files: readonly FoundFile[]): FoundFile[][] {
  const groups: FoundFile[][] = [];
  const modules = new Map<string, FoundFile[]>();
  for (const file of files) {
    if (!file.relative.toLowerCase().endsWith('.tf')) {
      groups.push([file]);
      continue;
    }
    const folder = file.relative.includes('/') ? file.relative.slice(0, file.relative.lastIndexOf('/')) : '.';
    const group = modules.get(folder);
    if (group) group.push(file);
    else {
      const created = [file];
      modules.set(folder, created);
      groups.push(created);
    }
  }
  return groups;
}

/**
 * Checks files, in this thread or, for large scans on machines with several cores, in
 * `availableParallelism()` worker threads (each builds its engine once and takes batches of
 * 32 groups, see {@link groupFiles}).
 * @param files files to check
 * @param engine this thread's engine (used when the scan stays in this thread)
 * @param spec how workers build their engines
 * @param jobs thread count; default: 1 below {@link PARALLEL_THRESHOLD} files, else the core count
 * @returns one report per file, sorted by path: the files, and the files Terraform modules read
 *   through `file()`/`templatefile()`
 */
export async function scanFiles(files: FoundFile[], engine: Engine, spec: EngineSpec, jobs?: number): Promise<FileReport[]> {
  const threads = jobs ?? (files.length >= PARALLEL_THRESHOLD ? Math.min(availableParallelism(), 8) : 1);
  const groups = groupFiles(files);
  const reports = threads <= 1 ? groups.flatMap((group) => checkGroup(engine, group)) : await inWorkers(groups, spec, threads);
  return mergeByFile(reports).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Identity of a result within its file, to drop the copy a second check of the same policy finds. */
function resultKey(result: Result): string {
  return `${result.ruleId} ${result.loc.start.offset} ${result.loc.end.offset} ${result.message}`;
}

/**
 * Joins the reports of one file: a policy file scanned on its own and also read by a Terraform
 * module's `file()` (or by two modules) is reported once, each distinct result once.
 * @param reports reports in any order, possibly several per file
 * @returns one report per file (policies counted per check)
 */
function mergeByFile(reports: FileReport[]): FileReport[] {
  const byFile = new Map<string, FileReport>();
  for (const report of reports) {
    const first = byFile.get(report.file);
    if (!first) {
      byFile.set(report.file, report);
      continue;
    }
    const unique = (results: Result[]) => [...new Map(results.map((r) => [resultKey(r), r])).values()];
    first.policies += report.policies;
    first.results = unique([...first.results, ...report.results]).sort(compareResults);
    if (report.suppressed) first.suppressed = unique([...(first.suppressed ?? []), ...report.suppressed]);
    first.notifications.push(...report.notifications);
  }
  return [...byFile.values()];
}

/**
 * Workers always run the compiled `dist/worker.js` with no inherited Node flags, so they use the
 * built packages even when this module runs from TypeScript sources under a loader (tests).
 */
const WORKER_URL = new URL('../dist/worker.js', import.meta.url);

async function inWorkers(files: FoundFile[][], spec: EngineSpec, threads: number): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  let next = 0;
  const run = () =>
    new Promise<void>((resolveRun, reject) => {
      const worker = new Worker(WORKER_URL, { workerData: spec, execArgv: [] });
      const send = (): void => {
        if (next >= files.length) {
          void worker.terminate().then(() => resolveRun());
          return;
        }
        worker.postMessage(files.slice(next, next + BATCH));
        next += BATCH;
      };
      worker.on('message', (message: 'ready' | FileReport[]) => {
        if (message !== 'ready') reports.push(...message);
        send();
      });
      worker.on('error', reject);
    });
  await Promise.all(Array.from({ length: threads }, run));
  return reports;
}
