/**
 * Texts sent to an external analyzer (IAM Access Analyzer) in place of a scanned file, and the
 * way back from positions in that text to positions in the file.
 */
import { positionAt, type Position, type SourceLocation } from './location.js';

/**
 * A policy text as submitted to an external analyzer, with the map from its offsets back to the
 * scanned file.
 *
 * Raw JSON policy files submit their own text ({@link wholeFileSubmission}), so the map only
 * shifts offsets. A policy inside a template (CloudFormation, Terraform; issue #6) supplies its
 * own implementation: it serialises the policy's AST to JSON for `text` and records, for every
 * token it writes, the token's offset range in `text` and its {@link SourceLocation} in the
 * template; `sourcePosition` then maps an offset inside a token copied verbatim to the same
 * relative place in the source token, and any other offset to the start of its token's source.
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
