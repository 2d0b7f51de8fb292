/**
 * @iamscope/rules-ml — iamscope's rule pack for machine-learning workloads on AWS.
 * Rule ids are `ml/<name>`; settings live under `settings.ml`.
 */
import type { Level, Plugin, Rule, RuleSetting } from '@iamscope/core';
import boundaryGuards from './rules/boundary-guards.js';
import ecrScope from './rules/ecr-scope.js';
import instanceTypeLimit from './rules/instance-type-limit.js';
import logsScope from './rules/logs-scope.js';
import noBroadManagedPolicy from './rules/no-broad-managed-policy.js';
import passroleScope from './rules/passrole-scope.js';
import privilegeEscalation from './rules/privilege-escalation.js';
import regionLimit from './rules/region-limit.js';
import roleArchetype from './rules/role-archetype.js';
import roleCreationRequiresBoundary from './rules/role-creation-requires-boundary.js';
import s3Scope from './rules/s3-scope.js';
import trustPolicy from './rules/trust-policy.js';
import { ML_SETTINGS_SCHEMA } from './settings.js';

export { DEFAULT_ML_SETTINGS, ML_SETTINGS_SCHEMA, mlSettings, type MlSettings, type RoleArchetype } from './settings.js';

const rules: Record<string, Rule<any>> = {
  'boundary-guards': boundaryGuards,
  'ecr-scope': ecrScope,
  'instance-type-limit': instanceTypeLimit,
  'logs-scope': logsScope,
  'no-broad-managed-policy': noBroadManagedPolicy,
  'passrole-scope': passroleScope,
  'privilege-escalation': privilegeEscalation,
  'region-limit': regionLimit,
  'role-archetype': roleArchetype,
  'role-creation-requires-boundary': roleCreationRequiresBoundary,
  's3-scope': s3Scope,
  'trust-policy': trustPolicy,
};

/** `ml/strict` raises every rule one level: notes become warnings, warnings errors. */
const RAISED: Record<Level, Level> = { note: 'warning', warning: 'error', error: 'error' };

function config(level: (rule: Rule<any>) => RuleSetting | undefined): { rules: Record<string, RuleSetting> } {
  return { rules: Object.fromEntries(Object.entries(rules).flatMap(([name, rule]) => (level(rule) ? [[`ml/${name}`, level(rule)!]] : []))) };
}

/**
 * The plugin object: rules, the shared configs `ml/recommended` (on by default: every
 * recommended rule at its default level) and `ml/strict` (every rule, one level higher), and the
 * settings schema.
 */
const plugin: Plugin = {
  meta: { name: '@iamscope/rules-ml', version: '0.1.0', namespace: 'ml' },
  rules,
  configs: {
    recommended: config((rule) => (rule.meta.recommended ? rule.meta.defaultLevel : undefined)),
    strict: config((rule) => RAISED[rule.meta.defaultLevel]),
  },
  settingsSchema: ML_SETTINGS_SCHEMA,
};

export default plugin;
