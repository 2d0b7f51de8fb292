import { minimatch } from 'minimatch';

/**
 * Whether a `/`-separated path matches one of the configuration's file globs (`overrides[].files`,
 * `suppressions[].files`): minimatch with dot files included; a glob without `/` matches the file
 * name in any folder.
 * @param path path relative to the configuration file's folder
 * @param globs minimatch globs
 * @returns true when any glob matches
 */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => minimatch(path, glob, { dot: true, matchBase: !glob.includes('/') }));
}
