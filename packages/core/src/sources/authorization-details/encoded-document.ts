/**
 * Policy documents written as a JSON string: the IAM API returns every document of
 * `GetAccountAuthorizationDetails` URL-encoded (RFC 3986: `%7B%22Version%22%3A…`); the AWS CLI
 * decodes them, other tools may keep them encoded or keep them as plain JSON text. The document is
 * parsed from the decoded text and every node is moved back onto the characters of the string
 * literal it was decoded from (a decoded `"` at `%22`, a JSON escape `\u0041` as a whole), so
 * positions point into the dump exactly.
 */
import { traverse, type ObjectNode, type StringNode } from '@humanwhocodes/momoa';
import { parseJson } from '../../json/parse.js';
import type { Position, SourceLocation } from '../../source/location.js';
import type { SourceError } from '../types.js';

/** A decoded document, or why it could not be read. */
export type DecodedDocument = { ok: true; object: ObjectNode } | { ok: false; error: SourceError };

/**
 * The source offset of every UTF-16 unit of a JSON string literal's value, plus one entry for the
 * closing quote. Every JSON escape (`\n`, `\"`, `\uXXXX`) stands for exactly one unit.
 */
function literalOffsets(text: string, literal: StringNode): number[] {
  const offsets: number[] = [];
  const end = literal.loc.end.offset - 1;
  for (let i = literal.loc.start.offset + 1; i < end; i++) {
    offsets.push(i);
    if (text[i] === '\\') i += text[i + 1] === 'u' ? 5 : 1;
  }
  offsets.push(end);
  return offsets;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes of the UTF-8 sequence a lead byte starts (0 for a byte that cannot start one). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The byte of `%XX` at `i`, or undefined when `value[i..i+3)` is not a percent escape. */
function percentByte(value: string, i: number): number | undefined {
  return value[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3)) ? parseInt(value.slice(i + 1, i + 3), 16) : undefined;
}

/**
 * Percent-decodes `value` (RFC 3986; `+` stays `+`, as in IAM's encoding).
 * @returns the decoded text and, per decoded unit, the index in `value` where its escape starts;
 *   or the index and width of the first malformed escape
 */
function percentDecode(value: string): { text: string; starts: number[] } | { bad: number; width: number } {
  let text = '';
  const starts: number[] = [];
  for (let i = 0; i < value.length; ) {
    if (value[i] !== '%') {
      text += value[i];
      starts.push(i);
      i++;
      continue;
    }
    const lead = percentByte(value, i);
    const length = lead === undefined ? 0 : sequenceLength(lead);
    const bytes = Array.from({ length }, (_, k) => percentByte(value, i + 3 * k));
    let decoded: string | undefined;
    if (length > 0 && bytes.every((b) => b !== undefined)) {
      try {
        decoded = UTF8.decode(new Uint8Array(bytes as number[]));
      } catch {
        decoded = undefined;
      }
    }
    if (decoded === undefined) return { bad: i, width: Math.max(3, 3 * length) };
    for (const unit of decoded) {
      text += unit;
      starts.push(i);
      if (unit.length === 2) starts.push(i);
    }
    i += 3 * length;
  }
  return { text, starts };
}

/**
 * Reads a policy document given as a JSON string. A value that starts with `{` (after blanks) is
 * plain JSON text; any other value is URL-encoded JSON.
 * @param text the whole dump text (positions of `literal` index into it)
 * @param literal the string node holding the document
 * @param what the document's path in the dump, for messages
 * @returns the document's root object with every node located in the literal, or a `SourceError`
 *   located at the malformed escape or where JSON parsing stopped
 */
export function decodeDocumentString(text: string, literal: StringNode, what: string): DecodedDocument {
  const offsets = literalOffsets(text, literal);
  const start = literal.loc.start;
  // A string literal holds no line break, so a position in it is its offset shifted along one line.
  const at = (offset: number): Position => ({ line: start.line, column: start.column + offset - start.offset, offset });
  const span = (from: number, to: number): SourceLocation => ({ start: at(from), end: at(to) });
  const plain = /^\s*\{/.test(literal.value);
  const decoded = plain ? { text: literal.value, starts: literal.value.split('').map((_, i) => i) } : percentDecode(literal.value);
  if ('bad' in decoded) {
    const from = offsets[decoded.bad]!;
    const to = offsets[Math.min(decoded.bad + decoded.width, offsets.length - 1)]!;
    return { ok: false, error: { message: `Invalid URL encoding in ${what}: "${literal.value.slice(decoded.bad, decoded.bad + decoded.width)}" is not a UTF-8 percent escape.`, loc: span(from, to) } };
  }
  // Decoded offset → source offset; the end of the decoded text maps to the closing quote.
  const source = (offset: number): number => offsets[offset < decoded.starts.length ? decoded.starts[offset]! : offsets.length - 1]!;
  const parsed = parseJson(decoded.text);
  if (!parsed.ok) {
    const from = source(parsed.error.position.offset);
    const to = parsed.error.position.offset < decoded.text.length ? source(parsed.error.position.offset + 1) : from;
    const message = parsed.error.message.replace(/^Invalid JSON: /, '');
    return { ok: false, error: { message: `Invalid JSON in ${what}${plain ? '' : ' (URL-decoded)'}: ${message}`, loc: span(from, to) } };
  }
  const root = parsed.document.body;
  if (root.type !== 'Object') {
    return { ok: false, error: { message: `Expected ${what} to be a JSON object, got ${root.type.toLowerCase()}.`, loc: literal.loc } };
  }
  traverse(parsed.document, {
    enter(node) {
      node.loc = span(source(node.loc.start.offset), source(node.loc.end.offset));
    },
  });
  return { ok: true, object: root };
}
