#!/usr/bin/env node
// Committed entry point, so npm can link the `iamscope` bin before the TypeScript build has run.
import { execute } from '../dist/cli.js';

// A closed pipe (`iamscope scan | head`) ends output quietly; any other write failure (a full
// disk) is a tool error: exit 2 with one line, never a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') return;
  process.stderr.write(`iamscope: cannot write the report to stdout: ${error.code ?? error.message}\n`);
  process.exitCode = 2;
});
process.exitCode = await execute(process.argv.slice(2));
