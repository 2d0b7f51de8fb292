import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';

/** File extensions scanned when a folder is given. */
export const SCANNED_EXTENSIONS = ['json'];

/** A path that does not exist (a usage error). */
export class MissingPathError extends Error {
  override readonly name = 'MissingPathError';
}

/** A file to scan: absolute path and the `/`-separated path relative to the scan root. */
export interface FoundFile {
  absolute: string;
  relative: string;
}

/**
 * Lists the files to scan. A file path is taken as given (whatever its extension); a folder is
 * searched with fast-glob for `**\/*.json`, skipping `node_modules` and `.git`, without following
 * symbolic links to folders (so link loops cannot hang the scan). `ignorePatterns` are minimatch
 * globs matched against the path relative to `root`.
 * @param paths files or folders, relative to `root` or absolute
 * @param root scan root (the working directory)
 * @param ignorePatterns globs of files to leave out
 * @returns unique files sorted by relative path
 * @throws MissingPathError when a path does not exist
 */
export async function findFiles(paths: string[], root: string, ignorePatterns: string[]): Promise<FoundFile[]> {
  const found = new Map<string, FoundFile>();
  const add = (absolute: string): void => {
    const rel = relative(root, absolute).split(sep).join('/') || absolute;
    if (ignorePatterns.some((p) => minimatch(rel, p, { dot: true, matchBase: !p.includes('/') }))) return;
    found.set(absolute, { absolute, relative: rel });
  };
  for (const path of paths) {
    const absolute = isAbsolute(path) ? path : resolve(root, path);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) throw new MissingPathError(`No such file or folder: ${path}`);
    if (!info.isDirectory()) {
      add(absolute);
      continue;
    }
    const { default: fg } = await import('fast-glob');
    const entries = await fg(SCANNED_EXTENSIONS.map((ext) => `**/*.${ext}`), {
      cwd: absolute,
      absolute: true,
      dot: true,
      followSymbolicLinks: false,
      ignore: ['**/node_modules/**', '**/.git/**'],
      suppressErrors: true,
    });
    for (const entry of entries) add(resolve(entry));
  }
  return [...found.values()].sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
