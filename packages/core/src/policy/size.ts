import type { ObjectNode, ValueNode } from '@humanwhocodes/momoa';
import type { SourceLocation } from '../source/location.js';

/**
 * Counts the characters of a JSON value's text without the white space between tokens, the way
 * IAM measures policy size ("IAM doesn't count white space"; IAM User Guide, "IAM and AWS STS
 * quotas"). Strings, numbers and literals count as written (quotes and escape sequences
 * included, since IAM measures the document text); each `{ } [ ] : ,` counts one.
 * @param root a momoa value node (the policy's root object)
 * @returns the count in UTF-16 code units (IAM policies hold only U+0009–U+00FF, one unit each)
 */
export function countWithoutWhitespace(root: ValueNode): number {
  let count = 0;
  const stack: ValueNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'Object') {
      // braces, one colon per member, commas between members
      count += 2 + node.members.length + Math.max(0, node.members.length - 1);
      for (const member of node.members) {
        count += member.name.loc.end.offset - member.name.loc.start.offset;
        stack.push(member.value);
      }
    } else if (node.type === 'Array') {
      count += 2 + Math.max(0, node.elements.length - 1);
      for (const element of node.elements) stack.push(element.value);
    } else {
      count += node.loc.end.offset - node.loc.start.offset;
    }
  }
  return count;
}

/**
 * Counts every character of the policy's root object, white space included, the way AWS
 * Organizations measures SCP and RCP size (AWS Organizations User Guide, "Quotas for AWS
 * Organizations": "all characters count"). White space before and after the root object is not
 * part of the policy and is not counted.
 * @param root the policy's root object (momoa node)
 * @returns the length of its text in UTF-16 code units
 */
export function countAllCharacters(root: ObjectNode): number {
  return root.loc.end.offset - root.loc.start.offset;
}

/**
 * Where size findings point: the policy's opening brace (the whole root object would cover the file).
 * @param root the policy's root object (momoa node)
 * @returns a one-character location
 */
export function openingBrace(root: ObjectNode): SourceLocation {
  const { start } = root.loc;
  return { start, end: { line: start.line, column: start.column + 1, offset: start.offset + 1 } };
}
