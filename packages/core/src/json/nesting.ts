import { positionAt, type Position } from '../source/location.js';

/** Deepest array/object nesting iamscope parses; IAM documents need fewer than 10 levels. */
export const MAX_JSON_DEPTH = 256;

/**
 * Finds the first `[` or `{` (outside strings) that opens nesting level `maxDepth + 1`.
 * Runs in O(n) without recursion, so a 100,000-deep document cannot exhaust the stack.
 * @param text JSON text
 * @param maxDepth allowed depth (default {@link MAX_JSON_DEPTH})
 * @returns the 1-based position of the offending bracket, or undefined when nesting is within bounds
 */
export function findExcessiveNesting(text: string, maxDepth = MAX_JSON_DEPTH): Position | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > maxDepth) return positionAt(text, i);
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--;
    }
  }
  return undefined;
}
