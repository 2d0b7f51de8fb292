/**
 * IAM wildcard patterns as token sequences. `*` matches any run of characters (possibly empty),
 * `?` exactly one character; every other character is literal. The colon-bounded variants model
 * ARN segments, where a wildcard stays inside its segment (IAM User Guide, "Resource" element).
 * No regular expression is ever built from user input.
 */

/** One token of a compiled pattern. */
export type Token =
  | { kind: 'literal'; char: string }
  /** `?`: exactly one character. */
  | { kind: 'one' }
  /** `*`: any run of characters, possibly empty. */
  | { kind: 'run' }
  /** `?` inside an ARN segment: one character other than `:`. */
  | { kind: 'oneInSegment' }
  /** `*` inside an ARN segment: any run without `:`. */
  | { kind: 'runInSegment' }
  /**
   * One character of `chars` (`repeat: false`) or any run of them, possibly empty (`repeat: true`).
   * Never produced from policy text; used to describe real resource names (12-digit accounts).
   */
  | { kind: 'class'; chars: string; repeat: boolean };

/**
 * Compiles a plain IAM glob (`*` and `?`) into tokens.
 * @param pattern the pattern text
 * @param caseInsensitive lower-case literals (callers lower-case values too), as for action names
 * @returns tokens, one per character
 */
export function compileGlob(pattern: string, caseInsensitive = false): Token[] {
  const text = caseInsensitive ? pattern.toLowerCase() : pattern;
  const tokens: Token[] = [];
  for (const char of text) {
    if (char === '*') tokens.push({ kind: 'run' });
    else if (char === '?') tokens.push({ kind: 'one' });
    else tokens.push(...literalTokens(char));
  }
  return tokens;
}

/**
 * Literal tokens for a string, one per UTF-16 code unit.
 * @param text literal text
 * @returns tokens
 */
export function literalTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < text.length; i++) tokens.push({ kind: 'literal', char: text[i]! });
  return tokens;
}

/** True when the token consumes a run (so it may match the empty string). */
export function isRun(token: Token): boolean {
  return token.kind === 'run' || token.kind === 'runInSegment' || (token.kind === 'class' && token.repeat);
}
