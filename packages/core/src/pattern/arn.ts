import { literalTokens, type Token } from './tokens.js';

/** Options for {@link compileResourcePattern}. */
export interface ResourcePatternOptions {
  /**
   * How to treat policy variables (`${aws:username}`) in the resource part: `wildcard` (policies
   * with `Version: "2012-10-17"`) replaces each with `*` (every value it could take) and reads the
   * escapes `${*}`, `${?}`, `${$}` as the literal characters; `literal` (no Version, or
   * "2008-10-17", where IAM does not process variables) leaves `${…}` as ordinary text, in which
   * `*` and `?` are still wildcards. Default `wildcard`.
   */
  variables?: 'wildcard' | 'literal';
}

/** A compiled `Resource`/`NotResource` pattern. */
export interface ResourcePattern {
  tokens: Token[];
  /** True when the pattern holds a policy variable (so a match through it is only possible, not certain). */
  hasVariables: boolean;
}

/**
 * Compiles a `Resource`/`NotResource` value the way IAM matches it against a request ARN
 * (IAM User Guide, "IAM JSON policy elements: Resource"; spec iam-grammar.md §6.2):
 * `"*"` alone matches every resource; otherwise the pattern is split at its first five colons.
 * In the partition, service, region and account segments `?` and a mid-segment `*` stay within the
 * segment, while a `*` that ends a segment may run past the colon. The resource segment is matched
 * whole: `*` crosses `/` and `:`. Matching is case-sensitive. A variable before the 5th colon
 * (not substituted by IAM) is an unknown span within its segment; its colons do not split segments.
 * @param pattern the value as written
 * @param options variable handling
 * @returns tokens and whether variables were present
 */
export function compileResourcePattern(pattern: string, options: ResourcePatternOptions = {}): ResourcePattern {
  const variables = options.variables ?? 'wildcard';
  const tokens: Token[] = [];
  let hasVariables = false;
  let colons = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    const inResource = colons >= 5;
    if (variables === 'wildcard' && char === '$' && pattern[i + 1] === '{') {
      const close = pattern.indexOf('}', i + 2);
      if (close !== -1) {
        const name = pattern.slice(i + 2, close);
        if (name === '*' || name === '?' || name === '$') {
          tokens.push(...literalTokens(name));
        } else {
          // Before the 5th colon IAM does not substitute variables (AWS leaves the outcome
          // unspecified), so the span stays unknown but inside its segment.
          hasVariables = true;
          tokens.push({ kind: inResource ? 'run' : 'runInSegment' });
        }
        i = close;
        continue;
      }
    }
    if (char === ':' && !inResource) {
      colons++;
      tokens.push({ kind: 'literal', char });
    } else if (char === '*') {
      const segmentEnds = inResource || i + 1 === pattern.length || pattern[i + 1] === ':';
      tokens.push({ kind: segmentEnds ? 'run' : 'runInSegment' });
    } else if (char === '?') {
      tokens.push({ kind: inResource ? 'one' : 'oneInSegment' });
    } else {
      tokens.push({ kind: 'literal', char });
    }
  }
  return { tokens, hasVariables };
}
