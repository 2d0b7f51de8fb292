import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  ACCESS_ANALYZER_RULE_PREFIX,
  ConfigError,
  serializedSubmission,
  wholeFileSubmission,
  type ConfigAccessAnalyzer,
  type Engine,
  type Notification,
  type PolicyDocuments,
  type PolicyNode,
  type RegisteredRule,
  type Result,
  type ScanReport,
  type SubmittedText,
} from '@iamscope/core';
import { decode, referencedFileReader, wasRead } from '../engine-host.js';
import { groupFiles } from '../scan.js';
import type { FoundFile } from '../find-files.js';
import { createAccessAnalyzer, type AaClientOptions, type AccessAnalyzerApi } from './client.js';
import { crossCheck, type PlacedFinding } from './cross-check.js';
import { AA_NOTIFICATION_PREFIX, classify, type Failure } from './errors.js';
import { checkKind, validateKind } from './policy-type.js';
import { checkResults, findingLocation, findingResult } from './results.js';
import { CUSTOM_CHECK_RULES, issueRule } from './rules.js';

/** Calls to Access Analyzer in flight at once. */
export const AA_CONCURRENCY = 4;

/** What `scan --access-analyzer` needs besides the report. */
export interface AccessAnalyzerRun extends AaClientOptions {
  /** `accessAnalyzer` of the configuration (custom checks). */
  config?: ConfigAccessAnalyzer;
  /** The configuration file (custom check paths are relative to its folder). */
  configPath?: string;
  /** Where the one-line error messages go. */
  stderr: { write(text: string): unknown };
}

/** One scanned file with policies, as submitted. */
interface Target {
  file: FoundFile;
  text: string;
  documents: PolicyDocuments;
  /** What is submitted for each policy of `documents` (a raw JSON file: its own text). */
  submitted: Map<PolicyNode, SubmittedText>;
  results: Result[];
  findings: PlacedFinding[];
  validated: number;
}

function readReference(run: AccessAnalyzerRun): string | undefined {
  const reference = run.config?.checkNoNewAccess?.reference;
  if (reference === undefined) return undefined;
  const path = resolve(run.configPath ? dirname(run.configPath) : '.', reference);
  try {
    return wholeFileSubmission(decode(readFileSync(path))).text;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError('/accessAnalyzer/checkNoNewAccess/reference', `cannot read ${reference}: ${reason}.`, run.configPath);
  }
}

