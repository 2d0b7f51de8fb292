import type { Position, SourceLocation } from './location.js';

/**
 * Position lookup for many offsets of one text: the line starts are computed once, each lookup is a
 * binary search. Line breaks are LF, CRLF and lone CR, as in {@link positionAt} (`location.ts`),
 * which gives the same answers one offset at a time.
 */
export interface LineIndex {
  /**
   * The position of a 0-based UTF-16 offset.
   * @param offset clamped to `[0, text.length]`
   * @returns 1-based line and column, and the (clamped) offset
   */
  position(offset: number): Position;
  /**
   * The location of the span `[start, end)`.
   * @param start 0-based start offset
   * @param end 0-based exclusive end offset (at least `start`)
   */
  location(start: number, end: number): SourceLocation;
}

/**
 * Builds a {@link LineIndex} over `text`.
 * @param text the whole source text
 * @returns the lookup
 */
export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  const position = (offset: number): Position => {
    const at = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - starts[low]! + 1, offset: at };
  };
  return { position, location: (start, end) => ({ start: position(start), end: position(Math.max(start, end)) }) };
}
