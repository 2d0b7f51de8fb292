import { parse as momoaParse, type DocumentNode } from '@humanwhocodes/momoa';
import { MAX_JSON_DEPTH, prescanJson } from './prescan.js';
import { positionAt, type Position } from '../source/location.js';

/** A JSON syntax problem: a message and the 1-based position where parsing stopped. */
export interface JsonSyntaxError {
  message: string;
  position: Position;
}

/** Outcome of {@link parseJson}: the momoa document, or the syntax error. */
export type JsonParseResult =
  | { ok: true; document: DocumentNode }
  | { ok: false; error: JsonSyntaxError };

/**
 * Parses JSON text into a momoa AST that keeps every member (duplicate keys included) with
 * 1-based line/column positions in UTF-16 code units.
 *
 * Never throws for bad input: a leading UTF-8 byte-order mark is treated as whitespace (so
 * positions stay those of the original text); nesting deeper than {@link MAX_JSON_DEPTH}, raw
 * control characters in strings and every momoa syntax error become a {@link JsonSyntaxError}.
 * Source of truth: RFC 8259; momoa's `parse` in "json" mode.
 * @param text the file contents as a JS string
 * @returns `{ ok: true, document }` or `{ ok: false, error }`
 */
export function parseJson(text: string): JsonParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const problem = prescanJson(source);
  if (problem) return { ok: false, error: problem };
  try {
    return { ok: true, document: momoaParse(source, { mode: 'json' }) };
  } catch (error) {
    return { ok: false, error: toSyntaxError(source, error) };
  }
}

/**
 * Parses text as JSON with comments and trailing commas (JSONC, as in tsconfig.json or VS Code
 * settings), after the same nesting and control-character checks as {@link parseJson}. Used only
 * to tell a JSONC configuration file, which holds no policy, from a broken policy.
 * @param text file contents (a leading BOM is ignored)
 * @returns the document, or undefined when the text is not JSONC either
 */
export function parseJsonc(text: string): DocumentNode | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  if (prescanJson(source)) return undefined;
  try {
    return momoaParse(source, { mode: 'jsonc', allowTrailingCommas: true });
  } catch {
    return undefined;
  }
}

const TOKEN_TEXT: Record<string, string> = {
  LBrace: '"{"',
  RBrace: '"}"',
  LBracket: '"["',
  RBracket: '"]"',
  Comma: '","',
  Colon: '":"',
  String: 'string',
  Number: 'number',
  Boolean: 'boolean',
  Null: '"null"',
};

/** Offset just past the token that starts at `offset` (punctuation, string, or word). */
function tokenEnd(text: string, offset: number): number {
  const c = text[offset];
  if (c === undefined) return offset;
  if ('{}[],:'.includes(c)) return offset + 1;
  if (c === '"') {
    for (let i = offset + 1; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return i + 1;
    }
    return text.length;
  }
  let i = offset;
  while (i < text.length && /[A-Za-z0-9+\-.]/.test(text[i]!)) i++;
  return Math.max(i, offset + 1);
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i;
}

/** Writes control and other invisible characters of a message as JSON escapes. */
function printable(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f-\u009f\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Turns momoa's error into a message in JSON's own terms at the position where parsing stopped:
 * a document that ends early (momoa reports its last token, or 1:1) gets "Unexpected end of input"
 * at the end of the text; a `]`/`}` after a comma is a trailing comma, reported at the comma;
 * token names become the characters (`"]"`).
 */
function toSyntaxError(text: string, error: unknown): JsonSyntaxError {
  const e = error as { message?: unknown; offset?: unknown };
  const raw = (typeof e.message === 'string' ? e.message : String(error)).replace(/\s*\(\d+:\d+\)$/, '');
  const offset = typeof e.offset === 'number' ? Math.min(Math.max(e.offset, 0), text.length) : 0;
  const token = /^Unexpected token (\w+) found\.?$/.exec(raw)?.[1];
  const closing = token === 'RBrace' || token === 'RBracket';
  if (closing && text[previousNonSpace(text, offset)] === ',') {
    const comma = previousNonSpace(text, offset);
    return { message: `Invalid JSON: Unexpected trailing comma before ${TOKEN_TEXT[token]}.`, position: positionAt(text, comma) };
  }
  const lastToken = token !== undefined && !closing && text.slice(tokenEnd(text, offset)).trim() === '';
  if (/end of input/.test(raw) || lastToken) {
    return { message: 'Invalid JSON: Unexpected end of input.', position: positionAt(text, text.length) };
  }
  const message = token ? `Unexpected ${TOKEN_TEXT[token] ?? token}.` : `${raw.replace(/\.$/, '')}.`;
  return { message: `Invalid JSON: ${printable(message.replace(/ found\.$/, '.'))}`, position: positionAt(text, offset) };
}
