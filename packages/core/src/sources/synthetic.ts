/**
 * Builders of momoa-shaped JSON nodes for documents that are not JSON text (YAML, HCL) or that are
 * built from several places (a Terraform `aws_iam_policy_document`). Every node gets the location
 * of the source node it stands for, so results point into the file the user edits. The IAM layer
 * (`policy/build.ts`) reads these nodes exactly as it reads momoa's.
 */
import type { ArrayNode, BooleanNode, DocumentNode, ElementNode, MemberNode, NullNode, NumberNode, ObjectNode, StringNode, ValueNode } from '@humanwhocodes/momoa';
import type { SourceLocation } from '../source/location.js';

/** A string node with `value` located at `loc`. */
export function stringNode(value: string, loc: SourceLocation): StringNode {
  return { type: 'String', value, loc };
}

/** A number node. */
export function numberNode(value: number, loc: SourceLocation): NumberNode {
  return { type: 'Number', value, loc };
}

/** A boolean node. */
export function booleanNode(value: boolean, loc: SourceLocation): BooleanNode {
  return { type: 'Boolean', value, loc };
}

/** A null node (also used for values a reader cannot represent, e.g. a YAML alias cycle). */
export function nullNode(loc: SourceLocation): NullNode {
  return { type: 'Null', loc };
}

/** An array node whose element nodes share their values' locations. */
export function arrayNode(values: ValueNode[], loc: SourceLocation): ArrayNode {
  return { type: 'Array', elements: values.map((value) => ({ type: 'Element', value, loc: value.loc })), loc };
}

/**
 * An object member: the name node is located at `nameLoc` (the key as written), the member spans
 * from the key to the end of the value.
 */
export function memberNode(name: string, nameLoc: SourceLocation, value: ValueNode): MemberNode {
  const end = value.loc.end.offset >= nameLoc.end.offset ? value.loc.end : nameLoc.end;
  return { type: 'Member', name: stringNode(name, nameLoc), value, loc: { start: nameLoc.start, end } };
}

/** An object node. */
export function objectNode(members: MemberNode[], loc: SourceLocation): ObjectNode {
  return { type: 'Object', members, loc };
}

/** A document node around `body`. */
export function documentNode(body: ValueNode): DocumentNode {
  return { type: 'Document', body, loc: body.loc };
}

/**
 * A deep copy of a momoa-shaped value with every location replaced by `relocate(loc)`.
 * @param value momoa or synthetic value
 * @param relocate new location of a node from its old one
 */
export function relocateValue(value: ValueNode, relocate: (loc: SourceLocation) => SourceLocation): ValueNode {
  const loc = relocate(value.loc);
  switch (value.type) {
    case 'Object':
      return {
        ...value,
        loc,
        members: value.members.map(
          (member): MemberNode => ({
            ...member,
            loc: relocate(member.loc),
            name: { ...member.name, loc: relocate(member.name.loc) },
            value: relocateValue(member.value, relocate),
          }),
        ),
      } as ObjectNode;
    case 'Array':
      return {
        ...value,
        loc,
        elements: value.elements.map(
          (element): ElementNode => ({ ...element, loc: relocate(element.loc), value: relocateValue(element.value, relocate) }),
        ),
      } as ArrayNode;
    default:
      return { ...value, loc };
  }
}
