import { readFileSync } from 'node:fs';
import { ConfigError, Engine, type FileReport, type Plugin } from '@iamscope/core';
import ml from '@iamscope/rules-ml';

/**
 * What is needed to build an engine in any thread: the `file:` URLs of the user's plugins (the
 * built-in `@iamscope/rules-ml` is always included) and the configuration.
 */
export interface EngineSpec {
  pluginUrls: string[];
  config: unknown;
}

/** Largest file read, in bytes; bigger files get a notification instead of a scan. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** What is wrong with a plugin's shape, or undefined when it is a usable plugin. */
function pluginProblem(value: unknown): string | undefined {
  const p = value as Plugin | undefined;
  if (typeof p?.meta?.namespace !== 'string' || typeof p.rules !== 'object' || p.rules === null || typeof p.configs?.recommended !== 'object') {
    return 'does not export an iamscope plugin ({ meta: { namespace }, rules, configs: { recommended } }).';
  }
  for (const [name, rule] of Object.entries(p.rules)) {
    const docs = rule?.meta?.docs;
    const ok =
      typeof rule?.create === 'function' &&
      typeof docs?.description === 'string' &&
      typeof docs.details === 'string' &&
      typeof docs.url === 'string' &&
      typeof rule.meta.messages === 'object' &&
      ['error', 'warning', 'note'].includes(rule.meta.defaultLevel);
    if (!ok) return `rule "${name}" needs create() and meta with docs.description, docs.details, docs.url, messages and defaultLevel.`;
  }
  return undefined;
}

/**
 * Imports the user's plugins and builds an engine with them and the built-in ML rule pack.
 * @param spec plugin URLs and configuration
 * @param configPath the configuration file, named in errors
 * @returns the engine
 * @throws ConfigError when a plugin cannot be loaded or is not a plugin, or the configuration is invalid
 */
export async function createEngine(spec: EngineSpec, configPath?: string): Promise<Engine> {
  const plugins: Plugin[] = [ml];
  for (const url of spec.pluginUrls) {
    let module: { default?: unknown };
    try {
      module = (await import(url)) as { default?: unknown };
    } catch (error) {
      throw new ConfigError('/plugins', `cannot load ${url}: ${error instanceof Error ? error.message : String(error)}`, configPath);
    }
    const problem = pluginProblem(module.default);
    if (problem) throw new ConfigError('/plugins', `${url} ${problem}`, configPath);
    plugins.push(module.default as Plugin);
  }
  try {
    return new Engine({ plugins, config: spec.config });
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(error.path, error.detail, configPath);
    throw error;
  }
}

/**
 * Reads one file and checks it. Read failures and oversized files become notifications; the text
 * is decoded as described at {@link decode}.
 * The file is opened read-only and never written. Reads synchronously: each thread checks one file
 * at a time, and a synchronous read avoids an idle event-loop turn per file.
 * @param engine the engine
 * @param absolute absolute path
 * @param relative path reported in results
 * @param matchPath path matched by `overrides[].files` (relative to the configuration's folder)
 * @returns the file's report
 */
export function checkFile(engine: Engine, absolute: string, relative: string, matchPath = relative): FileReport {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return notice(relative, 'READ_ERROR', `Cannot read ${relative}: ${reason}.`);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    const message = `Skipped ${relative}: ${bytes.length} bytes is over the ${MAX_FILE_BYTES}-byte limit (IAM policies are at most tens of kilobytes).`;
    return notice(relative, 'FILE_TOO_LARGE', message, 'warning');
  }
  return engine.lintText(decode(bytes), relative, matchPath);
}

/**
 * Decodes file bytes: UTF-16 when the file starts with a UTF-16 byte-order mark (some Windows
 * editors save JSON that way), otherwise UTF-8 with invalid sequences as U+FFFD. The byte-order
 * mark is dropped, as editors do, so line 1 columns match what they show.
 * @param bytes the file's contents
 * @returns its text
 */
export function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Whether a report comes from a file that was read (not one that could not be read or was too large).
 * @param report a report from {@link checkFile}
 * @returns false when the file's contents were not checked
 */
export function wasRead(report: FileReport): boolean {
  return !report.notifications.some((n) => n.code === 'READ_ERROR' || n.code === 'FILE_TOO_LARGE');
}

function notice(file: string, code: string, message: string, level: 'error' | 'warning' = 'error'): FileReport {
  return { file, policies: 0, results: [], notifications: [{ level, code, message, file }] };
}
