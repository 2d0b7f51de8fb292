/**
 * Brute-force oracles for the pattern engine's property tests: a recursive glob matcher and a
 * regex built segment by segment from the ARN matching rules (iam-grammar.md §6.2). Test-only:
 * the regexes come from generated test patterns, never from user input.
 */

/** Memoised recursive matcher for a plain glob string (`*`, `?`, literals), case-sensitive. */
export function globOracle(pattern: string, value: string): boolean {
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (value.length + 1) + j;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let result: boolean;
    if (i === pattern.length) result = j === value.length;
    else if (pattern[i] === '*') result = go(i + 1, j) || (j < value.length && go(i, j + 1));
    else result = j < value.length && (pattern[i] === '?' || pattern[i] === value[j]) && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

/** A regex fragment matching exactly the UTF-16 code units of `text`. */
export function lit(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += '\\u' + text.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}
const ANY_RUN = '[\\s\\S]*';
const ANY_ONE = '[\\s\\S]';
const SEG_RUN = '[^:]*';
const SEG_ONE = '[^:]';

/**
 * Regex oracle for `compileResourcePattern`, built segment-wise from the rules in the file header.
 * Returns the regex and whether a (non-escape) policy variable was seen.
 */
export function resourceOracle(pattern: string, mode: 'wildcard' | 'literal'): { re: RegExp; hasVariables: boolean } {
  // Split at the first five colons; in wildcard mode a colon inside `${…}` does not count.
  const nextColon = (text: string): number => {
    for (let i = 0; i < text.length; i++) {
      if (mode === 'wildcard' && text[i] === '$' && text[i + 1] === '{' && text.indexOf('}', i + 2) !== -1) {
        i = text.indexOf('}', i + 2);
      } else if (text[i] === ':') return i;
    }
    return -1;
  };
  const segments: string[] = [];
  let rest = pattern;
  while (segments.length < 5) {
    const colon = nextColon(rest);
    if (colon === -1) break;
    segments.push(rest.slice(0, colon));
    rest = rest.slice(colon + 1);
  }
  let hasVariables = false;
  const hasResource = segments.length === 5;
  if (!hasResource) segments.push(rest); // fewer than five colons: the tail is a normal segment
  const parts = segments.map((segment) => {
    let out = '';
    for (let i = 0; i < segment.length; i++) {
      const c = segment[i]!;
      const close = c === '$' && segment[i + 1] === '{' ? segment.indexOf('}', i + 2) : -1;
      if (mode === 'wildcard' && close !== -1) {
        // a variable before the 5th colon: an unknown span inside the segment (escapes: the character)
        const name = segment.slice(i + 2, close);
        if (name === '*' || name === '?' || name === '$') out += lit(name);
        else {
          out += SEG_RUN;
          hasVariables = true;
        }
        i = close;
      } else if (c === '*') out += i === segment.length - 1 ? ANY_RUN : SEG_RUN; // segment-ending `*` may cross `:`
      else if (c === '?') out += SEG_ONE;
      else out += lit(c);
    }
    return out;
  });
  if (hasResource) {
    let out = '';
    for (let i = 0; i < rest.length; i++) {
      const c = rest[i]!;
      if (mode === 'wildcard' && c === '$' && rest[i + 1] === '{') {
        const close = rest.indexOf('}', i + 2);
        if (close !== -1) {
          const name = rest.slice(i + 2, close);
          if (name === '*' || name === '?' || name === '$') out += lit(name); // escapes: the literal character
          else {
            out += ANY_RUN;
            hasVariables = true;
          }
          i = close;
          continue;
        }
      }
      out += c === '*' ? ANY_RUN : c === '?' ? ANY_ONE : lit(c);
    }
    parts.push(out);
  }
  return { re: new RegExp('^' + parts.join(':') + '$'), hasVariables };
}
