import { ACCESS_ANALYZER_RULE_PREFIX, type CrossCheckSummary, type FileReport, type RegisteredRule, type SourceLocation } from '@iamscope/core';

/** A ValidatePolicy finding placed in its file. */
export interface PlacedFinding {
  issueCode: string;
  loc: SourceLocation;
}

/** One file whose every policy Access Analyzer validated, with the findings it gave. */
export interface ValidatedFile {
  report: FileReport;
  findings: PlacedFinding[];
}

/** Whether two half-open spans share a character, or an empty one lies inside (or at an end of) the other. */
function overlaps(a: SourceLocation, b: SourceLocation): boolean {
  if (a.start.offset === a.end.offset || b.start.offset === b.end.offset) {
    return a.start.offset <= b.end.offset && b.start.offset <= a.end.offset;
  }
  return a.start.offset < b.end.offset && b.start.offset < a.end.offset;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * Compares Access Analyzer's findings with iamscope's (see {@link CrossCheckSummary}): an Access
 * Analyzer finding has a counterpart when an iamscope result (counted, suppressed or baselined
 * later) of the same file, of a rule whose `meta.accessAnalyzer` lists the issue code, overlaps
 * it; an iamscope result of such a rule has one when a finding with one of the rule's codes
 * overlaps it.
 * @param files the files Access Analyzer validated completely
 * @param rules the rules of the run (for `meta.accessAnalyzer`)
 * @param policiesValidated number of policy documents validated
 * @returns the counts by issue code
 */
export function crossCheck(files: readonly ValidatedFile[], rules: readonly RegisteredRule[], policiesValidated: number): CrossCheckSummary {
  const codesOf = new Map(rules.map((r) => [r.id, r.rule.meta.accessAnalyzer ?? []]));
  const summary: CrossCheckSummary = { policiesValidated, accessAnalyzerOnly: {}, iamscopeOnly: {} };
  for (const { report, findings } of files) {
    const ours = [...report.results, ...(report.suppressed ?? [])]
      .filter((r) => !r.ruleId.startsWith(ACCESS_ANALYZER_RULE_PREFIX))
      .map((r) => ({ loc: r.loc, codes: codesOf.get(r.ruleId) ?? [] }))
      .filter((r) => r.codes.length > 0);
    for (const f of findings) {
      if (!ours.some((r) => r.codes.includes(f.issueCode) && overlaps(r.loc, f.loc))) bump(summary.accessAnalyzerOnly, f.issueCode);
    }
    for (const r of ours) {
      if (!findings.some((f) => r.codes.includes(f.issueCode) && overlaps(r.loc, f.loc))) bump(summary.iamscopeOnly, r.codes.join('|'));
    }
  }
  return summary;
}
