import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import pc from 'picocolors';
import {
  allNotifications,
  ConfigError,
  formatGithub,
  formatJson,
  formatSarif,
  formatStylish,
  NO_COLORS,
  type ScanReport,
} from '@iamscope/core';
import { AA_NOTIFICATION_PREFIX } from './access-analyzer/errors.js';
import { applyBaseline, BASELINE_FILE_NAME, baselinePathOf, createBaseline, findBaselineFile, formatBaseline, readBaseline } from './baseline.js';
import { createEngine, wasRead } from './engine-host.js';
import { verdict } from './exit-policy.js';
import { MissingPathError } from './find-files.js';
import { EXIT, processIo, type CliIo } from './io.js';
import { loadConfig } from './load-config.js';
import { collect, FORMATS, parseCategory, parseCount, parseFormat, parseLevel, type ScanOptions } from './options.js';
import { formatRules } from './rules-command.js';
import { runScan, type ReportExtension, type ScanInput } from './run-scan.js';
import { UsageError } from './usage-error.js';
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

  const scanCommand = program
    .command('scan')
    .description('Check IAM policies in files and folders (default: the current folder).')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .addOption(new Option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`).argParser(parseFormat).default('stylish'))
    .option('-o, --output-file <path>', 'write the report to this file instead of stdout')
    .addOption(new Option('--fail-on <level>', 'exit 1 on results at this level or more severe: error, warning, note').argParser(parseLevel).default('error'))
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings (default: no limit)', parseCount)
    .option('--category <id>', 'SARIF analysis category (automationDetails.id), e.g. iamscope/ml-roles/', parseCategory)
    .option('--baseline <file>', `report only findings not in this baseline (default: ${BASELINE_FILE_NAME} here or in the config's folder)`)
    .option('--no-baseline', 'ignore any baseline file')
    .option('--quiet', 'report error-level results only', false)
    .option('--no-color', 'never colour the output')
    .option('--access-analyzer', 'also validate every policy with IAM Access Analyzer (online; AWS credentials needed)', false)
    .option('--aws-region <region>', 'AWS region of the Access Analyzer calls (default: AWS_REGION or the profile\'s)')
    .option('--aws-profile <name>', 'AWS profile of the Access Analyzer calls (default: AWS_PROFILE or default)');
  withScanInput(scanCommand).action(async (paths: string[], options: ScanOptions) => {
    debug = options.debug;
    code = await scan(paths, options, io);
  });

  const baselineCommand = program
    .command('baseline')
    .description(`Write the current findings to a baseline file (${BASELINE_FILE_NAME}); later scans report only new ones.`)
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .option('-o, --output-file <path>', 'baseline file to write', BASELINE_FILE_NAME);
  withScanInput(baselineCommand).action(async (paths: string[], options: BaselineOptions) => {
    debug = options.debug;
    code = await baseline(paths, options, io);
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

/** Adds the options of the commands that scan: configuration, ignore patterns, plugins, threads, debug. */
function withScanInput(command: Command): Command {
  return command
    .option('-c, --config <path>', 'configuration file (default: iamscope.config.json in this or a parent folder)')
    .option('--ignore-pattern <glob>', 'leave out files matching this glob (repeatable)', collect, [])
    .option('--plugin <module>', 'load a rule pack (repeatable)', collect, [])
    .option('-j, --jobs <n>', 'number of threads (default: all cores for large scans)', parseCount)
    .option('--debug', 'print stack traces of internal errors', false);
}

/** Options of `iamscope baseline`. */
interface BaselineOptions extends ScanInput {
  outputFile: string;
  config?: string;
  plugin: string[];
  debug: boolean;
}

function render(report: ScanReport, options: ScanOptions, io: CliIo): string {
  if (options.format === 'sarif') {
    return formatSarif(report, { name: 'iamscope', version: VERSION, informationUri: INFORMATION_URI }, { category: options.category });
  }
  if (options.format === 'json') return formatJson(report);
  if (options.format === 'github') return formatGithub(report);
  const colorOn = options.color && io.stdout.isTTY === true && !io.env['NO_COLOR'] && !options.outputFile;
  return formatStylish(report, colorOn ? pc.createColors(true) : NO_COLORS);
}

/**
 * `iamscope baseline`: scans like `scan` and writes every counted finding to the baseline file
 * (keeping the justifications of entries already in it). Refuses to write after tool errors.
 */
async function baseline(paths: string[], options: BaselineOptions, io: CliIo): Promise<number> {
  const loaded = loadConfig(io.cwd, options.config, options.plugin);
  const path = resolve(io.cwd, options.outputFile);
  const previous = existsSync(path) ? readBaseline(path, options.outputFile) : undefined;
  const report = await runScan(paths, options, io, loaded, { exclude: path });
  const failures = allNotifications(report).filter((n) => n.level === 'error');
  if (failures.length > 0) {
    io.stderr.write(`iamscope: ${plural(failures.length, 'tool error')}; no baseline written. First: ${failures[0]!.message}\n`);
    return EXIT.error;
  }
  const written = createBaseline(report.files, baselinePathOf(io.cwd, path), previous);
  try {
    await writeFile(path, formatBaseline(written));
  } catch (error) {
    throw new UsageError(`Cannot write ${options.outputFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  const justified = written.entries.filter((e) => e.justification !== '').length;
  io.stdout.write(`Wrote ${plural(written.entries.length, 'finding')} to ${options.outputFile} (${justified} with a justification); scans now report only new findings.\n`);
  return EXIT.ok;
}

async function scan(paths: string[], options: ScanOptions, io: CliIo): Promise<number> {
  const loaded = loadConfig(io.cwd, options.config, options.plugin);
  const baselinePath = findBaselineFile(options.baseline, io.cwd, loaded.path ? dirname(loaded.path) : undefined);
  const outputPath = options.outputFile ? resolve(io.cwd, options.outputFile) : undefined;
  const output = outputPath ? { path: outputPath, shown: options.outputFile! } : undefined;
  if (outputPath && outputPath === baselinePath) throw new UsageError(`--output-file ${options.outputFile} is the baseline; it would be overwritten.`);
  const shownBaseline = baselinePath ? options.baseline || relative(io.cwd, baselinePath) : undefined;
  const accepted = baselinePath ? readBaseline(baselinePath, shownBaseline!) : undefined;
  if (!options.accessAnalyzer && (options.awsRegion || options.awsProfile)) throw new UsageError('--aws-region and --aws-profile need --access-analyzer.');
  const accessAnalyzer: ReportExtension | undefined = options.accessAnalyzer
    ? async (report, engine, files) => {
        const { runAccessAnalyzer } = await import('./access-analyzer/run.js');
        const run = { region: options.awsRegion, profile: options.awsProfile, config: engine.config.accessAnalyzer, configPath: loaded.path, stderr: io.stderr };
        await runAccessAnalyzer(report, engine, files, run);
      }
    : undefined;
  const report = await runScan(paths, options, io, loaded, { output, exclude: baselinePath }, accessAnalyzer);
  if (accepted) {
    const { baselined, stale } = applyBaseline(report.files, accepted, baselinePathOf(io.cwd, baselinePath!), wasRead, shownBaseline!);
    report.baselined = baselined;
    report.notifications.push(...stale);
  }
  const counted = report.files.flatMap((r) => r.results);
  if (options.quiet) for (const r of report.files) r.results = r.results.filter((x) => x.level === 'error');
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
  const failures = allNotifications(report).filter((n) => n.level === 'error');
  // failed Access Analyzer calls already printed their own line
  const unexplained = failures.filter((n) => !n.code.startsWith(AA_NOTIFICATION_PREFIX)).length;
  if (unexplained > 0) {
    io.stderr.write(`iamscope: ${plural(unexplained, 'tool error')} (unreadable files or folders, failed rules); see the tool notifications in the report.\n`);
  }
  if (failures.length > 0) return EXIT.error;
  const outcome = verdict(counted, options);
  if (outcome.message) io.stderr.write(`iamscope: ${outcome.message}\n`);
  return outcome.code;
}
