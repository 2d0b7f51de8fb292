import { positionAt } from '../source/location.js';
import type { JsonSyntaxError } from './parse.js';

/** Deepest array/object nesting iamscope parses; IAM documents need fewer than 10 levels. */
export const MAX_JSON_DEPTH = 256;

/**
 * Checks what momoa does not before it parses: nesting deeper than `maxDepth` (momoa recurses, so
 * a 100,000-deep document would exhaust the stack) and raw control characters (U+0000–U+001F)
 * inside strings, which RFC 8259 §7 forbids and which would throw off momoa's string positions.
 * One pass, O(n), no recursion.
 * @param text JSON text
 * @param maxDepth allowed depth (default {@link MAX_JSON_DEPTH})
 * @returns the first problem with its position, or undefined
 */
export function prescanJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonSyntaxError | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      else if (c < 0x20) {
        const hex = c.toString(16).padStart(4, '0');
        return { message: `Invalid JSON: Unexpected control character \\u${hex} in a string.`, position: positionAt(text, i) };
      }
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > maxDepth) return { message: `JSON nesting deeper than ${maxDepth} levels.`, position: positionAt(text, i) };
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--;
    }
  }
  return undefined;
}
