/**
 * References from Terraform arguments to policies and principals, as the `Ref` keys of
 * `sources/types.ts`: `tf:<dir>#aws_iam_policy.x` for a resource of the module, an AWS managed
 * policy's ARN, `name:policy/<name>` / `name:role/<name>` when only the name is known literally.
 */
import type { Node } from 'web-tree-sitter';
import { hasPlaceholder } from '../placeholder.js';
import type { Ref } from '../types.js';
import { evaluate, type At } from './evaluate.js';
import { attributesOf, traversalOf, traversalNames } from './hcl.js';
import { tfRef } from './scope.js';

/** IAM principal kinds that Terraform attaches policies to. */
export type PrincipalKind = 'role' | 'user' | 'group';

/**
 * The reference a literal policy ARN stands for: an AWS managed policy's ARN (partition `aws`
 * when the partition is unknown), or `name:policy/<name>` for a customer managed policy whose
 * name is literal (its account is usually interpolated).
 * @param arn the ARN, possibly with placeholders
 */
export function policyArnRef(arn: string): Ref | undefined {
  const plain = withoutPlaceholders(arn);
  const managed = /^arn:([^:]*):iam::aws:policy\/(.+)$/.exec(plain);
  if (managed && !managed[2]!.includes(UNKNOWN)) return `arn:${managed[1]!.includes(UNKNOWN) ? 'aws' : managed[1]}:iam::aws:policy/${managed[2]}`;
  const customer = /^arn:[^:]*:iam::[^:]*:policy\/(?:.*\/)?([^/]+)$/.exec(plain);
  return customer && !customer[1]!.includes(UNKNOWN) ? `name:policy/${customer[1]}` : undefined;
}

const UNKNOWN = '\u0000';

/** The text with each placeholder (which holds a `:`) replaced by one NUL character, so ARNs split on `:`. */
function withoutPlaceholders(value: string): string {
  return value.replace(/\$\{unresolved:[^}]*\}/g, UNKNOWN);
}

/**
 * The reference a literal principal name or ARN stands for: `name:<kind>/<name>`.
 * @param value an IAM name (`ml-exec`) or ARN (`arn:aws:iam::1:role/path/ml-exec`)
 */
export function principalNameRef(value: string, kind: PrincipalKind): Ref | undefined {
  const plain = withoutPlaceholders(value);
  const arn = new RegExp(`^arn:[^:]*:iam::[^:]*:${kind}/(?:.*/)?([^/]+)$`).exec(plain);
  const name = arn ? arn[1]! : plain.startsWith('arn:') ? undefined : plain;
  return name && !name.includes(UNKNOWN) && !/[\s/]/.test(name) ? `name:${kind}/${name}` : undefined;
}

/** A literal attribute of a data source the module declares (`data "aws_iam_role" "x" { name = "…" }`). */
function dataAttribute(type: string, name: string | undefined, attribute: string, at: At): string | undefined {
  const definition = name === undefined ? undefined : at.scope.data.get(`${type}.${name}`);
  const expr = definition && attributesOf(definition.node).get(attribute)?.value;
  const value = expr && evaluate(expr, { ...at, file: definition.file });
  return value?.type === 'String' && !hasPlaceholder(value.value) ? value.value : undefined;
}

/**
 * What a policy ARN argument (`policy_arn`, `permissions_boundary`, an item of
 * `managed_policy_arns`) refers to.
 * @param expr the argument's expression
 * @returns the reference, or undefined when it cannot be known
 */
export function policyRef(expr: Node, at: At): Ref | undefined {
  const traversal = traversalOf(expr);
  const names = traversal && traversalNames(traversal);
  if (names?.[0] === 'aws_iam_policy' && names[1]) return tfRef(at.scope, `aws_iam_policy.${names[1]}`);
  if (names?.[0] === 'data' && names[1] === 'aws_iam_policy') {
    const arn = dataAttribute('aws_iam_policy', names[2], 'arn', at);
    const name = dataAttribute('aws_iam_policy', names[2], 'name', at);
    return arn ? policyArnRef(arn) : name ? `name:policy/${name}` : undefined;
  }
  const value = evaluate(expr, at);
  return value.type === 'String' ? policyArnRef(value.value) : undefined;
}

/**
 * What a principal argument (`role`, `user`, `group`, items of `roles = [...]`) refers to.
 * @param expr the argument's expression
 * @param kind the principal kind the argument names
 */
export function principalRef(expr: Node, at: At, kind: PrincipalKind): Ref | undefined {
  const traversal = traversalOf(expr);
  const names = traversal && traversalNames(traversal);
  if (names?.[0] === `aws_iam_${kind}` && names[1]) return tfRef(at.scope, `aws_iam_${kind}.${names[1]}`);
  if (names?.[0] === 'data' && names[1] === `aws_iam_${kind}`) {
    const name = dataAttribute(`aws_iam_${kind}`, names[2], 'name', at);
    return name ? principalNameRef(name, kind) : undefined;
  }
  const value = evaluate(expr, at);
  return value.type === 'String' ? principalNameRef(value.value, kind) : undefined;
}
