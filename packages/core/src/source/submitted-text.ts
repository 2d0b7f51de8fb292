/**
 * Texts sent to an external analyzer (IAM Access Analyzer) in place of a scanned file, and the
 * way back from positions in that text to positions in the file.
 */
import type { MemberNode, ValueNode } from '@humanwhocodes/momoa';
import { positionAt, type Position, type SourceLocation } from './location.js';

/**
 * A policy text as submitted to an external analyzer, with the map from its offsets back to the
 * scanned file.
 *
 * Raw JSON policy files submit their own text ({@link wholeFileSubmission}), so the map only
 * shifts offsets. A policy inside a template (CloudFormation, Terraform) is serialised from its
 * AST ({@link serializedSubmission}), which records for every token it writes the token's offset
 * range in `text` and its {@link SourceLocation} in the template.
 */
export interface SubmittedText {
  /** The text to submit. */
  text: string;
  /**
   * Where a 0-based offset into `text` (UTF-16 code units) lies in the scanned file.
   * @param offset offset into `text`, clamped to `[0, text.length]`
   * @returns 1-based line and column, 0-based offset, in the scanned file's text
   */
  sourcePosition(offset: number): Position;
}

/**
 * The submission of a raw JSON policy file: its whole text as read, without a leading UTF-8
 * byte-order mark (which the analyzer would reject), so every offset moves by one when there was one.
 * @param fileText the file's text as the engine saw it (positions of results are offsets into it)
 * @returns the text to submit and its map back to `fileText`
 */
export function wholeFileSubmission(fileText: string): SubmittedText {
  const shift = fileText.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = fileText.slice(shift);
  return { text, sourcePosition: (offset) => positionAt(fileText, shift + Math.max(0, Math.min(offset, text.length))) };
}

/**
 * Maps a span `[start, end)` of a submitted text to the scanned file.
 * @param submitted the submission the offsets refer to
 * @param start 0-based start offset into `submitted.text`
 * @param end 0-based exclusive end offset into `submitted.text`
 * @returns the span's location in the scanned file
 */
export function sourceLocation(submitted: SubmittedText, start: number, end: number): SourceLocation {
  return { start: submitted.sourcePosition(start), end: submitted.sourcePosition(Math.max(start, end)) };
}

/** One token written by {@link serializedSubmission}: its range in the submitted text and its source. */
interface WrittenToken {
  start: number;
  end: number;
  loc: SourceLocation;
}

/**
 * The submission of a policy document that is not a file of its own (a CloudFormation or
 * Terraform policy, a document inside a plan or an authorization dump): its tree serialised as
 * compact JSON. Every scalar and member name written keeps the location of the source node it came
 * from; a submitted offset at the start of a token maps to the start of its source node, one at
 * its end to the end, one inside it to the start, and one between tokens to the end of the token
 * before (brackets and commas lie between tokens).
 * @param root the document's root object (momoa node or synthetic one with original positions)
 * @returns the text to submit and its map back to the scanned file
 */
export function serializedSubmission(root: ValueNode): SubmittedText {
  const tokens: WrittenToken[] = [];
  let text = '';
  const write = (piece: string, loc?: SourceLocation): void => {
    if (loc) tokens.push({ start: text.length, end: text.length + piece.length, loc });
    text += piece;
  };
  // iterative, so that deep documents cannot exhaust the stack
  const stack: (ValueNode | string | MemberNode)[] = [root];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      write(item);
    } else if (item.type === 'Member') {
      write(JSON.stringify(item.name.type === 'String' ? item.name.value : item.name.name), item.name.loc);
      write(':');
      stack.push(item.value);
    } else if (item.type === 'Object') {
      write('{');
      stack.push('}');
      for (let i = item.members.length - 1; i >= 0; i--) stack.push(item.members[i]!, ...(i > 0 ? [','] : []));
    } else if (item.type === 'Array') {
      write('[');
      stack.push(']');
      for (let i = item.elements.length - 1; i >= 0; i--) stack.push(item.elements[i]!.value, ...(i > 0 ? [','] : []));
    } else {
      write(scalarJson(item), item.loc);
    }
  }
  const at = (offset: number): Position => {
    const o = Math.max(0, Math.min(offset, text.length));
    const starting = tokens.find((t) => t.start === o);
    if (starting) return starting.loc.start;
    const before = tokens.filter((t) => t.start < o);
    const last = before[before.length - 1];
    if (!last) return (tokens[0]?.loc ?? root.loc).start;
    return o < last.end ? last.loc.start : last.loc.end;
  };
  return { text, sourcePosition: at };
}

/** JSON text of a scalar node (values of other JSON5 node types are written as `null`). */
function scalarJson(node: ValueNode): string {
  switch (node.type) {
    case 'String':
      return JSON.stringify(node.value);
    case 'Number':
      return Number.isFinite(node.value) ? String(node.value) : 'null';
    case 'Boolean':
      return String(node.value);
    default:
      return 'null';
  }
}
