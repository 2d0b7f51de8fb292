import { sourceLocation, type PolicyNode, type RegisteredRule, type Result, type SourceLocation, type SubmittedText } from '@iamscope/core';
import type { AaCheckResult, AaFinding } from './client.js';
import { levelOf } from './rules.js';

/**
 * Where a ValidatePolicy finding lies in the scanned file: the span of its first location,
 * mapped from offsets in the submitted text (Access Analyzer's `offset` is 0-based, its `column`
 * 0-based and its `line` 1-based; offsets are used, and line and column recomputed with core's
 * `positionAt`, so iamscope's 1-based columns come out right whatever the text holds).
 * Findings without a usable span are placed on the whole policy.
 * @param finding the finding
 * @param submitted the text that was validated and its map back to the file
 * @param policy the validated policy
 * @returns the finding's location in the scanned file
 */
export function findingLocation(finding: AaFinding, submitted: SubmittedText, policy: PolicyNode): SourceLocation {
  const span = finding.locations?.[0]?.span;
  const start = span?.start?.offset;
  const end = span?.end?.offset;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return policy.loc;
  return sourceLocation(submitted, start!, end!);
}

/**
 * The iamscope result of a ValidatePolicy finding: rule `aa/<ISSUE_CODE>`, level from the finding
 * type, message = findingDetails (fingerprinted and suppressed later by the engine).
 * @param finding the finding
 * @param rule its rule descriptor (see `issueRule`)
 * @param file path reported in results
 * @param loc the finding's location (see {@link findingLocation})
 * @returns the result
 */
export function findingResult(finding: AaFinding, rule: RegisteredRule, file: string, loc: SourceLocation): Result {
  return { ruleId: rule.id, level: levelOf(finding.findingType), messageId: finding.issueCode, message: finding.findingDetails, file, loc, fingerprint: '' };
}

/**
 * The results of a failed custom check (none when it passed): one error per statement that
 * `reasons[].statementIndex` names (the first reason for each) (message: the reason's description, else the check's message),
 * or one on the whole policy when no reason names a statement.
 * @param check the check's response
 * @param rule `aa/check-access-not-granted` or `aa/check-no-new-access`
 * @param policy the checked policy
 * @returns the results
 */
export function checkResults(check: AaCheckResult, rule: RegisteredRule, policy: PolicyNode): Result[] {
  if (check.result !== 'FAIL') return [];
  const result = (loc: SourceLocation, message: string): Result => ({
    ruleId: rule.id,
    level: 'error',
    messageId: 'fail',
    message: `${rule.rule.name}: ${message}`,
    file: policy.origin.file,
    loc,
    fingerprint: '',
  });
  const byStatement = new Map<number, string>();
  for (const r of check.reasons) {
    if (r.statementIndex !== undefined && policy.statements[r.statementIndex] && !byStatement.has(r.statementIndex)) {
      byStatement.set(r.statementIndex, r.description || check.message);
    }
  }
  if (byStatement.size === 0) return [result(policy.loc, check.message)];
  return [...byStatement].map(([index, message]) => result(policy.statements[index]!.loc, message));
}
