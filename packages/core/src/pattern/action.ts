import { compileMatcher, type Matcher } from './automaton.js';
import { compileGlob } from './tokens.js';

const cache = new Map<string, Matcher>();

function matcherFor(pattern: string): Matcher {
  let matcher = cache.get(pattern);
  if (!matcher) {
    const lower = pattern.toLowerCase();
    const colon = lower.indexOf(':');
    const service = colon === -1 ? '' : lower.slice(0, colon + 1);
    const full = compileMatcher(compileGlob(lower));
    // A service prefix without wildcards rules out every action of another service at once.
    matcher = service !== '' && !/[*?]/.test(service) ? (action) => action.startsWith(service) && full(action) : full;
    if (cache.size > 10_000) cache.clear();
    cache.set(pattern, matcher);
  }
  return matcher;
}

/**
 * Whether an `Action`/`NotAction` pattern matches an action name, case-insensitively
 * (IAM User Guide, "IAM JSON policy elements: Action": action names are not case-sensitive).
 * Compiled matchers are cached per pattern.
 * @param pattern e.g. `s3:Get*`, `*`, `ec2:Describe?pcs`
 * @param action a concrete action name, e.g. `s3:GetObject`
 * @returns true when the pattern matches the whole name
 */
export function actionMatches(pattern: string, action: string): boolean {
  return matcherFor(pattern)(action.toLowerCase());
}
