import type { Position, SourceLocation } from '../../source/location.js';

/**
 * Offset → line/column lookup for one text, by binary search over its line starts (the per-call
 * scan of `positionAt` is too slow for the thousands of nodes of a Terraform module). Line breaks
 * are LF, CRLF and lone CR, as `source/location.ts` counts them.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  /** @param text the whole source text (UTF-16 offsets, as JavaScript strings index it) */
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /**
   * @param offset 0-based UTF-16 offset, clamped to the text
   * @returns its 1-based line/column position
   */
  position(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - this.starts[low]! + 1, offset: at };
  }

  /**
   * @param start 0-based start offset
   * @param end 0-based exclusive end offset
   * @returns the location of `[start, end)`
   */
  loc(start: number, end: number): SourceLocation {
    return { start: this.position(start), end: this.position(end) };
  }
}
