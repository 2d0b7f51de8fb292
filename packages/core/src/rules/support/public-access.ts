/**
 * Whether a statement's condition keeps the public out: the caller-restricting condition keys of
 * a resource-based policy with `Principal "*"`. Sources of truth: IAM User Guide, "AWS JSON policy
 * elements: Principal" (anonymous users), "AWS global condition context keys", "AWS KMS condition
 * keys" (kms:CallerAccount, kms:ViaService), Amazon S3 User Guide, "Delegating access control to
 * access points" (s3:DataAccessPointAccount, s3:DataAccessPointArn), and Access Analyzer
 * CheckNoPublicAccess, which treats a Principal "*" restricted by such keys as not public.
 */
import { parseConditionOperator } from '../../policy/condition-operator.js';
import { valueText } from '../../policy/condition-value.js';
import { parseIpRange } from '../../policy/ip-range.js';
import type { ConditionKeyNode, ConditionOperatorNode, StatementNode } from '../../policy/nodes.js';

/**
 * Keys whose value identifies the caller's account, organization, identity or network, or the
 * service or access point the request comes through; anonymous callers never match a positive
 * test on them.
 */
export const CALLER_RESTRICTING_KEYS: readonly string[] = [
  'aws:PrincipalOrgID',
  'aws:PrincipalOrgPaths',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceOwner',
  'aws:SourceOrgID',
  'aws:SourceOrgPaths',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'aws:SourceIp',
  'aws:userid',
  'aws:username',
  'kms:CallerAccount',
  'kms:ViaService',
  's3:DataAccessPointAccount',
  's3:DataAccessPointArn',
];

const RESTRICTING = new Set(CALLER_RESTRICTING_KEYS.map((k) => k.toLowerCase()));

/**
 * Whether one value of a key matches every request: `*` (or `**`…) under a `…Like` operator, or
 * a `/0` range under `IpAddress`.
 */
function matchesAnything(text: string | undefined, base: string): boolean {
  if (text === undefined) return false;
  if (base === 'StringLike' || base === 'ArnLike') return /^\*+$/.test(text);
  if (base === 'IpAddress') return parseIpRange(text)?.prefix === 0;
  return false;
}

/**
 * Whether a key under an operator restricts the caller: the key is one of
 * {@link CALLER_RESTRICTING_KEYS} (case-insensitive), the operator is positive (not negated, not
 * `Null`), false when the key is absent (no `IfExists`, no `ForAllValues:`), and no value matches
 * every request.
 */
function restricts(op: ConditionOperatorNode, key: ConditionKeyNode): boolean {
  const parsed = parseConditionOperator(op.operator);
  if (!parsed || parsed.base === 'Null' || parsed.negated || parsed.ifExists || parsed.qualifier === 'ForAllValues') return false;
  return RESTRICTING.has(key.key.toLowerCase()) && !key.values.some((v) => matchesAnything(valueText(v), parsed.base));
}

/**
 * Whether a statement's condition excludes the public: condition operators are ANDed, so one
 * restricting key is enough.
 * @param statement the statement
 * @returns true when some key of {@link CALLER_RESTRICTING_KEYS} is tested as {@link restricts} describes
 */
export function restrictsCaller(statement: StatementNode): boolean {
  return (statement.condition?.operators ?? []).some((op) => op.keys.some((key) => restricts(op, key)));
}
