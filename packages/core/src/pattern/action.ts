import { matchTokens } from './automaton.js';
import { compileGlob, type Token } from './tokens.js';

const cache = new Map<string, Token[]>();

/**
 * Whether an `Action`/`NotAction` pattern matches an action name, case-insensitively
 * (IAM User Guide, "IAM JSON policy elements: Action": action names are not case-sensitive).
 * Compiled patterns are cached.
 * @param pattern e.g. `s3:Get*`, `*`, `ec2:Describe?pcs`
 * @param action a concrete action name, e.g. `s3:GetObject`
 * @returns true when the pattern matches the whole name
 */
export function actionMatches(pattern: string, action: string): boolean {
  let tokens = cache.get(pattern);
  if (!tokens) {
    tokens = compileGlob(pattern, true);
    if (cache.size > 10_000) cache.clear();
    cache.set(pattern, tokens);
  }
  return matchTokens(tokens, action.toLowerCase());
}
