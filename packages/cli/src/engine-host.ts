import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError, Engine, loadTerraformParser, type FileReport, type LintInput, type Plugin, type ReadReferencedFile } from '@iamscope/core';
import type { FoundFile } from './find-files.js';
import ml from '@iamscope/rules-ml';

/**
 * What is needed to build an engine in any thread: the `file:` URLs of the user's plugins (the
 * built-in `@iamscope/rules-ml` is always included) and the configuration.
 */
export interface EngineSpec {
  pluginUrls: string[];
  config: unknown;
  /** Load the Terraform parser (the scan has `.tf` files). */
  terraform?: boolean;
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
  if (spec.terraform) await loadTerraformParser();
  try {
    return new Engine({ plugins, config: spec.config });
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(error.path, error.detail, configPath);
    throw error;
  }
}

/**
 * Reads the files of one group (a Terraform module folder, or a single file) and checks them
 * together with `Engine.lintGroup`. Read failures and oversized files become notifications; the
 * text is decoded as described at {@link decode}. Files are opened read-only and never written.
 * Reads synchronously: each thread checks one group at a time, and a synchronous read avoids an
 * idle event-loop turn per file.
 * @param engine the engine
 * @param group the files
 * @returns one report per file, in group order, then one per file a Terraform module read through
 *   `file()`/`templatefile()` (its policies checked as the module uses them)
 */
export function checkGroup(engine: Engine, group: readonly FoundFile[]): FileReport[] {
  const reports: (FileReport | undefined)[] = [];
  const inputs: LintInput[] = [];
  for (const file of group) {
    const read = readText(file.absolute, file.relative);
    if (typeof read === 'string') inputs.push({ text: read, file: file.relative, matchPath: file.matchPath });
    reports.push(typeof read === 'string' ? undefined : read);
  }
  const context = moduleContext(group).flatMap((file) => {
    const text = readText(file.absolute, file.relative);
    return typeof text === 'string' ? [{ text, file: file.relative, contextOnly: true }] : [];
  });
  const checked = inputs.length > 0 ? engine.lintGroup([...inputs, ...context], referencedFileReader(group[0]!)) : [];
  let next = 0;
  const own = reports.map((r) => r ?? checked[next++]!);
  return [...own, ...checked.slice(inputs.length + context.length)];
}

/**
 * The other `.tf` files of the Terraform module a group belongs to, when the scan names only some
 * of them (a pre-commit hook passes the staged files): their roles, attachments and variables
 * decide how the named files' policies are checked, but they are not reported on.
 * @param group a group of files (see `groupFiles`)
 * @returns the module's unnamed `.tf` files; none for a group that is not Terraform
 */
function moduleContext(group: readonly FoundFile[]): FoundFile[] {
  const first = group[0];
  if (!first || !first.relative.toLowerCase().endsWith('.tf')) return [];
  const folder = dirname(first.absolute);
  const named = new Set(group.map((f) => basename(f.absolute)));
  let names: string[];
  try {
    names = readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile() && /\.tf$/i.test(e.name) && !named.has(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
  const relativeFolder = first.relative.includes('/') ? first.relative.slice(0, first.relative.lastIndexOf('/') + 1) : '';
  return names.sort().map((name) => ({ absolute: join(folder, name), relative: `${relativeFolder}${name}`, matchPath: `${relativeFolder}${name}` }));
}

/** The file's text, or a report with the notification that says why it was not read. */
function readText(absolute: string, relative: string): string | FileReport {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    // the notification names the file; the message says what happened to it
    return notice(relative, 'READ_ERROR', `Cannot read the file: ${reason}.`);
  }
  if (bytes.length > MAX_FILE_BYTES) {
    const message = `Skipped: ${bytes.length} bytes is over the ${MAX_FILE_BYTES}-byte limit (IAM policies are at most tens of kilobytes).`;
    return notice(relative, 'FILE_TOO_LARGE', message, 'warning');
  }
  return decode(bytes);
}

/** The scan root of a found file: its absolute path with its relative path taken off. */
function scanRoot(file: FoundFile): string {
  let root = file.absolute;
  for (let i = file.relative.split('/').length; i > 0; i--) root = dirname(root);
  return root;
}

/**
 * The reader of files a Terraform module references, for the scan `file` belongs to.
 * @param file any file of the scan (its paths give the scan root)
 * @returns a reader of `/`-separated paths relative to the scan root (see {@link readReferenced})
 */
export function referencedFileReader(file: FoundFile): ReadReferencedFile {
  const root = scanRoot(file);
  return (path) => readReferenced(root, path);
}

/**
 * Reads a file a Terraform module references (`file("${path.module}/policy.json")`), read-only,
 * only when it lies inside the scan root (after resolving links) and is not over the size limit.
 * @param root the scan root
 * @param path `/`-separated path relative to the root
 */
function readReferenced(root: string, path: string): string | undefined {
  try {
    const real = realpathSync(resolve(root, path));
    const inside = relative(realpathSync(root), real);
    if (inside.startsWith('..') || isAbsolute(inside)) return undefined;
    const read = readText(real, path);
    return typeof read === 'string' ? read : undefined;
  } catch {
    return undefined;
  }
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
 * @param report a report from {@link checkGroup}
 * @returns false when the file's contents were not checked
 */
export function wasRead(report: FileReport): boolean {
  return !report.notifications.some((n) => n.code === 'READ_ERROR' || n.code === 'FILE_TOO_LARGE');
}

function notice(file: string, code: string, message: string, level: 'error' | 'warning' = 'error'): FileReport {
  return { file, policies: 0, results: [], notifications: [{ level, code, message, file }] };
}
