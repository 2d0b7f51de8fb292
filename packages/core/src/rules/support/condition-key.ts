/**
 * Condition-key lookups shared by the condition rules. Source of truth: AWS Service Authorization
 * Reference (condition keys per service) and "AWS global condition context keys" (IAM User Guide),
 * through the bundled IAM data.
 */
import { lookupConditionKey, type ConditionKeyInfo } from '../../catalog/condition-keys.js';

/**
 * Keys the IAM data lists as single-valued that AWS documents as multivalued: Cognito's `amr`
 * claim ("Available keys for AWS web identity federation": a list such as
 * ["authenticated", "graph.facebook.com"], tested with ForAnyValue:StringLike in AWS's examples).
 */
const MULTIVALUED_KEYS: ReadonlySet<string> = new Set(['cognito-identity.amazonaws.com:amr']);

/**
 * The catalog entry of a key the IAM data knows, corrected by {@link MULTIVALUED_KEYS}.
 * @param key the key as written in a policy
 * @returns the key's type and multivaluedness, or undefined for unknown or unlisted keys
 */
export function knownConditionKey(key: string): ConditionKeyInfo | undefined {
  const found = lookupConditionKey(key);
  if (found.kind !== 'known') return undefined;
  if (found.info.multivalued || !MULTIVALUED_KEYS.has(key.toLowerCase())) return found.info;
  return { ...found.info, type: `ArrayOf${found.info.type}`, multivalued: true };
}

/** An identity-provider audience key: `HOST[/PATH]:aud` or Google's `HOST:oaud` (the host has a dot; service prefixes do not). */
const AUDIENCE_KEY = /^[^:]*\.[^:]*:o?aud$/i;

/**
 * Whether a key is the audience claim of an OIDC identity provider (`accounts.google.com:aud`,
 * `token.actions.githubusercontent.com:aud`, `oidc.eks.REGION.amazonaws.com/id/ID:aud`), whose
 * set-qualifier use oidc-audience-set-operator judges. Source: IAM User Guide, "Available keys for
 * AWS web identity federation".
 * @param key the key as written in a policy
 */
export function isAudienceKey(key: string): boolean {
  return AUDIENCE_KEY.test(key);
}

/**
 * Whether a key is a tag-key family written with nothing after its slash (`aws:ResourceTag/`,
 * `ec2:ResourceTag/`, `s3:ExistingObjectTag/`).
 * @param key the key as written in a policy
 * @returns true for such a key
 */
export function isMissingTagKey(key: string): boolean {
  return lookupConditionKey(key).kind === 'missingTagKey';
}
