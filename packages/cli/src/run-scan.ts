import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { compareResults, type ScanReport } from '@iamscope/core';
import { createEngine, wasRead, type EngineSpec } from './engine-host.js';
import { findFiles } from './find-files.js';
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
  /** A file the command will write (absolute; `--output-file`): refused when it is one of the scanned files. */
  output?: { path: string; shown: string };
  /** iamscope's own file (absolute; the baseline), left out of the scan. */
  exclude?: string;
}

/** Device and inode of a file (so links to it compare equal), or undefined when it does not exist. */
function fileId(path: string): string | undefined {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? `${info.dev}:${info.ino}` : undefined;
}

/**
 * Finds the files under `paths`, checks them and collects the report (results sorted by position).
 * @param paths files or folders, relative to `io.cwd`
 * @param input ignore patterns and thread count
 * @param io working folder
 * @param loaded the configuration and plugins
 * @param targets the output file to protect and the file to leave out
 * @returns the scan report
 * @throws UsageError when the output file is one of the scanned files; ConfigError and
 *   MissingPathError as the engine and file search throw them
 */
export async function runScan(paths: string[], input: ScanInput, io: CliIo, loaded: LoadedConfig, targets: ScanTargets = {}): Promise<ScanReport> {
  const spec: EngineSpec = { pluginUrls: loaded.pluginUrls, config: loaded.config };
  const engine = await createEngine(spec, loaded.path);
  const found = await findFiles(paths, io.cwd, input.ignorePattern, loaded.path ? dirname(loaded.path) : io.cwd);
  const excluded = targets.exclude === undefined ? undefined : fileId(targets.exclude);
  const files = excluded === undefined ? found.files : found.files.filter((f) => fileId(f.absolute) !== excluded);
  const output = targets.output === undefined ? undefined : fileId(targets.output.path);
  if (targets.output && output !== undefined && files.some((f) => fileId(f.absolute) === output)) {
    throw new UsageError(`--output-file ${targets.output.shown} is one of the scanned files; it would be overwritten.`);
  }
  const reports = await scanFiles(files, engine, spec, input.jobs);
  for (const r of reports) r.results.sort(compareResults);
  return {
    files: reports,
    rules: engine.registry.all(),
    notifications: found.notifications,
    filesRead: reports.filter(wasRead).length,
    policiesChecked: reports.reduce((n, r) => n + r.policies, 0),
  };
}
