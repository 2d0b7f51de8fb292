/**
 * Condition-key lookups shared by the condition rules. Source of truth: AWS Service Authorization
 * Reference (condition keys per service) and "AWS global condition context keys" (IAM User Guide),
 * through the bundled IAM data.
 */
import { lookupConditionKey, type ConditionKeyInfo } from '../../catalog/condition-keys.js';

/**
 * The catalog entry of a key the IAM data knows.
 * @param key the key as written in a policy
 * @returns the key's type and multivaluedness, or undefined for unknown or unlisted keys
 */
export function knownConditionKey(key: string): ConditionKeyInfo | undefined {
  const found = lookupConditionKey(key);
  return found.kind === 'known' ? found.info : undefined;
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
