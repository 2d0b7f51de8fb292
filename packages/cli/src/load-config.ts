import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, parseJson } from '@iamscope/core';

/** Name of the configuration file looked up from the working directory upwards. */
export const CONFIG_FILE_NAME = 'iamscope.config.json';

/** A loaded configuration: the object, where it came from, and the plugin modules it names. */
export interface LoadedConfig {
  /** The configuration object (validated later by the engine); `undefined` when there is none. */
  config: unknown;
  /** Path of the file, when one was found. */
  path?: string;
  /** `file:` URLs of the user's plugin modules to import (the built-in rules-ml is not listed). */
  pluginUrls: string[];
}

/**
 * Finds `iamscope.config.json` in `cwd` or the nearest parent folder.
 * @param cwd folder to start from
 * @returns absolute path, or undefined
 */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function resolvePlugin(specifier: string, from: string, where: string, source?: string): string {
  try {
    return pathToFileURL(createRequire(join(from, 'noop.js')).resolve(specifier)).href;
  } catch {
    throw new ConfigError(where, `cannot find plugin "${specifier}" from ${from}.`, source);
  }
}

/**
 * Reads the configuration (from `--config` or found upwards from `cwd`) and resolves its plugins:
 * names resolve like `require` from the config file's folder, `--plugin` names from `cwd`.
 * Only these two sources load code; nothing in the scanned files does.
 * @param cwd working directory
 * @param explicitPath `--config` value, if given
 * @param cliPlugins `--plugin` values
 * @returns the configuration and plugin URLs
 * @throws ConfigError for an unreadable file, invalid JSON (with line:column) or an unknown plugin
 */
export function loadConfig(cwd: string, explicitPath: string | undefined, cliPlugins: string[]): LoadedConfig {
  const pluginUrls = cliPlugins.map((p, i) => resolvePlugin(p, cwd, `--plugin[${i}]`));
  const path = explicitPath ? resolve(cwd, explicitPath) : findConfigFile(cwd);
  if (!path) return { config: undefined, pluginUrls };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError('', `cannot read it: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`, path);
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column } = parsed.error.position;
    throw new ConfigError('', parsed.error.message, `${path}:${line}:${column}`);
  }
  const config = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  const plugins = (config as { plugins?: unknown }).plugins;
  if (Array.isArray(plugins)) {
    plugins.forEach((p, i) => {
      if (typeof p === 'string' && p !== '@iamscope/rules-ml') pluginUrls.push(resolvePlugin(p, dirname(path), `/plugins/${i}`, path));
    });
  }
  return { config, path, pluginUrls };
}
