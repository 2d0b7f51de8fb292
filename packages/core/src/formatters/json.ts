import type { LocatedMessage } from '../linter/types.js';
import { allNotifications, suppressedCount, type ScanReport } from './report.js';

/**
 * Renders a scan as JSON: `{ filesRead, policiesChecked, suppressed, baselined?, results: [...],
 * notifications: [...] }`, each result `{ ruleId, level, message, file, line, column, endLine,
 * endColumn, fingerprint }` with 1-based line/column (UTF-16 code units, end exclusive), plus
 * `cdkPath`, `related` and `flow` (`[{ file, line, column, message }]`) when the result has them.
 * Suppressed and baselined findings are only counted (`baselined` is present when a baseline was used).
 * @param report the scan
 * @returns pretty-printed JSON text ending in a newline
 */
export function formatJson(report: ScanReport): string {
  const results = report.files.flatMap((f) =>
    f.results.map((r) => ({
      ruleId: r.ruleId,
      level: r.level,
      message: r.message,
      file: r.file,
      line: r.loc.start.line,
      column: r.loc.start.column,
      endLine: r.loc.end.line,
      endColumn: r.loc.end.column,
      fingerprint: r.fingerprint,
      ...(r.cdkPath ? { cdkPath: r.cdkPath } : {}),
      ...(r.related ? { related: r.related.map(located) } : {}),
      ...(r.flow ? { flow: r.flow.map(located) } : {}),
    })),
  );
  const notifications = allNotifications(report).map((n) => ({
    code: n.code,
    level: n.level,
    message: n.message,
    ...(n.file ? { file: n.file } : {}),
    ...(n.ruleId ? { ruleId: n.ruleId } : {}),
    ...(n.loc ? { line: n.loc.start.line, column: n.loc.start.column } : {}),
  }));
  const counts = { suppressed: suppressedCount(report), ...(report.baselined !== undefined ? { baselined: report.baselined } : {}) };
  const body = { filesRead: report.filesRead, policiesChecked: report.policiesChecked, ...counts, results, notifications };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** A related location or flow step as the JSON format writes it (1-based line/column). */
function located(m: LocatedMessage): { file: string; line: number; column: number; message: string } {
  return { file: m.file, line: m.loc.start.line, column: m.loc.start.column, message: m.message };
}
