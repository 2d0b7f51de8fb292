/**
 * How a template names roles, users, groups and managed policies in references (`Ref`,
 * `Fn::GetAtt`, literal names and ARNs), turned into the engine's {@link Ref} keys.
 */
import type { ValueNode } from '@humanwhocodes/momoa';
import { hasPlaceholder } from '../placeholder.js';
import type { Ref } from '../types.js';
import { intrinsicOf, resolveString, resolveValue } from './intrinsics.js';
import type { Template } from './template.js';

/**
 * The reference key of a resource of the template.
 * @param template the template
 * @param logicalId the resource's logical id
 * @returns `cfn:<file>#<LogicalId>`
 */
export function resourceRef(template: Template, logicalId: string): Ref {
  return `cfn:${template.file}#${logicalId}`;
}

/**
 * The items of a list property (`ManagedPolicyArns`, `Roles`, `Groups`): both branches of an
 * `Fn::If` item, without `AWS::NoValue`; a property given as one intrinsic that resolves to a list
 * (a `Ref` to a `CommaDelimitedList` parameter) gives that list's items.
 * @param template the template
 * @param value the property's value
 * @returns the item nodes (unresolved, so `Ref`s to resources stay recognisable)
 */
export function listItems(template: Template, value: ValueNode): ValueNode[] {
  const call = intrinsicOf(value);
  if (value.type === 'Array') return value.elements.flatMap((e) => listItems(template, e.value));
  if (call?.name === 'Fn::If' && call.argument.type === 'Array') return call.argument.elements.slice(1, 3).flatMap((e) => listItems(template, e.value));
  if (!call || call.name === 'Fn::GetAtt') return [value];
  const resolved = resolveValue(template, value);
  if (!resolved) return [];
  return resolved.type === 'Array' ? resolved.elements.map((e) => e.value) : [call.name === 'Ref' ? value : resolved];
}

/**
 * The reference key a value stands for.
 * @param template the template
 * @param node a `Ref`/`Fn::GetAtt` to a resource of the template, a name, or an ARN (possibly built by intrinsics)
 * @param kind what the value names (a name `x` becomes `name:<kind>/x`)
 * @returns `cfn:<file>#<LogicalId>` for a resource of the template, the ARN when it is known in
 *   full, `name:<kind>/<name>` for a literal name or an ARN whose name is literal but whose
 *   account or partition is not; undefined when the value is unknown
 */
export function referenceOf(template: Template, node: ValueNode, kind: 'role' | 'user' | 'group' | 'policy'): Ref | undefined {
  const call = intrinsicOf(node);
  const target = call?.name === 'Ref' ? call.argument : call?.name === 'Fn::GetAtt' ? getAttResource(call.argument) : undefined;
  if (target?.type === 'String') {
    const id = call?.name === 'Fn::GetAtt' ? target.value.split('.')[0]! : target.value;
    if (template.resources.has(id)) return resourceRef(template, id);
  }
  const text = resolveString(template, node);
  if (text === '') return undefined;
  if (text.startsWith('arn:')) {
    if (!hasPlaceholder(text)) return text;
    const name = new RegExp(`:iam::.*:${kind}/(?:[^/]*/)*([^/]+)$`).exec(text)?.[1];
    return name && !hasPlaceholder(name) ? `name:${kind}/${name}` : undefined;
  }
  return hasPlaceholder(text) ? undefined : `name:${kind}/${text}`;
}

/** The resource part of `Fn::GetAtt`'s argument (`["Role", "Arn"]` or `"Role.Arn"`). */
function getAttResource(argument: ValueNode): ValueNode | undefined {
  return argument.type === 'Array' ? argument.elements[0]?.value : argument;
}

/**
 * A property's literal text after resolution (a `RoleName` written out or taken from a parameter default).
 * @param template the template
 * @param node the property's value, if any
 * @returns the text, or undefined when it is missing or has unknown parts
 */
export function literalText(template: Template, node: ValueNode | undefined): string | undefined {
  if (!node) return undefined;
  const text = resolveString(template, node);
  return text === '' || hasPlaceholder(text) ? undefined : text;
}
