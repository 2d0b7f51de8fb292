#!/usr/bin/env node
// Committed entry point, so npm can link the `iamscope` bin before the TypeScript build has run.
import { execute } from '../dist/cli.js';

process.exitCode = await execute(process.argv.slice(2));
