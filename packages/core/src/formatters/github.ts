import type { Level } from '../linter/types.js';
import { allNotifications, type ScanReport } from './report.js';

const COMMANDS: Record<Level, string> = { error: 'error', warning: 'warning', note: 'notice' };

/** Escapes a workflow-command message (`%`, CR, LF), as @actions/core's `escapeData` does. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value: also `:` and `,`, as @actions/core's `escapeProperty` does. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(level: Level, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${COMMANDS[level]}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

const RANK: Record<Level, number> = { error: 0, warning: 1, note: 2 };

/**
 * Renders a scan as GitHub Actions workflow commands, one annotation per result
 * (`::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`) and per tool
 * notification; levels map error → error, warning → warning, note → notice. Lines and columns are
 * 1-based and the same as in SARIF (`endColumn` exclusive); columns are given only for results on
 * one line. GitHub keeps only the first 10 annotations of each kind per step, so results are
 * printed most severe first (then by file and position). Messages and values are escaped, so a
 * message cannot start a command of its own. Source of truth: GitHub Docs, "Workflow commands for
 * GitHub Actions"; escaping as in @actions/core's command.ts.
 * @param report the scan
 * @returns one command per line, ending in a newline (empty when there is nothing to report)
 */
export function formatGithub(report: ScanReport): string {
  const lines: string[] = [];
  const results = report.files.flatMap((f) => f.results);
  // files are sorted and results are in position order, so a stable sort by level keeps that order
  results.sort((a, b) => RANK[a.level] - RANK[b.level]);
  for (const r of results) {
    const { start, end } = r.loc;
    const columns: Record<string, number> = start.line === end.line ? { col: start.column, endColumn: end.column } : {};
    lines.push(command(r.level, { file: r.file, line: start.line, endLine: end.line, ...columns, title: r.ruleId }, r.message));
  }
  for (const n of allNotifications(report)) {
    const where: Record<string, string | number> = n.file ? { file: n.file, ...(n.loc ? { line: n.loc.start.line, col: n.loc.start.column } : {}) } : {};
    lines.push(command(n.level, { ...where, title: `iamscope ${n.code}` }, n.message));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
