/**
 * Policies written as JSON text inside a template (ECR `RepositoryPolicyText`, Logs
 * `PolicyDocument`, a YAML `PolicyDocument: |` block, a `!Sub` whose template is JSON): parsed with
 * momoa, then every node is moved to where its characters were written in the template.
 */
import type { ValueNode } from '@humanwhocodes/momoa';
import { parseJson } from '../../json/parse.js';
import { relocateValue } from '../synthetic.js';
import type { LineIndex } from '../../source/line-index.js';
import type { SourceLocation } from '../../source/location.js';
import type { ScalarMap } from './scalar-map.js';

/** Outcome of {@link parseEmbeddedJson}: the value with template positions, or an error located in the template. */
export type EmbeddedJson = { ok: true; value: ValueNode } | { ok: false; message: string; loc: SourceLocation };

/**
 * Parses a string value as JSON and relocates its nodes into the enclosing file.
 * @param value the decoded string
 * @param whole the location of the string's node in the file (every node gets it when `map` is undefined)
 * @param map where each character of `value` was written ({@link scalarMap}), if known exactly
 * @param lines positions of the enclosing file
 * @returns the JSON value, or the syntax error (its message without the `Invalid JSON: ` prefix,
 *   for the caller's own) at its place in the file
 */
export function parseEmbeddedJson(value: string, whole: SourceLocation, map: ScalarMap | undefined, lines: LineIndex): EmbeddedJson {
  const span = (start: number, end: number): SourceLocation => {
    if (!map || map.starts.length === 0) return whole;
    const last = map.starts.length - 1;
    const from = map.starts[Math.min(start, last)]!;
    const to = end > start ? map.ends[Math.min(end - 1, last)]! : from;
    return lines.location(from, to);
  };
  const parsed = parseJson(value);
  if (!parsed.ok) {
    const at = span(parsed.error.position.offset, parsed.error.position.offset).start;
    return { ok: false, message: parsed.error.message.replace(/^Invalid JSON: /, ''), loc: { start: at, end: at } };
  }
  return { ok: true, value: relocateValue(parsed.document.body, (loc) => span(loc.start.offset, loc.end.offset)) };
}

