import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import pc from 'picocolors';
import {
  allNotifications,
  compareResults,
  ConfigError,
  formatGithub,
  formatJson,
  formatSarif,
  formatStylish,
  NO_COLORS,
  type ScanReport,
} from '@iamscope/core';
import { createEngine, type EngineSpec } from './engine-host.js';
import { findFiles, MissingPathError, type FoundFile } from './find-files.js';
import { EXIT, processIo, type CliIo } from './io.js';
import { loadConfig } from './load-config.js';
import { collect, FORMATS, parseCount, parseFormat, type ScanOptions } from './options.js';
import { formatRules } from './rules-command.js';
import { scanFiles } from './scan.js';
import { INFORMATION_URI, VERSION, versionText } from './version.js';

/**
 * Runs the iamscope command line. Never calls `process.exit`; only `bin.ts` touches `process`.
 * @param argv arguments after the program name, e.g. `['scan', 'fixtures/seed']`
 * @param io streams, working directory and environment (default: the real process)
 * @returns exit code: 0 clean, 1 error results or too many warnings, 2 usage, config or internal error
 */
export async function execute(argv: string[], io: CliIo = processIo()): Promise<number> {
  let debug = argv.includes('--debug');
  const fail = (message: string, error?: unknown): number => {
    io.stderr.write(`iamscope: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT.error;
  };
  let code: number = EXIT.ok;
  const program = new Command('iamscope')
    .description('Static analysis of AWS IAM policies, exact to the line, with rules for ML workloads.')
    .version(versionText(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(t) })
    .showSuggestionAfterError(true);

  program
    .command('scan')
    .description('Check IAM policies in files and folders (default: the current folder).')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .addOption(new Option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`).argParser(parseFormat).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to this file instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings (default: no limit)', parseCount)
    .option('--quiet', 'report error-level results only', false)
    .option('-c, --config <path>', 'configuration file (default: iamscope.config.json in this or a parent folder)')
    .option('--ignore-pattern <glob>', 'leave out files matching this glob (repeatable)', collect, [])
    .option('--plugin <module>', 'load a rule pack (repeatable)', collect, [])
    .option('--no-color', 'never colour the output')
    .option('-j, --jobs <n>', 'number of threads (default: all cores for large scans)', parseCount)
    .option('--debug', 'print stack traces of internal errors', false)
    .action(async (paths: string[], options: ScanOptions) => {
      debug = options.debug;
      code = await scan(paths, options, io);
    });

  program
    .command('rules')
    .description('List every rule with its id, default level and description.')
    .addOption(new Option('-f, --format <format>', 'output format: text, json').choices(['text', 'json']).default('text'))
    .action(async (options: { format: 'text' | 'json' }) => {
      const { pluginUrls } = loadConfig(io.cwd, undefined, []);
      const engine = await createEngine({ pluginUrls, config: undefined });
      io.stdout.write(formatRules(engine.registry.all(), options.format));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version succeed; help shown because no command was given is a usage error.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      return EXIT.error;
    }
    if (error instanceof ConfigError) return fail(`invalid configuration: ${error.message}`, error);
    if (error instanceof MissingPathError || error instanceof UsageError) return fail(error.message, error);
    return fail(`internal error: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Whether `path` is (the same file as) one of the scanned files: compared by device and inode, so links count. */
function isScannedFile(path: string, files: FoundFile[]): boolean {
  const target = statSync(path, { throwIfNoEntry: false });
  if (!target) return false;
  return files.some((f) => {
    const info = statSync(f.absolute, { throwIfNoEntry: false });
    return info !== undefined && info.dev === target.dev && info.ino === target.ino;
  });
}

/** A usage problem found while running a command (exit 2 with one line). */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

function render(report: ScanReport, options: ScanOptions, io: CliIo): string {
  if (options.format === 'sarif') return formatSarif(report, { name: 'iamscope', version: VERSION, informationUri: INFORMATION_URI });
  if (options.format === 'json') return formatJson(report);
  if (options.format === 'github') return formatGithub(report);
  const colorOn = options.color && io.stdout.isTTY === true && !io.env['NO_COLOR'] && !options.outputFile;
  return formatStylish(report, colorOn ? pc.createColors(true) : NO_COLORS);
}

async function scan(paths: string[], options: ScanOptions, io: CliIo): Promise<number> {
  const loaded = loadConfig(io.cwd, options.config, options.plugin);
  const spec: EngineSpec = { pluginUrls: loaded.pluginUrls, config: loaded.config };
  const engine = await createEngine(spec, loaded.path);
  const found = await findFiles(paths, io.cwd, options.ignorePattern, loaded.path ? dirname(loaded.path) : io.cwd);
  const outputPath = options.outputFile ? resolve(io.cwd, options.outputFile) : undefined;
  if (outputPath && isScannedFile(outputPath, found.files)) {
    throw new UsageError(`--output-file ${options.outputFile} is one of the scanned files; it would be overwritten.`);
  }
  const reports = await scanFiles(found.files, engine, spec, options.jobs);
  for (const r of reports) {
    if (options.quiet) r.results = r.results.filter((x) => x.level === 'error');
    r.results.sort(compareResults);
  }
  const report: ScanReport = {
    files: reports,
    rules: engine.registry.all(),
    notifications: found.notifications,
    filesRead: reports.filter((r) => !r.notifications.some((n) => n.code === 'READ_ERROR' || n.code === 'FILE_TOO_LARGE')).length,
    policiesChecked: reports.reduce((n, r) => n + r.policies, 0),
  };
  const text = render(report, options, io);
  if (outputPath) {
    try {
      await writeFile(outputPath, text);
    } catch (error) {
      throw new UsageError(`Cannot write ${options.outputFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
    }
  } else {
    io.stdout.write(text);
  }
  const failures = allNotifications(report).filter((n) => n.level === 'error').length;
  if (failures > 0) {
    io.stderr.write(`iamscope: ${plural(failures, 'tool error')} (unreadable files or folders, failed rules); see the tool notifications in the report.\n`);
    return EXIT.error;
  }
  const all = reports.flatMap((r) => r.results);
  const errors = all.filter((r) => r.level === 'error').length;
  const warnings = all.filter((r) => r.level === 'warning').length;
  if (errors > 0) return EXIT.findings;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(`iamscope: ${plural(warnings, 'warning')} exceed${warnings === 1 ? 's' : ''} --max-warnings ${options.maxWarnings}.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
