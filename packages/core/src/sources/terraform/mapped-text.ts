/**
 * Text assembled from pieces of a source file (an HCL string with escapes and interpolations, a
 * JSON string literal inside a Terraform plan, a template file with `${name}` substitutions), with
 * the source span of every character, so JSON parsed from the assembled text is located in the
 * original file.
 */
import type { DocumentNode, ValueNode } from '@humanwhocodes/momoa';
import { relocateValue } from '../synthetic.js';
import { parseJson } from '../../json/parse.js';
import type { SourceLocation } from '../../source/location.js';
import type { LineIndex } from '../../source/line-index.js';

/** Assembled text and, per character, the source offsets `[starts[i], ends[i])` it came from. */
export class MappedText {
  text = '';
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  /**
   * Appends `value`, every character of which stands for the source span `[start, end)` (an
   * escape sequence, an interpolation, or one character when `end = start + 1`).
   */
  push(value: string, start: number, end: number): void {
    this.text += value;
    for (let i = 0; i < value.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  /** Appends source text taken verbatim from offset `start` of the source. */
  pushVerbatim(value: string, start: number): void {
    this.text += value;
    for (let i = 0; i < value.length; i++) {
      this.starts.push(start + i);
      this.ends.push(start + i + 1);
    }
  }

  /**
   * The source span of the assembled range `[start, end)`; an empty range maps to a point.
   * @param sourceEnd the source offset that stands for the end of the assembled text
   */
  span(start: number, end: number, sourceEnd: number): [number, number] {
    const from = start < this.text.length ? this.starts[start]! : sourceEnd;
    const to = end > start ? this.ends[end - 1]! : from;
    return [from, Math.max(from, to)];
  }
}

/** Outcome of {@link parseMappedJson}. */
export type MappedJsonResult = { ok: true; value: ValueNode } | { ok: false; message: string; loc: SourceLocation };

/**
 * Parses assembled text as JSON (momoa, via `json/parse.ts`) and relocates every node to its span
 * in the source file.
 * @param mapped the assembled text
 * @param lines line index of the source file the spans point into
 * @param sourceEnd source offset standing for the end of the assembled text (for errors at its end)
 * @returns the relocated root value, or the syntax error (its message without the
 *   `Invalid JSON: ` prefix, for the caller's own) located in the source file
 */
export function parseMappedJson(mapped: MappedText, lines: LineIndex, sourceEnd: number): MappedJsonResult {
  const parsed = parseJson(mapped.text);
  if (!parsed.ok) {
    const at = mapped.span(parsed.error.position.offset, parsed.error.position.offset, sourceEnd)[0];
    return { ok: false, message: parsed.error.message.replace(/^Invalid JSON: /, ''), loc: lines.location(at, at) };
  }
  const relocate = (loc: SourceLocation): SourceLocation => {
    const [from, to] = mapped.span(loc.start.offset, loc.end.offset, sourceEnd);
    return lines.location(from, to);
  };
  return { ok: true, value: relocateValue((parsed.document as DocumentNode).body, relocate) };
}
