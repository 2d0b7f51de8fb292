import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { compareResults, loadTerraformParser, type Engine, type ScanReport } from '@iamscope/core';
import { createEngine, wasRead, type EngineSpec } from './engine-host.js';
import { findFiles, type FoundFile } from './find-files.js';
import type { CliIo } from './io.js';
import type { LoadedConfig } from './load-config.js';
import { scanFiles } from './scan.js';
import { UsageError } from './usage-error.js';

/** Options shared by the commands that scan (`scan`, `baseline`). */
export interface ScanInput {
  ignorePattern: string[];
  jobs?: number;
}

/** Files the scan must not read or must not be asked to overwrite. */
export interface ScanTargets {
  /**
   * A file the command will write (absolute; `--output-file`): left out of the scan when it holds
   * a previous iamscope report, refused when it is another scanned file.
   */
  output?: { path: string; shown: string };
  /** iamscope's own file (absolute; the baseline), left out of the scan. */
  exclude?: string;
}

/**
 * Whether a file holds a report iamscope wrote (SARIF from the iamscope driver, or the JSON
 * format), so that a repeated `scan -o report.json` leaves its own previous report out of the
 * scan instead of refusing to run.
 */
function isOwnReport(path: string): boolean {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    const runs = value['runs'] as { tool?: { driver?: { name?: unknown } } }[] | undefined;
    const sarif = value['version'] === '2.1.0' && Array.isArray(runs) && runs[0]?.tool?.driver?.name === 'iamscope';
    return sarif || (typeof value['filesRead'] === 'number' && Array.isArray(value['results']));
  } catch {
    return false;
  }
}

/** Device and inode of a file (so links to it compare equal), or undefined when it does not exist. */
function fileId(path: string): string | undefined {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? `${info.dev}:${info.ino}` : undefined;
}

/**
 * A step that adds to the offline report before it is returned (the Access Analyzer
 * cross-check): it gets the report, the engine that made it and the scanned files in report order.
 */
export type ReportExtension = (report: ScanReport, engine: Engine, files: readonly FoundFile[]) => Promise<void>;

/**
 * Finds the files under `paths`, checks them and collects the report (results sorted by position).
 * @param paths files or folders, relative to `io.cwd`
 * @param input ignore patterns and thread count
 * @param io working folder
 * @param loaded the configuration and plugins
 * @param targets the output file to protect and the file to leave out
 * @param extend a step run on the report before it is returned
 * @returns the scan report
 * @throws UsageError when the output file is one of the scanned files; ConfigError and
 *   MissingPathError as the engine and file search throw them
 */
export async function runScan(
  paths: string[],
  input: ScanInput,
  io: CliIo,
  loaded: LoadedConfig,
  targets: ScanTargets = {},
  extend?: ReportExtension,
): Promise<ScanReport> {
  const spec: EngineSpec = { pluginUrls: loaded.pluginUrls, config: loaded.config };
  const engine = await createEngine(spec, loaded.path);
  const found = await findFiles(paths, io.cwd, input.ignorePattern, loaded.path ? dirname(loaded.path) : io.cwd);
  const output = targets.output === undefined ? undefined : fileId(targets.output.path);
  // iamscope's own files are left out: the baseline, and a previous report at the output path
  const own = [targets.exclude === undefined ? undefined : fileId(targets.exclude), output !== undefined && isOwnReport(targets.output!.path) ? output : undefined];
  const files = found.files.filter((f) => !own.includes(fileId(f.absolute)));
  if (targets.output && output !== undefined && files.some((f) => fileId(f.absolute) === output)) {
    throw new UsageError(`--output-file ${targets.output.shown} is one of the scanned files; it would be overwritten.`);
  }
  if (files.some((f) => f.relative.toLowerCase().endsWith('.tf'))) {
    await loadTerraformParser();
    spec.terraform = true;
  }
  const reports = await scanFiles(files, engine, spec, input.jobs);
  for (const r of reports) r.results.sort(compareResults);
  const report: ScanReport = {
    files: reports,
    rules: engine.registry.all(),
    notifications: found.notifications,
    filesRead: reports.filter(wasRead).length,
    policiesChecked: reports.reduce((n, r) => n + r.policies, 0),
  };
  await extend?.(report, engine, files);
  return report;
}
