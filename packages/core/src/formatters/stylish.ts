import type { Level } from '../linter/types.js';
import { allNotifications, suppressedCount, type CrossCheckSummary, type ScanReport } from './report.js';

/** Colour functions; identity functions when colour is off. */
export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const plain = (text: string): string => text;

/** Colours that change nothing (for non-TTY output and NO_COLOR). */
export const NO_COLORS: Colors = { red: plain, yellow: plain, blue: plain, dim: plain, bold: plain, underline: plain };

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function byCount(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? 'none' : entries.map(([code, n]) => `${code} ${n}`).join(', ');
}

/** The lines of the IAM Access Analyzer cross-check summary. */
function crossCheckFooter(summary: CrossCheckSummary, colors: Colors): string[] {
  return [
    colors.bold(`Access Analyzer cross-check (${plural(summary.policiesValidated, 'policy').replace('policys', 'policies')} validated)`),
    `  only Access Analyzer: ${byCount(summary.accessAnalyzerOnly)}`,
    `  only iamscope: ${byCount(summary.iamscopeOnly)}`,
  ];
}

/**
 * Renders a scan for a terminal, like ESLint's stylish formatter: per file a header, then one
 * line per result `  line:column  level  message  rule-id`, a `file:line:column` reference for
 * editors, then tool notifications, the IAM Access Analyzer cross-check (when it ran) and a summary line (with the numbers of suppressed and,
 * when a baseline was used, baselined findings, which are not listed).
 * @param report the scan
 * @param colors colour functions (pass {@link NO_COLORS} unless stdout is a TTY and NO_COLOR is unset)
 * @returns text ending in a newline
 */
export function formatStylish(report: ScanReport, colors: Colors = NO_COLORS): string {
  const paint: Record<Level, (t: string) => string> = { error: colors.red, warning: colors.yellow, note: colors.blue };
  const lines: string[] = [];
  const counts: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const file of report.files) {
    if (file.results.length === 0) continue;
    lines.push(colors.underline(file.file));
    const rows = file.results.map((r) => {
      counts[r.level]++;
      return [`${r.loc.start.line}:${r.loc.start.column}`, r.level, r.message, r.ruleId, `${file.file}:${r.loc.start.line}:${r.loc.start.column}`];
    });
    const posWidth = Math.max(...rows.map((r) => r[0]!.length));
    for (const [i, [pos, level, message, ruleId, ref]] of rows.entries()) {
      const levelText = paint[level as Level](level!.padEnd(7));
      lines.push(`  ${colors.dim(pos!.padEnd(posWidth))}  ${levelText}  ${message}  ${colors.dim(ruleId!)}  ${colors.dim(ref!)}`);
      // a path (privilege escalation) is printed step by step under its result
      for (const [step, m] of (file.results[i]!.flow ?? []).entries()) {
        lines.push(`  ${' '.repeat(posWidth)}  ${colors.dim(`${step + 1}.`)} ${m.message}  ${colors.dim(`${m.file}:${m.loc.start.line}:${m.loc.start.column}`)}`);
      }
    }
    lines.push('');
  }
  const notifications = allNotifications(report);
  if (notifications.length > 0) {
    lines.push(colors.bold('Tool notifications'));
    for (const n of notifications) {
      const where = n.file ? `${n.file}${n.loc ? `:${n.loc.start.line}:${n.loc.start.column}` : ''}: ` : '';
      lines.push(`  ${paint[n.level](n.level.padEnd(7))}  ${where}${n.message}`);
    }
    lines.push('');
  }
  if (report.crossCheck) lines.push(...crossCheckFooter(report.crossCheck, colors), '');
  const total = counts.error + counts.warning + counts.note;
  const toolErrors = notifications.filter((n) => n.level === 'error').length;
  const scanned = `${plural(report.filesRead, 'file')} read, ${plural(report.policiesChecked, 'policy')} checked`.replace('policys', 'policies');
  const found = `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')})`;
  const incomplete = toolErrors > 0 ? `; ${plural(toolErrors, 'tool error')}` : '';
  const suppressed = suppressedCount(report);
  const muted = [suppressed > 0 ? `${suppressed} suppressed` : '', report.baselined !== undefined ? `${report.baselined} baselined` : ''].filter((m) => m);
  const hidden = muted.length > 0 ? `; ${muted.join(', ')}` : '';
  const summary = `${total > 0 || toolErrors > 0 ? '✖' : '✔'} ${found}${hidden}; ${scanned}${incomplete}.`;
  const bad = counts.error > 0 || toolErrors > 0;
  lines.push(bad ? colors.red(colors.bold(summary)) : total > 0 ? colors.yellow(colors.bold(summary)) : summary);
  return `${lines.join('\n')}\n`;
}
