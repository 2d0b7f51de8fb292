import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseJson, type FileReport, type Notification } from '@iamscope/core';
import { UsageError } from './usage-error.js';

/** Name of the baseline file `iamscope baseline` writes and `scan` looks for. */
export const BASELINE_FILE_NAME = '.iamscope-baseline.json';

/** Version of the baseline file format. */
export const BASELINE_VERSION = 1;

/**
 * One accepted finding. A finding matches when its rule, file and fingerprint are equal;
 * `message` is there for readers, `justification` for the user to fill in.
 */
export interface BaselineEntry {
  /** `Result.fingerprint` (independent of line numbers). */
  fingerprint: string;
  rule: string;
  /** `/`-separated path relative to the baseline file's folder. */
  file: string;
  message: string;
  justification: string;
}

/** The baseline file (`.iamscope-baseline.json`). */
export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

/**
 * Where `scan` takes its baseline from.
 * @param option `--baseline <file>` (a path), `--no-baseline` (false) or nothing (undefined)
 * @param cwd working folder
 * @param configDir folder of the configuration file, when there is one
 * @returns the absolute path: the given file; else {@link BASELINE_FILE_NAME} in `cwd`, else in
 *   `configDir`, when it exists; undefined for `--no-baseline` or when there is none
 */
export function findBaselineFile(option: string | false | undefined, cwd: string, configDir: string | undefined): string | undefined {
  if (option === false) return undefined;
  if (option !== undefined) return resolve(cwd, option);
  return [cwd, configDir].filter((d) => d !== undefined).map((d) => join(d, BASELINE_FILE_NAME)).find((p) => existsSync(p));
}

/**
 * Maps result paths (relative to `cwd`) to baseline paths (relative to the baseline's folder).
 * @param cwd folder the scan ran from
 * @param baselinePath absolute path of the baseline file
 * @returns the mapping function
 */
export function baselinePathOf(cwd: string, baselinePath: string): (file: string) => string {
  const folder = dirname(baselinePath);
  return (file) => relative(folder, resolve(cwd, file)).split(sep).join('/');
}

function entryProblem(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'must be an object.';
  for (const key of ['fingerprint', 'rule', 'file', 'message', 'justification']) {
    if (typeof (entry as Record<string, unknown>)[key] !== 'string') return `/${key} must be a string.`;
  }
  return undefined;
}

/**
 * Reads and checks a baseline file.
 * @param path absolute path
 * @param shownPath the path as the user knows it (for messages)
 * @returns the baseline
 * @throws UsageError for an unreadable file, invalid JSON (with line:column) or a wrong shape (with the JSON pointer)
 */
export function readBaseline(path: string, shownPath: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read baseline ${shownPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column } = parsed.error.position;
    throw new UsageError(`Invalid baseline ${shownPath}:${line}:${column}: ${parsed.error.message}`);
  }
  const value = JSON.parse(text.replace(/^\uFEFF/, '')) as { version?: unknown; entries?: unknown };
  if (value?.version !== BASELINE_VERSION) throw new UsageError(`Invalid baseline ${shownPath}: /version must be ${BASELINE_VERSION}.`);
  if (!Array.isArray(value.entries)) throw new UsageError(`Invalid baseline ${shownPath}: /entries must be an array.`);
  value.entries.forEach((entry, i) => {
    const problem = entryProblem(entry);
    if (problem) throw new UsageError(`Invalid baseline ${shownPath}: /entries/${i}${problem.startsWith('/') ? '' : ' '}${problem}`);
  });
  return value as Baseline;
}

function keyOf(file: string, rule: string, fingerprint: string): string {
  return JSON.stringify([file, rule, fingerprint]);
}

/**
 * Builds a baseline from the counted (not suppressed) results of a scan. Entries that were
 * already in `previous` keep their justification; its entries for files outside this scan are
 * kept as they are. Entries are sorted by file, then in position order.
 * @param reports per-file reports
 * @param pathOf maps a result's file to its path relative to the baseline's folder
 * @param previous the baseline file being replaced, if any
 * @returns the new baseline
 */
export function createBaseline(reports: readonly FileReport[], pathOf: (file: string) => string, previous?: Baseline): Baseline {
  const justifications = new Map((previous?.entries ?? []).map((e) => [keyOf(e.file, e.rule, e.fingerprint), e.justification]));
  const scanned = new Set(reports.map((r) => pathOf(r.file)));
  const found = reports.flatMap((report) =>
    report.results.map((r) => {
      const file = pathOf(r.file);
      const justification = justifications.get(keyOf(file, r.ruleId, r.fingerprint)) ?? '';
      return { fingerprint: r.fingerprint, rule: r.ruleId, file, message: r.message, justification };
    }),
  );
  const kept = (previous?.entries ?? []).filter((e) => !scanned.has(e.file));
  const entries = [...kept, ...found].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { version: BASELINE_VERSION, entries };
}

/**
 * Renders a baseline file.
 * @param baseline the baseline
 * @returns pretty-printed JSON ending in a newline
 */
export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/**
 * Removes the results a baseline lists from the reports (suppressed results stay suppressed) and
 * finds the stale entries: entries for a file that was read in this scan that match no result
 * of it. Entries for files outside the scan are left alone.
 * @param reports per-file reports (results are removed in place)
 * @param baseline the baseline
 * @param pathOf maps a result's file to its path relative to the baseline's folder
 * @param wasRead whether a file's report comes from a file that could be read
 * @param shownPath the baseline's path as the user knows it (for messages)
 * @returns the number of results removed, and one `STALE_BASELINE_ENTRY` warning notification per stale entry
 */
export function applyBaseline(
  reports: readonly FileReport[],
  baseline: Baseline,
  pathOf: (file: string) => string,
  wasRead: (report: FileReport) => boolean,
  shownPath: string,
): { baselined: number; stale: Notification[] } {
  const entries = new Map(baseline.entries.map((e) => [keyOf(e.file, e.rule, e.fingerprint), e]));
  const matched = new Set<string>();
  let baselined = 0;
  const readFiles = new Map<string, string>();
  for (const report of reports) {
    const file = pathOf(report.file);
    if (wasRead(report)) readFiles.set(file, report.file);
    const listed = (r: FileReport['results'][number]) => {
      const key = keyOf(file, r.ruleId, r.fingerprint);
      if (!entries.has(key)) return false;
      matched.add(key);
      return true;
    };
    (report.suppressed ?? []).forEach(listed);
    const before = report.results.length;
    report.results = report.results.filter((r) => !listed(r));
    baselined += before - report.results.length;
  }
  const stale: Notification[] = [];
  for (const [key, entry] of entries) {
    const file = readFiles.get(entry.file);
    if (matched.has(key) || file === undefined) continue;
    const message = `Stale baseline entry ${entry.fingerprint} (${entry.rule}): no finding matches it any more; remove it from ${shownPath}.`;
    stale.push({ level: 'warning', code: 'STALE_BASELINE_ENTRY', message, file, ruleId: entry.rule });
  }
  return { baselined, stale };
}
