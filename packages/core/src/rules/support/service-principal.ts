/**
 * Condition keys that matter when a resource-based or trust policy grants an AWS service
 * principal, shared by the service-principal rules (Access Analyzer RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL,
 * RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL, UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL).
 * Sources of truth: IAM User Guide, "The confused deputy problem" and "AWS global condition
 * context keys" (availability of each key).
 */
import type { ConditionKeyNode, StatementNode } from '../../policy/nodes.js';
import { falseWhenAbsent } from './key-support.js';

/** The keys that tie a service principal's request to the caller's resource, account or organization. */
export const SOURCE_KEYS: readonly string[] = ['aws:SourceArn', 'aws:SourceAccount', 'aws:SourceOrgID', 'aws:SourceOrgPaths'];

/** Keys some policies use to restrict a service principal that the client sets itself (HTTP headers). */
export const WEAK_KEYS: readonly string[] = ['aws:Referer', 'aws:UserAgent'];

const SOURCE = new Set(SOURCE_KEYS.map((k) => k.toLowerCase()));
const WEAK = new Set(WEAK_KEYS.map((k) => k.toLowerCase()));

/**
 * Whether a statement restricts one of {@link SOURCE_KEYS}: compares it with an operator that is
 * false when the key is missing (not `…IfExists`, not a negated operator, not `ForAllValues:`;
 * `Null` only checks presence), so a request without the key is not allowed.
 * @param statement the statement
 */
export function testsSourceKey(statement: StatementNode): boolean {
  return (statement.condition?.operators ?? []).some(
    (op) => !/null/i.test(op.operator) && op.keys.some((key) => SOURCE.has(key.key.toLowerCase()) && falseWhenAbsent(op, key.values)),
  );
}

/**
 * The condition keys of a statement that are among {@link WEAK_KEYS}, under operators other than `Null`.
 * @param statement the statement
 * @returns the key nodes, in document order
 */
export function weakKeyNodes(statement: StatementNode): ConditionKeyNode[] {
  return (statement.condition?.operators ?? [])
    .filter((op) => !/^(for(all|any)values?:)?null$/i.test(op.operator))
    .flatMap((op) => op.keys.filter((k) => WEAK.has(k.key.toLowerCase())));
}
