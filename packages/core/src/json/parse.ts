import { parse as momoaParse, type DocumentNode } from '@humanwhocodes/momoa';
import { findExcessiveNesting, MAX_JSON_DEPTH } from './nesting.js';
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
 * positions stay those of the original text), nesting deeper than {@link MAX_JSON_DEPTH} and
 * every momoa syntax error become a {@link JsonSyntaxError}.
 * Source of truth: RFC 8259; momoa's `parse` in "json" mode.
 * @param text the file contents as a JS string
 * @returns `{ ok: true, document }` or `{ ok: false, error }`
 */
export function parseJson(text: string): JsonParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const deep = findExcessiveNesting(source);
  if (deep) {
    return { ok: false, error: { message: `JSON nesting deeper than ${MAX_JSON_DEPTH} levels.`, position: deep } };
  }
  try {
    return { ok: true, document: momoaParse(source, { mode: 'json' }) };
  } catch (error) {
    return { ok: false, error: toSyntaxError(source, error) };
  }
}

function toSyntaxError(text: string, error: unknown): JsonSyntaxError {
  const e = error as { message?: unknown; line?: unknown; column?: unknown; offset?: unknown };
  const raw = typeof e.message === 'string' ? e.message : String(error);
  const message = `Invalid JSON: ${raw.replace(/\s*\(\d+:\d+\)$/, '')}.`.replace(/\.\.$/, '.');
  if (typeof e.offset === 'number' && typeof e.line === 'number' && typeof e.column === 'number') {
    return { message, position: { line: e.line, column: e.column, offset: e.offset } };
  }
  return { message, position: positionAt(text, 0) };
}
