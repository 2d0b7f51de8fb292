/**
 * Short descriptions of HCL expressions whose value is unknown, written into placeholders
 * (`${unresolved:var.bucket}`, `${unresolved:for-expression}`): the name a user recognises, in
 * characters that cannot be mistaken for anything else inside an IAM string.
 */
import type { Node } from 'web-tree-sitter';
import { innerExpression, traversalNames, traversalOf } from './hcl.js';

/** Descriptions of expression kinds that have no name of their own. */
const KINDS: Record<string, string> = {
  conditional: 'conditional',
  for_expr: 'for-expression',
  operation: 'operation',
  template_directive: 'template-directive',
  collection_value: 'collection',
};

/**
 * A description made of `[A-Za-z0-9_.:/-]` only: other characters become `_` (a quote, comma,
 * space or brace would make the placeholder look like a policy variable with a default).
 * @param text any text
 * @returns the text restricted to that set, at most 80 characters
 */
export function safeDescription(text: string): string {
  return text.replace(/[^A-Za-z0-9_.:/-]/g, '_').slice(0, 80) || 'expression';
}

/**
 * What an unknown expression is, for its placeholder: a reference's names (`var.x`, `local.y`,
 * `aws_kms_key.k.arn`, `data.aws_s3_bucket.shared.arn`; indices and splats left out), a function
 * call as `<name>-call`, otherwise the kind (`conditional`, `for-expression`, `operation`).
 * @param expr an expression node (or a node an expression wraps)
 * @returns a description in `[A-Za-z0-9_.:/-]`
 */
export function describeExpression(expr: Node): string {
  const traversal = traversalOf(expr);
  if (traversal) return safeDescription(traversalNames(traversal).join('.'));
  const inner = innerExpression(expr);
  if (inner.type === 'function_call') return safeDescription(`${inner.namedChildren[0]?.text ?? 'function'}-call`);
  return KINDS[inner.type] ?? safeDescription(inner.type.replace(/_/g, '-'));
}
