/**
 * Source positions used everywhere in iamscope.
 *
 * Convention (same as ESLint, momoa and SARIF 2.1.0 §3.30 "region"):
 * - `line` and `column` are 1-based;
 * - columns count UTF-16 code units (SARIF `columnKind: "utf16CodeUnits"`, §3.14.17);
 * - `offset` is a 0-based UTF-16 code-unit index into the text;
 * - an `end` position is exclusive: it points one past the last character.
 */

/** One point in a source text: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open span `[start, end)` of a source text. */
export interface SourceLocation {
  start: Position;
  end: Position;
}

/**
 * Computes the position of a 0-based offset in `text`.
 * Line breaks are LF, CRLF and lone CR (as JSON and momoa count them).
 * @param text the whole source text
 * @param offset 0-based UTF-16 offset, clamped to `[0, text.length]`
 * @returns the 1-based line/column position of that offset
 */
export function positionAt(text: string, offset: number): Position {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1, offset: end };
}

/**
 * A zero-width location at a position (used for errors at a single point).
 * @param position the point
 * @returns `{ start: position, end: position }`
 */
export function pointLocation(position: Position): SourceLocation {
  return { start: position, end: position };
}
