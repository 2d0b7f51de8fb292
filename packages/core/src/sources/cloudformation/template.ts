/**
 * The parts of a CloudFormation template that intrinsic functions look up: parameters (with their
 * defaults), mappings and the logical ids and types of resources.
 * Source of truth: CloudFormation User Guide, "Template anatomy", "Parameters", "Mappings".
 */
import type { MemberNode, ObjectNode, StringNode, ValueNode } from '@humanwhocodes/momoa';
import { lastMember, memberName } from '../../policy/build.js';
import type { LineIndex } from '../../source/line-index.js';
import type { ScalarMap } from './scalar-map.js';

/** One resource of the template. */
export interface TemplateResource {
  logicalId: string;
  /** The `Type` string ('' when missing or not a string). */
  type: string;
  member: MemberNode;
  /** The resource's object (`Type`, `Properties`, `Metadata`, …), undefined when it is not an object. */
  object?: ObjectNode;
}

/** A template and what its intrinsics can look up. */
export interface Template {
  /** The file as given to the reader (part of `cfn:<file>#<LogicalId>` references). */
  file: string;
  root: ObjectNode;
  /** Parameter name → its `Type` and `Default` node (when it has one). */
  parameters: Map<string, { type: string; default?: ValueNode }>;
  mappings?: ObjectNode;
  resources: Map<string, TemplateResource>;
  /** Logical ids whose return values are being computed (guards against names that refer to each other). */
  resolving: Set<string>;
  /** Positions of the file's text. */
  lines: LineIndex;
  /** Where the characters of a string node of the template were written (for policies written as JSON strings). */
  scalarMapOf(node: StringNode): ScalarMap | undefined;
}

/**
 * Whether a JSON value is a CloudFormation template: an object with `AWSTemplateFormatVersion`, or
 * with a `Resources` object one of whose resources has a `Type` starting with `AWS::` (SAM's
 * `AWS::Serverless::` included).
 * @param root the document's root value
 * @returns true for a template
 */
export function isCloudFormationTemplate(root: ValueNode | undefined): boolean {
  if (root?.type !== 'Object') return false;
  if (lastMember(root, 'AWSTemplateFormatVersion')) return true;
  const resources = lastMember(root, 'Resources')?.value;
  if (resources?.type !== 'Object') return false;
  return resources.members.some((m) => {
    const type = m.value.type === 'Object' ? lastMember(m.value, 'Type')?.value : undefined;
    return type?.type === 'String' && type.value.startsWith('AWS::');
  });
}

/**
 * Indexes a template's parameters, mappings and resources.
 * @param root the template's root object
 * @param file the file as given to the reader
 * @param lines positions of the file's text
 * @param scalarMapOf character maps of string nodes (YAML scalars, JSON strings)
 * @returns the template
 */
export function indexTemplate(root: ObjectNode, file: string, lines: LineIndex, scalarMapOf: Template['scalarMapOf']): Template {
  const parameters = new Map<string, { type: string; default?: ValueNode }>();
  for (const member of objectMembers(lastMember(root, 'Parameters')?.value)) {
    const declaration = member.value.type === 'Object' ? member.value : undefined;
    const type = declaration ? lastMember(declaration, 'Type')?.value : undefined;
    parameters.set(memberName(member), {
      type: type?.type === 'String' ? type.value : 'String',
      default: declaration ? lastMember(declaration, 'Default')?.value : undefined,
    });
  }
  const resources = new Map<string, TemplateResource>();
  for (const member of objectMembers(lastMember(root, 'Resources')?.value)) {
    const object = member.value.type === 'Object' ? member.value : undefined;
    const type = object ? lastMember(object, 'Type')?.value : undefined;
    resources.set(memberName(member), { logicalId: memberName(member), type: type?.type === 'String' ? type.value : '', member, object });
  }
  const mappings = lastMember(root, 'Mappings')?.value;
  return { file, root, parameters, mappings: mappings?.type === 'Object' ? mappings : undefined, resources, resolving: new Set(), lines, scalarMapOf };
}

/** The members of an object value (none for other values). */
export function objectMembers(value: ValueNode | undefined): MemberNode[] {
  return value?.type === 'Object' ? value.members : [];
}
