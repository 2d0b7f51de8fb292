import { LEVELS, type Level, type Result } from '@iamscope/core';
import { EXIT } from './io.js';

/** What decides the exit code of a scan that had no tool errors. */
export interface ExitPolicy {
  /** Least severe level that fails the scan (`--fail-on`, default `error`). */
  failOn: Level;
  /** Most warnings allowed (`--max-warnings`); undefined: no limit. */
  maxWarnings?: number;
}

/** The exit code of a scan, and the line to print on stderr when warnings or notes (not errors) failed it. */
export interface Verdict {
  code: (typeof EXIT)['ok'] | (typeof EXIT)['findings'];
  message?: string;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Decides the exit code from the findings that count (neither suppressed nor baselined): 1 when a
 * result is at `failOn` or more severe (error > warning > note), or when there are more warnings
 * than `maxWarnings`; otherwise 0.
 * @param results the counted results of the scan
 * @param policy `--fail-on` and `--max-warnings`
 * @returns the exit code and, when no error failed it, a message naming what did
 */
export function verdict(results: readonly Result[], policy: ExitPolicy): Verdict {
  const worst = LEVELS.indexOf(policy.failOn);
  const failing = results.filter((r) => LEVELS.indexOf(r.level) <= worst);
  if (failing.length > 0) {
    // errors explain themselves; warnings or notes that fail the scan are named (--quiet may hide them)
    if (failing.some((r) => r.level === 'error')) return { code: EXIT.findings };
    return { code: EXIT.findings, message: `${plural(failing.length, 'finding')} at --fail-on ${policy.failOn} or above.` };
  }
  const warnings = results.filter((r) => r.level === 'warning').length;
  if (policy.maxWarnings !== undefined && warnings > policy.maxWarnings) {
    return { code: EXIT.findings, message: `${plural(warnings, 'warning')} exceed${warnings === 1 ? 's' : ''} --max-warnings ${policy.maxWarnings}.` };
  }
  return { code: EXIT.ok };
}
