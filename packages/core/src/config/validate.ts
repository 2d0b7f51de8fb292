import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { ConfigError } from '../errors.js';
import type { RuleRegistry } from '../linter/registry.js';
import type { RuleSetting } from '../linter/types.js';
import { ACCESS_ANALYZER_RULE_PREFIX, type Config } from './config.js';

let configValidator: ValidateFunction | undefined;

const require = createRequire(import.meta.url);

/** A fresh validator; ajv is loaded on first use only, so runs without a config do not pay for it. */
function ajv(): AjvClass {
  const { Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv({ allErrors: false, strict: false });
}

function firstError(errors: ErrorObject[] | null | undefined, prefix: string): ConfigError {
  const e = errors?.[0];
  if (!e) return new ConfigError(prefix, 'is invalid.');
  const extra = e.keyword === 'additionalProperties' ? ` ("${String(e.params['additionalProperty'])}")` : '';
  const allowed = e.keyword === 'enum' ? `: ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` : '';
  return new ConfigError(`${prefix}${e.instancePath}`, `${e.message ?? 'is invalid'}${extra}${allowed}.`);
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function checkRules(rules: Record<string, RuleSetting> | undefined, path: string, registry: RuleRegistry): void {
  for (const [id, setting] of Object.entries(rules ?? {})) {
    const rulePath = `${path}/${escapePointer(id)}`;
    const registered = registry.get(id);
    if (!registered) throw new ConfigError(rulePath, `unknown rule "${id}" (see \`iamscope rules\`).`);
    if (!Array.isArray(setting) || setting.length < 2) continue;
    const schema = registered.rule.meta.schema;
    if (!schema) throw new ConfigError(`${rulePath}/1`, `rule "${id}" takes no options.`);
    const validate = ajv().compile(schema);
    if (!validate(setting[1])) throw firstError(validate.errors, `${rulePath}/1`);
  }
}

/**
 * Validates a configuration object against `schema/config.schema.json`, then checks that every
 * rule id (of `rules`, `overrides` and `suppressions`) exists, rule options match the rule's schema and each plugin's settings match its
 * `settingsSchema`.
 * @param config the parsed configuration (any JSON value)
 * @param registry the rules of core and the loaded plugins
 * @returns the same object, typed
 * @throws ConfigError naming the JSON pointer of the first problem
 */
export function validateConfig(config: unknown, registry: RuleRegistry): Config {
  if (!configValidator) {
    const schema = require('../../schema/config.schema.json') as object;
    configValidator = ajv().compile(schema);
  }
  if (!configValidator(config)) throw firstError(configValidator.errors, '');
  const valid = config as Config;
  valid.extends?.forEach((name, i) => {
    if (!registry.sharedConfig(name)) {
      throw new ConfigError(`/extends/${i}`, `unknown shared config "${name}" (available: ${registry.sharedConfigNames().join(', ') || 'none'}).`);
    }
  });
  checkRules(valid.rules, '/rules', registry);
  valid.overrides?.forEach((o, i) => checkRules(o.rules, `/overrides/${i}/rules`, registry));
  valid.suppressions?.forEach((s, i) => {
    if (!registry.get(s.rule) && !s.rule.startsWith(ACCESS_ANALYZER_RULE_PREFIX)) throw new ConfigError(`/suppressions/${i}/rule`, `unknown rule "${s.rule}" (see \`iamscope rules\`).`);
    if (s.reason.trim() === '') throw new ConfigError(`/suppressions/${i}/reason`, 'must say why the results are acceptable.');
  });
  for (const plugin of registry.plugins) {
    const value = valid.settings?.[plugin.meta.namespace];
    if (value === undefined || !plugin.settingsSchema) continue;
    const validate = ajv().compile(plugin.settingsSchema);
    if (!validate(value)) throw firstError(validate.errors, `/settings/${escapePointer(plugin.meta.namespace)}`);
  }
  return valid;
}
