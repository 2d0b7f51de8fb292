import type { ConfigSuppression } from '../config/config.js';
import { matchesAnyGlob } from '../config/globs.js';
import type { FileReport, Result, Suppression } from './types.js';

/**
 * Moves the results that configuration suppressions match from `report.results` to
 * `report.suppressed`, each with one `external` {@link Suppression} per matching entry (the
 * entry's `reason` as justification). An entry matches a result of its `rule` in a file one of
 * its `files` globs matches and, when it names a `sid`, inside a statement with that Sid.
 * Extension point: file formats that can carry suppressions next to the policy (YAML and HCL
 * comments, CloudFormation `Metadata`) are to add their `inSource` suppressions here too.
 * @param report the file's report (changed in place; `suppressed` is set only when non-empty)
 * @param suppressions `suppressions` of the configuration
 * @param matchPath the file's path relative to the configuration's folder
 * @param sidOf the Sid of the statement a result lies in, if any
 */
export function applySuppressions(
  report: FileReport,
  suppressions: readonly ConfigSuppression[],
  matchPath: string,
  sidOf: (result: Result) => string | undefined,
): void {
  const forFile = suppressions.filter((s) => matchesAnyGlob(matchPath, s.files));
  if (forFile.length === 0) return;
  const kept: Result[] = [];
  const suppressed: Result[] = [];
  for (const result of report.results) {
    const reasons: Suppression[] = forFile
      .filter((s) => s.rule === result.ruleId && (s.sid === undefined || s.sid === sidOf(result)))
      .map((s) => ({ kind: 'external', justification: s.reason }));
    if (reasons.length === 0) kept.push(result);
    else suppressed.push({ ...result, suppressions: reasons });
  }
  report.results = kept;
  if (suppressed.length > 0) report.suppressed = suppressed;
}
