/**
 * Where each character of a string value was written in the source text, for the scalar styles
 * whose decoding can be undone exactly: a JSON (or YAML double-quoted) string on one line, a YAML
 * single-quoted or plain scalar on one line, and a YAML literal block scalar (`|`). Used to give a
 * policy that is written as a JSON string (ECR `RepositoryPolicyText`, a `PolicyDocument: |` block)
 * positions in the enclosing file. Folded (`>`) and multi-line flow scalars have no map: their
 * line folding is not undone, and callers locate every node at the whole scalar instead.
 */

/**
 * `starts[i]` and `ends[i]` are the source offsets (0-based, UTF-16) of the first character and one
 * past the last character written for `value[i]` (an escape such as `\"` spans two source characters).
 */
export interface ScalarMap {
  starts: number[];
  ends: number[];
}

/** YAML scalar styles (the `type` of a `yaml` Scalar node). */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/**
 * The character map of a scalar.
 * @param text the whole source text
 * @param start offset where the scalar's source begins (the opening quote, the `|` header)
 * @param end offset one past the scalar's source (after the closing quote, the last content line)
 * @param style how the scalar is written (`QUOTE_DOUBLE` also for JSON strings)
 * @param value the decoded value, against which the map is checked
 * @returns the map, or undefined when the style cannot be mapped exactly or the check fails
 */
export function scalarMap(text: string, start: number, end: number, style: ScalarStyle, value: string): ScalarMap | undefined {
  const raw = text.slice(start, end);
  let map: { decoded: string; map: ScalarMap } | undefined;
  if (style === 'BLOCK_LITERAL') map = literalBlock(raw, start);
  else if (/[\r\n]/.test(raw) || style === 'BLOCK_FOLDED') return undefined;
  else if (style === 'QUOTE_DOUBLE') map = doubleQuoted(raw, start);
  else if (style === 'QUOTE_SINGLE') map = singleQuoted(raw, start);
  else map = { decoded: raw, map: identity(start, raw.length) };
  if (!map || !map.decoded.startsWith(value)) return undefined;
  return { starts: map.map.starts.slice(0, value.length), ends: map.map.ends.slice(0, value.length) };
}

function identity(start: number, length: number): ScalarMap {
  const starts = Array.from({ length }, (_, i) => start + i);
  return { starts, ends: starts.map((s) => s + 1) };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t',
  '0': '\0', a: '\x07', v: '\v', e: '\x1b', ' ': ' ', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A double-quoted string (JSON, or YAML on one line), quotes included. */
function doubleQuoted(raw: string, start: number): { decoded: string; map: ScalarMap } | undefined {
  let decoded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (chars: string, from: number, to: number): void => {
    for (const c of chars.split('')) {
      decoded += c;
      starts.push(start + from);
      ends.push(start + to);
    }
  };
  for (let i = 1; i < raw.length - 1; i++) {
    if (raw[i] !== '\\') {
      push(raw[i]!, i, i + 1);
      continue;
    }
    const kind = raw[i + 1] ?? '';
    const hex = HEX_LENGTH[kind];
    if (hex !== undefined) {
      const digits = raw.slice(i + 2, i + 2 + hex);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hex) return undefined;
      push(String.fromCodePoint(parseInt(digits, 16)), i, i + 2 + hex);
      i += 1 + hex;
    } else if (SIMPLE_ESCAPES[kind] !== undefined) {
      push(SIMPLE_ESCAPES[kind], i, i + 2);
      i += 1;
    } else {
      return undefined;
    }
  }
  return { decoded, map: { starts, ends } };
}

/** A YAML single-quoted scalar on one line, quotes included (`''` stands for `'`). */
function singleQuoted(raw: string, start: number): { decoded: string; map: ScalarMap } {
  let decoded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 1; i < raw.length - 1; i++) {
    const escaped = raw[i] === "'" && raw[i + 1] === "'";
    decoded += raw[i];
    starts.push(start + i);
    ends.push(start + i + (escaped ? 2 : 1));
    if (escaped) i++;
  }
  return { decoded, map: { starts, ends } };
}

/**
 * A YAML literal block scalar from its `|` header: every content line loses its indentation (the
 * header's indentation indicator, else that of the first non-blank line) and ends with a line
 * feed. The result is the value before chomping, so the value is a prefix of it.
 */
function literalBlock(raw: string, start: number): { decoded: string; map: ScalarMap } | undefined {
  const lines = [...raw.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)].filter((m) => m[0] !== '' || m.index < raw.length);
  const header = lines.shift();
  if (!header || !/^\|[-+]?\d?[-+]?(\s+#.*)?\s*$/.test(header[1]!)) return undefined;
  const indicator = /\d/.exec(header[1]!.split('#')[0]!)?.[0];
  const firstContent = lines.find((m) => m[1]!.trim() !== '');
  const indent = indicator !== undefined ? Number(indicator) : (firstContent ? /^ */.exec(firstContent[1]!)![0].length : 0);
  let decoded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const line of lines) {
    const content = line[1]!;
    const skip = Math.min(indent, /^ */.exec(content)![0].length);
    const lineStart = start + line.index;
    for (let i = skip; i < content.length; i++) {
      decoded += content[i];
      starts.push(lineStart + i);
      ends.push(lineStart + i + 1);
    }
    decoded += '\n';
    starts.push(lineStart + content.length);
    ends.push(lineStart + content.length + Math.max(1, line[2]!.length));
  }
  return { decoded, map: { starts, ends } };
}
