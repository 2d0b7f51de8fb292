/** A usage problem found while running a command: the CLI prints its one-line message and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
