/** Where the CLI writes and what it knows about its environment (injectable for tests). */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
}

/** The real process streams, working directory and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** Exit codes: 0 clean, 1 findings over the threshold, 2 usage/config/internal error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;
