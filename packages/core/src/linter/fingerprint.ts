import { createHash } from 'node:crypto';
import type { DocumentNode, MemberNode, ValueNode } from '@humanwhocodes/momoa';
import { memberName } from '../policy/build.js';
import type { SourceLocation } from '../source/location.js';
import type { Result } from './types.js';

/** The JSON element a result points at: its path from the document root and its shape. */
interface ElementKey {
  path: string;
  shape: string;
}

function contains(node: { loc: SourceLocation }, loc: SourceLocation): boolean {
  return node.loc.start.offset <= loc.start.offset && loc.end.offset <= node.loc.end.offset;
}

/**
 * Path segment of an array element: `Sid:<sid>` for an object with a string Sid, `{<hash>}` for
 * another object (a hash of its text without whitespace, so statements inserted or removed
 * around it do not change it), `*` for a scalar, else its index.
 */
function elementSegment(value: ValueNode, index: number, text: string): string {
  if (value.type === 'Object') {
    const sid = value.members.findLast((m) => memberName(m) === 'Sid')?.value;
    if (sid?.type === 'String') return `Sid:${sid.value}`;
    const content = text.slice(value.loc.start.offset, value.loc.end.offset).replace(/\s+/g, '');
    return `{${createHash('sha256').update(content).digest('hex').slice(0, 12)}}`;
  }
  return value.type === 'Array' ? String(index) : '*';
}

/**
 * What stays the same when unrelated parts of the file change: an object's member names in
 * order, a constant for arrays, a scalar's JSON text as written.
 */
function shapeOf(node: ValueNode | MemberNode['name'], text: string): string {
  if (node.type === 'Object') return `{${node.members.map((m) => JSON.stringify(memberName(m))).join(',')}}`;
  if (node.type === 'Array') return '[]';
  return text.slice(node.loc.start.offset, node.loc.end.offset);
}

/**
 * Finds the innermost JSON value or member name that contains `loc` and describes it without
 * line numbers. Path segments are `/`-separated member names (`~` and `/` escaped as in JSON
 * Pointer, RFC 6901) and array elements as {@link elementSegment} writes them, so inserting,
 * removing or moving statements, or reordering the strings of an array, keeps the path (editing
 * a statement without a Sid changes the paths inside it).
 */
function elementKey(document: DocumentNode, loc: SourceLocation, text: string): ElementKey {
  let node: ValueNode = document.body;
  let path = '';
  for (;;) {
    if (node.type === 'Object') {
      const member = node.members.find((m) => contains(m.name, loc) || contains(m.value, loc));
      if (!member) break;
      path += `/${memberName(member).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (contains(member.name, loc)) return { path: `${path}#key`, shape: shapeOf(member.name, text) };
      node = member.value;
    } else if (node.type === 'Array') {
      const index = node.elements.findIndex((e) => contains(e.value, loc));
      if (index === -1) break;
      node = node.elements[index]!.value;
      path += `/${elementSegment(node, index, text)}`;
    } else {
      break;
    }
  }
  return { path, shape: shapeOf(node, text) };
}

/** The text of the line `loc` starts on, without spaces and tabs (for results without a JSON tree). */
function lineKey(loc: SourceLocation, text: string): ElementKey {
  const lineStart = loc.start.offset - (loc.start.column - 1);
  const rest = text.slice(lineStart);
  const lineEnd = rest.search(/\r|\n/);
  return { path: '', shape: (lineEnd === -1 ? rest : rest.slice(0, lineEnd)).replace(/[ \t]/g, '') };
}

/**
 * Gives every result of one file its `fingerprint`: the first 16 hex digits of the SHA-256 of the
 * rule id, message id and the element's path and shape (see {@link elementKey}), then `:` and an
 * occurrence number that counts results with the same hash in position order (as GitHub's
 * `primaryLocationLineHash` does). Line numbers, columns, indentation and the message text are
 * not part of it, so inserting lines or statements above a finding keeps its fingerprint.
 * Results of a file that is not valid JSON use the text of their line instead of a path.
 * @param results the file's results, sorted by position (changed in place)
 * @param document the parsed file, or undefined when it is not valid JSON
 * @param text the file's text
 */
export function assignFingerprints(results: Result[], document: DocumentNode | undefined, text: string): void {
  const seen = new Map<string, number>();
  for (const result of results) {
    const key = document ? elementKey(document, result.loc, text) : lineKey(result.loc, text);
    const hash = createHash('sha256')
      .update(JSON.stringify([result.ruleId, result.messageId, key.path, key.shape]))
      .digest('hex')
      .slice(0, 16);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    result.fingerprint = `${hash}:${occurrence}`;
  }
}
