import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Repository root (tests run the CLI from there, as a user would after `npm ci`). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The committed bin script. */
export const BIN = fileURLToPath(new URL('../bin/iamscope.js', import.meta.url));

/** Runs the built `iamscope` bin in a child process with a clean environment (no TTY). */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    encoding: 'utf8',
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}
