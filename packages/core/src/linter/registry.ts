import { coreRules } from '../rules/index.js';
import type { Plugin, Rule, RuleSetting } from './types.js';

/** A rule with its full id (`name` for core rules, `namespace/name` for plugin rules). */
export interface RegisteredRule {
  id: string;
  rule: Rule<any>;
  /** Package that provides the rule (`@iamscope/core` for built-in rules). */
  source: string;
}

/**
 * Every rule known to an engine: core's built-in rules plus the rules of each plugin.
 * @throws IamscopeError-free: duplicate namespaces simply replace earlier ones.
 */
export class RuleRegistry {
  private readonly byId = new Map<string, RegisteredRule>();
  private readonly recommendedSettings: Record<string, RuleSetting> = {};
  readonly plugins: readonly Plugin[];

  /**
   * @param plugins loaded plugins, in configuration order
   * @param unlistedCoreRules rules without a namespace that are not (yet) in core's list; the
   *   RuleTester passes the rule under test so it can be tested before it is registered
   */
  constructor(plugins: readonly Plugin[], unlistedCoreRules: readonly Rule<any>[] = []) {
    this.plugins = plugins;
    for (const rule of [...coreRules, ...unlistedCoreRules]) this.add(rule.name, rule, '@iamscope/core');
    for (const plugin of plugins) {
      for (const [name, rule] of Object.entries(plugin.rules)) {
        this.add(`${plugin.meta.namespace}/${name}`, rule, plugin.meta.name);
      }
      Object.assign(this.recommendedSettings, plugin.configs.recommended.rules);
    }
  }

  private add(id: string, rule: Rule<any>, source: string): void {
    this.byId.set(id, { id, rule, source });
    if (rule.meta.recommended && source === '@iamscope/core') this.recommendedSettings[id] = rule.meta.defaultLevel;
  }

  /** @returns the rule registered under `id`, or undefined */
  get(id: string): RegisteredRule | undefined {
    return this.byId.get(id);
  }

  /** @returns every rule, sorted by id */
  all(): RegisteredRule[] {
    return [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /**
   * A plugin's shared config by its full name.
   * @param name `<namespace>/<config>`, e.g. `ml/strict`
   * @returns the config's rule settings, or undefined when no loaded plugin offers it
   */
  sharedConfig(name: string): Record<string, RuleSetting> | undefined {
    const [namespace, config] = name.split('/');
    const plugin = this.plugins.find((p) => p.meta.namespace === namespace);
    return plugin && config !== undefined && Object.hasOwn(plugin.configs, config) ? plugin.configs[config]!.rules : undefined;
  }

  /** @returns the names of every shared config of the loaded plugins (`ml/recommended`, …) */
  sharedConfigNames(): string[] {
    return this.plugins.flatMap((p) => Object.keys(p.configs).map((c) => `${p.meta.namespace}/${c}`));
  }

  /** @returns the recommended settings of core and every plugin (rule id → level) */
  recommended(): Record<string, RuleSetting> {
    return { ...this.recommendedSettings };
  }
}
