import type { RegisteredRule } from '../linter/registry.js';
import type { FileReport, Notification } from '../linter/types.js';

/** The tool as formatters describe it (SARIF `tool.driver`). */
export interface ToolInfo {
  name: string;
  /** Semantic version of the CLI. */
  version: string;
  informationUri: string;
}

/** Everything one scan produced, as input to the formatters. */
export interface ScanReport {
  /** Per-file reports, sorted by file path. */
  files: FileReport[];
  /** Every rule known to the run (core and plugins), sorted by id. */
  rules: RegisteredRule[];
  /** Problems of the tool that are not tied to a rule (unreadable files, …). */
  notifications: Notification[];
  /** Number of files read. */
  filesRead: number;
  /** Number of IAM policy documents checked. */
  policiesChecked: number;
  /** Findings left out because a baseline lists them; undefined when no baseline was used. */
  baselined?: number;
  /** How IAM Access Analyzer's verdict compares with iamscope's; present when the cross-check ran. */
  crossCheck?: CrossCheckSummary;
}

/**
 * Where IAM Access Analyzer (ValidatePolicy) and iamscope disagree, over the policy documents
 * Access Analyzer validated. A finding has a counterpart when the other side reports it in the
 * same file at an overlapping location and the iamscope rule lists the finding's issue code in
 * `meta.accessAnalyzer`. Shown as a footer by the stylish formatter and as
 * `runs[0].properties.accessAnalyzerCrossCheck` in SARIF.
 */
export interface CrossCheckSummary {
  /** Policy documents Access Analyzer validated. */
  policiesValidated: number;
  /** Access Analyzer findings without an iamscope counterpart, by issue code (e.g. `INVALID_ACTION`). */
  accessAnalyzerOnly: Record<string, number>;
  /**
   * iamscope findings of rules that list Access Analyzer issue codes, without an Access Analyzer
   * counterpart, by those issue codes joined with `|` (one key per rule, e.g. `MISSING_ACTION|MISSING_EFFECT`).
   */
  iamscopeOnly: Record<string, number>;
}

/**
 * Number of suppressed results in a report (they are listed in `files[].suppressed`).
 * @param report the scan
 * @returns the count
 */
export function suppressedCount(report: ScanReport): number {
  return report.files.reduce((n, f) => n + (f.suppressed?.length ?? 0), 0);
}

/** All notifications of a report: tool-level first, then per file. */
export function allNotifications(report: ScanReport): Notification[] {
  return [...report.notifications, ...report.files.flatMap((f) => f.notifications)];
}
