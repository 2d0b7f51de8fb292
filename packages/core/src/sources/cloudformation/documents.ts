/**
 * The policy documents a template property holds, in every form CloudFormation accepts: a JSON
 * object (intrinsics resolved, `intrinsics.ts`), a JSON string (parsed and located character by
 * character where the scalar style allows, `embedded-json.ts`), an `Fn::Sub` whose template is
 * JSON text (its variables substituted in each string), `Fn::ToJsonString` of an object, either
 * branch of an `Fn::If`, or any other intrinsic that resolves to JSON text (located at the call).
 */
import type { ObjectNode, ValueNode } from '@humanwhocodes/momoa';
import type { SourceError } from '../types.js';
import { parseEmbeddedJson } from './embedded-json.js';
import { intrinsicOf, resolveValue, substitute } from './intrinsics.js';
import type { Template } from './template.js';

/** A policy document found in a property, with the path it sits at. */
export interface FoundDocument {
  object: ObjectNode;
  path: string;
}

/**
 * Reads the policy documents of a property value.
 * @param template the template
 * @param value the property's value
 * @param path where the value sits, e.g. `Resources.Key.Properties.KeyPolicy`
 * @param errors receives syntax errors of JSON text and values that are no document
 * @returns the documents: none for `AWS::NoValue` or a value that cannot be known (a `Ref` to a
 *   parameter without a default), two for an `Fn::If` between documents
 */
export function documentsOf(template: Template, value: ValueNode, path: string, errors: SourceError[]): FoundDocument[] {
  const call = intrinsicOf(value);
  const args = call?.argument.type === 'Array' ? call.argument.elements.map((e) => e.value) : call ? [call.argument] : [];
  if (call?.name === 'Fn::If') {
    return args.slice(1, 3).flatMap((branch, i) => documentsOf(template, branch, `${path}(Fn::If ${i === 0 ? 'true' : 'false'})`, errors));
  }
  if (call?.name === 'Fn::ToJsonString' && args[0]) return documentsOf(template, args[0], path, errors);
  if (call?.name === 'Fn::Sub' && args[0]?.type === 'String') {
    const parsed = fromText(template, args[0].value, args[0].loc, template.scalarMapOf(args[0]), path, errors);
    return parsed ? [{ object: substituteStrings(template, parsed, args[1]), path }] : [];
  }
  if (value.type === 'String') {
    const parsed = fromText(template, value.value, value.loc, template.scalarMapOf(value), path, errors);
    return parsed ? [{ object: parsed, path }] : [];
  }
  const resolved = resolveValue(template, value);
  if (resolved?.type === 'Object') return [{ object: resolved, path }];
  if (call && resolved?.type === 'String' && resolved.value.trimStart().startsWith('{')) {
    const parsed = fromText(template, resolved.value, call.node.loc, undefined, path, errors);
    return parsed ? [{ object: parsed, path }] : [];
  }
  if (!call && resolved) errors.push({ message: `Expected a policy document (an object) at ${path}, got ${resolved.type.toLowerCase()}.`, loc: value.loc });
  return [];
}

/** A policy written as JSON text, as an object, or undefined after recording why not. */
function fromText(
  template: Template,
  text: string,
  loc: ObjectNode['loc'],
  map: ReturnType<Template['scalarMapOf']>,
  path: string,
  errors: SourceError[],
): ObjectNode | undefined {
  const parsed = parseEmbeddedJson(text, loc, map, template.lines);
  if (!parsed.ok) {
    errors.push({ message: `Invalid JSON in the policy text at ${path}: ${parsed.message}`, loc: parsed.loc });
    return undefined;
  }
  if (parsed.value.type === 'Object') return parsed.value;
  errors.push({ message: `Expected a policy document (a JSON object) at ${path}, got ${parsed.value.type.toLowerCase()}.`, loc: parsed.value.loc });
  return undefined;
}

/** Applies `Fn::Sub`'s variables to every string value of a document parsed from its template text. */
function substituteStrings<T extends ValueNode>(template: Template, node: T, variables: ValueNode | undefined): T {
  if (node.type === 'String') return node.value.includes('${') ? { ...node, value: substitute(template, node.value, variables) } : node;
  if (node.type === 'Array') return { ...node, elements: node.elements.map((e) => ({ ...e, value: substituteStrings(template, e.value, variables) })) };
  if (node.type === 'Object') return { ...node, members: node.members.map((m) => ({ ...m, value: substituteStrings(template, m.value, variables) })) };
  return node;
}
