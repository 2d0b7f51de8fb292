import type { PolicyType } from '../policy/nodes.js';
import type { RuleSetting } from '../linter/types.js';

/** A per-file block of the configuration. */
export interface ConfigOverride {
  /** minimatch globs matched against `/`-separated paths relative to the scan root. */
  files: string[];
  /** Policy type of the documents in matching files. */
  policyType?: PolicyType;
  rules?: Record<string, RuleSetting>;
}

/**
 * Mutes one rule's results in some files, with the reason to show in reports. `files` globs
 * match like `overrides[].files`; `sid`, when given, limits it to results inside statements
 * with exactly that Sid.
 */
export interface ConfigSuppression {
  rule: string;
  files: string[];
  sid?: string;
  reason: string;
}

/**
 * Prefix of the ids of results that IAM Access Analyzer reports (`aa/<ISSUE_CODE>`,
 * `aa/check-access-not-granted`, `aa/check-no-new-access`); such ids may be suppressed although no
 * rule of the registry has them.
 */
export const ACCESS_ANALYZER_RULE_PREFIX = 'aa/';

/**
 * Custom policy checks of IAM Access Analyzer (`accessAnalyzer`), run by `iamscope scan
 * --access-analyzer` on every policy document; AWS bills each call.
 */
export interface ConfigAccessAnalyzer {
  /** CheckAccessNotGranted: the policy must not allow these actions (on these resources); at least one list. */
  checkAccessNotGranted?: { actions?: string[]; resources?: string[] };
  /** CheckNoNewAccess: the policy must not allow more than the reference policy (path relative to the configuration file). */
  checkNoNewAccess?: { reference: string };
}

/**
 * The configuration (`iamscope.config.json`), as validated by `schema/config.schema.json`.
 * Rule levels are SARIF's (`error`, `warning`, `note`) or `off`.
 */
export interface Config {
  plugins?: string[];
  /** Shared plugin configs (`<namespace>/<config>`, e.g. `ml/strict`) applied over the recommended rules, in order. */
  extends?: string[];
  rules?: Record<string, RuleSetting>;
  settings?: Record<string, unknown>;
  overrides?: ConfigOverride[];
  suppressions?: ConfigSuppression[];
  accessAnalyzer?: ConfigAccessAnalyzer;
}

/**
 * The AWS partition policies are deployed in: `settings.partition`, default `aws`. An account
 * lives in one partition, so ARNs of other partitions are never reachable from its policies.
 * @param settings the configuration's `settings`
 * @returns partition name, e.g. `aws`, `aws-cn`, `aws-us-gov`
 */
export function partitionOf(settings: Readonly<Record<string, unknown>>): string {
  return typeof settings['partition'] === 'string' ? settings['partition'] : 'aws';
}
