/**
 * @iamscope/rules-ml — iamscope's rule pack for machine-learning workloads on AWS.
 * Rule ids are `ml/<name>`; settings live under `settings.ml`.
 */
import type { Plugin } from '@iamscope/core';
import logsScope from './rules/logs-scope.js';
import { ML_SETTINGS_SCHEMA } from './settings.js';

export { DEFAULT_ML_SETTINGS, ML_SETTINGS_SCHEMA, mlSettings, type MlSettings, type RoleArchetype } from './settings.js';

/** The plugin object: rules, the recommended config and the settings schema. */
const plugin: Plugin = {
  meta: { name: '@iamscope/rules-ml', version: '0.1.0', namespace: 'ml' },
  rules: { 'logs-scope': logsScope },
  configs: { recommended: { rules: { 'ml/logs-scope': 'error' } } },
  settingsSchema: ML_SETTINGS_SCHEMA,
};

export default plugin;
