import * as fs from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';
import type { Notification } from '@iamscope/core';

/** File extensions scanned when a folder is given (matched case-insensitively). */
export const SCANNED_EXTENSIONS = ['json', 'yaml', 'yml', 'template', 'tf'];

/** A path that cannot be scanned at all (a usage error, exit 2). */
export class MissingPathError extends Error {
  override readonly name = 'MissingPathError';
}

/**
 * A file to scan: absolute path, the `/`-separated path relative to the scan root (used in
 * reports) and relative to the configuration's folder (matched by `overrides[].files`).
 */
export interface FoundFile {
  absolute: string;
  relative: string;
  matchPath: string;
}

/** The files to scan, and notifications about what could not be listed or was left out. */
export interface FoundFiles {
  files: FoundFile[];
  notifications: Notification[];
}

function slashRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/') || '.';
}

/**
 * Whether a `/`-separated path matches an ignore glob: a glob without `/` is matched against
 * every file and folder name in the path (like .gitignore); one with `/` against the whole path
 * (a leading `./` is dropped) and, as a folder, everything below it.
 */
export function isIgnored(path: string, patterns: readonly string[]): boolean {
  const names = path.split('/');
  return patterns.some((raw) => {
    const glob = raw.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    if (glob === '') return false;
    if (!glob.includes('/')) return names.some((name) => minimatch(name, glob, { dot: true }));
    return minimatch(path, glob, { dot: true }) || minimatch(path, `${glob}/**`, { dot: true });
  });
}

/**
 * Lists the files to scan. A file path is taken as given; a folder is searched with fast-glob for
 * the {@link SCANNED_EXTENSIONS} (`.json`, `.yaml`, `.yml`, `.template`, `.tf`, any case), skipping
 * `node_modules`, `.git` and `.terraform` (downloaded modules). Symbolic
 * links to files are scanned; links to folders are not followed (so link loops cannot hang the
 * scan). Folders that cannot be read and entries that are not regular files become notifications,
 * so nothing is left out silently; so do explicitly named files matched by an ignore pattern.
 * @param paths files or folders, relative to `root` or absolute
 * @param root scan root (the working directory)
 * @param ignorePatterns globs of files and folders to leave out (see {@link isIgnored})
 * @param configRoot folder of the configuration file (default `root`)
 * @returns unique files sorted by relative path, and notifications
 * @throws MissingPathError when a path is empty or cannot be accessed
 */
export async function findFiles(
  paths: string[],
  root: string,
  ignorePatterns: string[],
  configRoot = root,
): Promise<FoundFiles> {
  const found = new Map<string, FoundFile>();
  const notifications: Notification[] = [];
  const notify = (absolute: string, code: string, message: string, level: Notification['level'] = 'error'): void => {
    notifications.push({ level, code, message, file: slashRelative(root, absolute) });
  };
  const add = (absolute: string): void => {
    const rel = slashRelative(root, absolute);
    if (!isIgnored(rel, ignorePatterns)) found.set(absolute, { absolute, relative: rel, matchPath: slashRelative(configRoot, absolute) });
  };
  const { default: fg } = await import('fast-glob');
  for (const path of paths) {
    if (path.trim() === '') throw new MissingPathError('An empty path was given.');
    const absolute = isAbsolute(path) ? path : resolve(root, path);
    let info: fs.Stats;
    try {
      info = fs.statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new MissingPathError(code === 'ENOENT' ? `No such file or folder: ${path}` : `Cannot access ${path}: ${code ?? String(error)}.`);
    }
    if (info.isFile()) {
      const rel = slashRelative(root, absolute);
      if (isIgnored(rel, ignorePatterns)) notify(absolute, 'IGNORED', `${rel} is ignored by --ignore-pattern.`, 'warning');
      else add(absolute);
      continue;
    }
    if (!info.isDirectory()) {
      notify(absolute, 'NOT_A_FILE', `Cannot check ${path}: not a regular file.`);
      continue;
    }
    const entries = await fg(
      SCANNED_EXTENSIONS.map((ext) => `**/*.${ext}`),
      {
        cwd: absolute,
        absolute: true,
        dot: true,
        onlyFiles: false,
        objectMode: true,
        caseSensitiveMatch: false,
        followSymbolicLinks: false,
        ignore: ['**/node_modules/**', '**/.git/**', '**/.terraform/**'],
        fs: { readdir: reportingReaddir((dir, code) => notify(dir, 'READ_ERROR', `Cannot read folder ${slashRelative(root, dir)}: ${code}.`)) },
      },
    );
    for (const entry of entries) {
      const file = resolve(entry.path);
      if (entry.dirent.isFile()) add(file);
      else if (entry.dirent.isSymbolicLink()) addLinked(file, add, notify);
      else if (!entry.dirent.isDirectory()) notify(file, 'NOT_A_FILE', `Skipped ${slashRelative(root, file)}: not a regular file.`, 'warning');
    }
  }
  const files = [...found.values()].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  return { files, notifications };
}

/** Adds the target of a symbolic link when it is a file; links to folders are not followed. */
function addLinked(file: string, add: (f: string) => void, notify: (f: string, code: string, message: string) => void): void {
  try {
    if (fs.statSync(file).isFile()) add(file);
  } catch (error) {
    notify(file, 'READ_ERROR', `Cannot follow the link ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}

/** `fs.readdir` for fast-glob that reports a folder it cannot read and treats it as empty. */
function reportingReaddir(report: (dir: string, code: string) => void): typeof fs.readdir {
  return ((dir: fs.PathLike, ...rest: unknown[]) => {
    const callback = rest.pop() as (error: NodeJS.ErrnoException | null, entries: unknown[]) => void;
    (fs.readdir as (...args: unknown[]) => void)(dir, ...rest, (error: NodeJS.ErrnoException | null, entries: unknown[]) => {
      if (!error) return callback(null, entries);
      report(String(dir), error.code ?? error.message);
      callback(null, []);
    });
  }) as typeof fs.readdir;
}
