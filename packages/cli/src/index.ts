export { execute } from './cli.js';
export type { CliIo } from './io.js';