/** Runs `tasks` with at most `limit` in flight. */
async function pool(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/**
 * The IAM Access Analyzer cross-check of `scan --access-analyzer`, run after the offline scan:
 * every policy document of every scanned file (as {@link Engine.policyDocuments} finds and
 * types it) goes to ValidatePolicy, raw JSON files as their own text (see
 * `wholeFileSubmission`), and, when the configuration asks for them, to CheckAccessNotGranted
 * and CheckNoNewAccess. Findings become results of `aa/…` rules in the file's report (through the
 * engine, so fingerprints, suppressions and baselines treat them like rule results), their rules
 * are added to `report.rules`, and `report.crossCheck` compares them with iamscope's results.
 * Failed calls become one stderr line and one tool notification per kind of failure (level
 * `error` when no call succeeded, so the scan exits 2; else `warning`); the offline results stay.
 * @param report the offline scan (changed in place)
 * @param engine the engine that produced it
 * @param files the scanned files, in the order of `report.files`
 * @param run options of the cross-check
 * @throws ConfigError when the reference policy of `checkNoNewAccess` cannot be read
 */
export async function runAccessAnalyzer(report: ScanReport, engine: Engine, files: readonly FoundFile[], run: AccessAnalyzerRun): Promise<void> {
  const reference = readReference(run);
  const targets: Target[] = [];
  // a Terraform file may hold no policy of its own yet read one from another file, so every file read counts
  const checked = new Set(report.files.filter(wasRead).map((r) => r.file));
  const scanned = new Set(files.map((f) => f.relative));
  for (const group of groupFiles(files)) {
    const wanted = group.filter((f) => checked.has(f.relative));
    if (wanted.length === 0) continue;
    const inputs = wanted.map((file) => ({ text: decode(readFileSync(file.absolute)), file: file.relative, matchPath: file.matchPath }));
    engine.policyDocuments(inputs, referencedFileReader(wanted[0]!)).forEach((documents, i) => {
      // a file a Terraform module read through file() is submitted once: as itself when it is scanned, else with the first module
      const extra = i >= wanted.length;
      if (!documents || (extra && (scanned.has(documents.file) || targets.some((t) => t.file.relative === documents.file)))) return;
      const { text } = documents;
      const whole = documents.format === 'policy-json' ? wholeFileSubmission(text) : undefined;
      const submitted = new Map(documents.policies.map((p) => [p, whole ?? serializedSubmission(p.object)]));
      const file = wanted[i] ?? { absolute: '', relative: documents.file, matchPath: documents.file };
      targets.push({ file, text, documents, submitted, results: [], findings: [], validated: 0 });
    });
  }
  const failures: Failure[] = [];
  let succeeded = 0;
  const seenRules = new Map<string, RegisteredRule>();
  const call = async (target: Target, request: () => Promise<void>): Promise<void> => {
    try {
      await request();
      succeeded++;
    } catch (error) {
      const failure = classify(error);
      failures.push(failure.kind === 'rejected' ? { ...failure, message: `${target.file.relative}: ${failure.message}` } : failure);
    }
  };
  const tasks = (api: AccessAnalyzerApi): (() => Promise<void>)[] =>
    targets.flatMap((target) =>
      target.documents.policies.flatMap((policy) => policyTasks(api, target, policy, reference, run.config, seenRules).map((request) => () => call(target, request))),
    );
  let planned = 0;
  if (targets.length > 0) {
    const api = await createAccessAnalyzer(run);
    try {
      const work = tasks(api);
      planned = work.length;
      try {
        await api.preflight();
        await pool(work, AA_CONCURRENCY);
      } catch (error) {
        failures.push(classify(error));
      }
    } finally {
      api.destroy();
    }
  }
  for (const target of targets) {
    const fileReport = report.files.find((f) => f.file === target.file.relative)!;
    engine.addResults(fileReport, target.results, target.text, target.documents, target.file.matchPath);
  }
  report.rules = [...report.rules, ...seenRules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const complete = targets.filter((t) => t.validated === t.documents.policies.length);
  report.crossCheck = crossCheck(
    complete.map((t) => ({ report: report.files.find((f) => f.file === t.file.relative)!, findings: t.findings })),
    report.rules,
    complete.reduce((n, t) => n + t.validated, 0),
  );
  report.notifications.push(...notify(failures, succeeded, planned, run.stderr));
}

/** The calls for one policy: ValidatePolicy, then the custom checks the configuration asks for. */
function policyTasks(
  api: AccessAnalyzerApi,
  target: Target,
  policy: PolicyNode,
  reference: string | undefined,
  config: ConfigAccessAnalyzer | undefined,
  seenRules: Map<string, RegisteredRule>,
): (() => Promise<void>)[] {
  const submitted = target.submitted.get(policy)!;
  const document = submitted.text;
  const type = policy.origin.policyType;
  const tasks = [
    async () => {
      const findings = await api.validatePolicy(document, validateKind(type));
      target.validated++;
      for (const finding of findings) {
        const rule = seenRules.get(`${ACCESS_ANALYZER_RULE_PREFIX}${finding.issueCode}`) ?? issueRule(finding);
        seenRules.set(rule.id, rule);
        const loc = findingLocation(finding, submitted, policy);
        target.results.push(findingResult(finding, rule, target.file.relative, loc));
        target.findings.push({ issueCode: finding.issueCode, loc });
      }
    },
  ];
  const policyType = checkKind(type);
  const access = config?.checkAccessNotGranted;
  if (policyType && access) {
    tasks.push(async () => {
      const check = await api.checkAccessNotGranted(document, policyType, access);
      seenRules.set(CUSTOM_CHECK_RULES.accessNotGranted.id, CUSTOM_CHECK_RULES.accessNotGranted);
      target.results.push(...checkResults(check, CUSTOM_CHECK_RULES.accessNotGranted, policy));
    });
  }
  if (policyType && reference !== undefined) {
    tasks.push(async () => {
      const check = await api.checkNoNewAccess(document, reference, policyType);
      seenRules.set(CUSTOM_CHECK_RULES.noNewAccess.id, CUSTOM_CHECK_RULES.noNewAccess);
      target.results.push(...checkResults(check, CUSTOM_CHECK_RULES.noNewAccess, policy));
    });
  }
  return tasks;
}

/** One stderr line and one notification per kind of failure (the first message of that kind and how many calls failed). */
function notify(failures: readonly Failure[], succeeded: number, planned: number, stderr: AccessAnalyzerRun['stderr']): Notification[] {
  const byKind = new Map<string, { first: Failure; count: number }>();
  for (const f of failures) {
    const seen = byKind.get(f.kind);
    if (seen) seen.count++;
    else byKind.set(f.kind, { first: f, count: 1 });
  }
  const level = succeeded === 0 ? 'error' : 'warning';
  return [...byKind.values()].map(({ first, count }) => {
    const scope = first.kind === 'region' || first.kind === 'credentials' ? `no call made` : `${count} of ${planned} calls failed`;
    const message = `Access Analyzer: ${first.message}; ${scope}. The offline results are complete.`;
    stderr.write(`iamscope: ${message}\n`);
    return { level, code: `${AA_NOTIFICATION_PREFIX}${first.kind.toUpperCase()}`, message };
  });
}
