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
 * The configuration (`iamscope.config.json`), as validated by `schema/config.schema.json`.
 * Rule levels are SARIF's (`error`, `warning`, `note`) or `off`.
 */
export interface Config {
  plugins?: string[];
  rules?: Record<string, RuleSetting>;
  settings?: Record<string, unknown>;
  overrides?: ConfigOverride[];
}
