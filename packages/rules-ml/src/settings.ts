import type { JsonSchema } from '@iamscope/core';

/** `settings.ml` of the configuration, with defaults from the seed's least-privilege execution role. */
export interface MlSettings {
  /** CloudWatch Logs log-group name globs ML roles may write to (`*` and `?` wildcards). */
  logGroups: string[];
}

/** Defaults used when `settings.ml` (or one of its keys) is absent. */
export const DEFAULT_ML_SETTINGS: MlSettings = {
  logGroups: ['/aws/sagemaker/*'],
};

/** JSON Schema of `settings.ml`, checked when the configuration is loaded. */
export const ML_SETTINGS_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    logGroups: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'CloudWatch Logs log-group name globs that ML roles may use (default ["/aws/sagemaker/*"]).',
    },
  },
};

/**
 * Reads `settings.ml` with defaults.
 * @param settings the configuration's `settings` object
 * @returns complete ML settings
 */
export function mlSettings(settings: Readonly<Record<string, unknown>>): MlSettings {
  const ml = (settings['ml'] ?? {}) as Partial<MlSettings>;
  return { ...DEFAULT_ML_SETTINGS, ...ml };
}
