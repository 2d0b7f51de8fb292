import type { DocumentNode } from '@humanwhocodes/momoa';
import type { Config } from '../config/config.js';
import { matchesAnyGlob } from '../config/globs.js';
import { validateConfig } from '../config/validate.js';
import { parseJson, parseJsonc } from '../json/parse.js';
import { buildPolicy } from '../policy/build.js';
import { findPolicyObjects } from '../policy/detect.js';
import { inferPolicyType } from '../policy/infer-type.js';
import type { IamNode, PolicyNode, PolicyType } from '../policy/nodes.js';
import type { SourceLocation } from '../source/location.js';
import { PARSE_ERROR_RULE_ID } from '../rules/parse-error.js';
import { assignFingerprints } from './fingerprint.js';
import { formatMessage } from './message.js';
import { RuleRegistry, type RegisteredRule } from './registry.js';
import { applySuppressions } from './suppress.js';
import { traversePolicy } from './traverse.js';
import type { FileReport, Level, Notification, Plugin, ReportDescriptor, Result, Rule, RuleSetting } from './types.js';

/**
 * Files longer than this (in UTF-16 units) are first checked with `JSON.parse`: large data files
 * (ML annotations, lock files) without a top-level `Statement` skip the positioned parse, which
 * costs about ten times more time and memory. IAM policies are far smaller (≤ 32 KB).
 */
const QUICK_CHECK_CHARS = 1 << 20;

/** True when `text` is valid JSON whose top level is not an object with a `Statement` member. */
function isValidJsonWithoutPolicy(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return false;
  }
  return typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, 'Statement');
}

/** Options of {@link Engine}. */
export interface EngineOptions {
  /** Loaded plugins (rule packs). */
  plugins?: readonly Plugin[];
  /** Configuration object; validated by the constructor. */
  config?: unknown;
  /** Start from the recommended configs of core and the plugins (default true). */
  recommended?: boolean;
  /** Deep-freeze each policy AST before rules run, so a rule that mutates it throws (RuleTester). */
  freezeAst?: boolean;
  /** Rules without a namespace that core does not list yet (RuleTester; see RuleRegistry). */
  unlistedCoreRules?: readonly Rule<any>[];
}

/** The parsed JSON of a file and the IAM policies in it (see {@link Engine.policyDocuments}). */
export interface PolicyDocuments {
  /** momoa document of the whole file. */
  document: DocumentNode;
  /** The policies found in it, in source order, with their origin (file and policy type). */
  policies: PolicyNode[];
}

/** A rule enabled for a file, with its level and merged options. */
interface ActiveRule {
  registered: RegisteredRule;
  level: Level;
  options: Record<string, unknown>;
}

interface FilePlan {
  rules: ActiveRule[];
  policyType?: PolicyType;
}

/**
 * The pure analysis engine: takes file text and a path, returns results. Does no file I/O on the
 * scanned files (the CLI reads them). One engine serves many files; per-file settings are cached.
 */
export class Engine {
  readonly registry: RuleRegistry;
  readonly config: Config;
  private readonly plans = new Map<string, FilePlan>();
  private readonly recommended: boolean;
  private readonly freezeAst: boolean;

  /**
   * @param options plugins and configuration
   * @throws ConfigError when the configuration is invalid (names the JSON path)
   */
  constructor(options: EngineOptions = {}) {
    this.registry = new RuleRegistry(options.plugins ?? [], options.unlistedCoreRules);
    this.config = options.config === undefined ? {} : validateConfig(options.config, this.registry);
    this.recommended = options.recommended ?? true;
    this.freezeAst = options.freezeAst ?? false;
  }

  /**
   * Checks every IAM policy in a file.
   * Never throws for bad input: invalid JSON yields one `parse-error` result at the error's
   * position, except JSON with comments or trailing commas that holds no policy (a JSONC
   * configuration file: no result, no policy); a rule that throws yields a `RULE_CRASH` notification and the other rules go on.
   * Every result gets its fingerprint; results that `suppressions` of the configuration match go
   * to `suppressed` instead of `results`.
   * @param text file contents
   * @param file path used in results (the CLI passes it relative to the scan root, `/`-separated)
   * @param matchPath `/`-separated path that `overrides[].files` and `suppressions[].files` globs
   *   are matched against (the CLI passes it relative to the configuration file's folder); default `file`
   * @returns results (sorted by position, then rule id), suppressed results and notifications
   */
  lintText(text: string, file: string, matchPath = file): FileReport {
    const report: FileReport = { file, policies: 0, results: [], notifications: [] };
    if (text.length > QUICK_CHECK_CHARS && isValidJsonWithoutPolicy(text)) return report;
    const parsed = parseJson(text);
    if (!parsed.ok) {
      // a JSONC file without a policy (tsconfig.json, editor settings) is not a broken policy
      const jsonc = parseJsonc(text);
      if (jsonc && findPolicyObjects(jsonc).length === 0) return report;
      // one character wide, or empty at the end of the text
      const { line, column, offset } = parsed.error.position;
      const width = offset < text.length ? 1 : 0;
      const loc = { start: parsed.error.position, end: { line, column: column + width, offset: offset + width } };
      report.results.push({ ruleId: PARSE_ERROR_RULE_ID, level: 'error', messageId: 'invalidJson', message: parsed.error.message, file, loc, fingerprint: '' });
      assignFingerprints(report.results, undefined, text);
      this.suppress(report, matchPath, []);
      return report;
    }
    const plan = this.planFor(matchPath);
    const policies = this.buildPolicies(parsed.document, file, plan);
    for (const policy of policies) {
      report.policies++;
      if (this.freezeAst) deepFreeze(policy);
      this.runRules(policy, plan.rules, report);
    }
    report.results.sort(compareResults);
    assignFingerprints(report.results, parsed.document, text);
    this.suppress(report, matchPath, policies);
    return report;
  }

  /**
   * The IAM policy documents of a file exactly as {@link lintText} checks them, each with its
   * origin: the policy type an override sets, else the inferred one. For callers that act on the
   * documents themselves (the CLI's IAM Access Analyzer cross-check).
   * @param text file contents
   * @param file path used in results
   * @param matchPath path matched by `overrides[].files`; default `file`
   * @returns the parsed file and its policies in source order, or undefined when it is not valid JSON
   */
  policyDocuments(text: string, file: string, matchPath = file): PolicyDocuments | undefined {
    const parsed = parseJson(text);
    if (!parsed.ok) return undefined;
    return { document: parsed.document, policies: this.buildPolicies(parsed.document, file, this.planFor(matchPath)) };
  }

  /**
   * Adds results found outside the rules (e.g. by IAM Access Analyzer) to a file's report as if a
   * rule had reported them: each gets its fingerprint (as {@link lintText} computes it) and the
   * configuration's suppressions apply; `report.results` stays sorted.
   * @param report the file's report from {@link lintText} (changed in place)
   * @param results the new results, located in `text`
   * @param text the file's text
   * @param documents the file's documents from {@link policyDocuments} (for Sids and fingerprints)
   * @param matchPath path matched by `suppressions[].files`; default `report.file`
   */
  addResults(report: FileReport, results: Result[], text: string, documents: PolicyDocuments, matchPath = report.file): void {
    const added: FileReport = { file: report.file, policies: 0, results: [...results].sort(compareResults), notifications: [] };
    assignFingerprints(added.results, documents.document, text);
    this.suppress(added, matchPath, documents.policies);
    report.results = [...report.results, ...added.results].sort(compareResults);
    if (added.suppressed) report.suppressed = [...(report.suppressed ?? []), ...added.suppressed];
  }

  private buildPolicies(document: DocumentNode, file: string, plan: FilePlan): PolicyNode[] {
    return findPolicyObjects(document).map((object) => {
      const policy = buildPolicy(object, { file, policyType: plan.policyType ?? 'unknown', policyTypeInferred: !plan.policyType });
      if (!plan.policyType) policy.origin.policyType = inferPolicyType(policy);
      return policy;
    });
  }

  /** Applies the configuration's suppressions; the Sid of a result is that of the statement around it. */
  private suppress(report: FileReport, matchPath: string, policies: PolicyNode[]): void {
    if (!this.config.suppressions) return;
    const sidOf = (result: Result): string | undefined => {
      const inside = (loc: SourceLocation) => loc.start.offset <= result.loc.start.offset && result.loc.end.offset <= loc.end.offset;
      const statement = policies.filter((p) => inside(p.loc)).flatMap((p) => p.statements).find((s) => inside(s.loc));
      return statement?.sid?.value ?? undefined;
    };
    applySuppressions(report, this.config.suppressions, matchPath, sidOf);
  }

  private runRules(policy: PolicyNode, rules: ActiveRule[], report: FileReport): void {
    type Handler = { id: string; fn: (node: IamNode) => void };
    const handlers = new Map<string, Handler[]>();
    const crashed = new Set<string>();
    const crash = (id: string, error: unknown, loc: SourceLocation): void => {
      crashed.add(id);
      report.notifications.push(ruleCrash(id, policy.origin.file, loc, error));
    };
    for (const active of rules) {
      const id = active.registered.id;
      const meta = active.registered.rule.meta;
      if (meta.policyTypes && !meta.policyTypes.includes(policy.origin.policyType)) continue;
      const context = {
        id,
        file: policy.origin.file,
        policy,
        settings: this.config.settings ?? {},
        report: (d: ReportDescriptor) => report.results.push(toResult(id, active.level, meta.messages, policy.origin.file, d)),
      };
      try {
        const visitors = active.registered.rule.create(context, active.options) as Record<string, (node: IamNode) => void>;
        for (const [key, fn] of Object.entries(visitors)) {
          if (typeof fn !== 'function') continue;
          if (!handlers.has(key)) handlers.set(key, []);
          handlers.get(key)!.push({ id, fn });
        }
      } catch (error) {
        crash(id, error, policy.loc);
      }
    }
    traversePolicy(policy, (node, phase) => {
      for (const handler of handlers.get(phase === 'enter' ? node.type : `${node.type}:exit`) ?? []) {
        if (crashed.has(handler.id)) continue;
        try {
          handler.fn(node);
        } catch (error) {
          crash(handler.id, error, node.loc);
        }
      }
    });
  }

  /** Resolves which rules run on `file` (recommended ⊕ extended shared configs ⊕ config.rules ⊕ matching overrides). */
  private planFor(file: string): FilePlan {
    const overrides = (this.config.overrides ?? []).filter((o) => matchesAnyGlob(file, o.files));
    const key = overrides.map((o) => this.config.overrides!.indexOf(o)).join(',');
    const cached = this.plans.get(key);
    if (cached) return cached;
    const shared = (this.config.extends ?? []).map((name) => this.registry.sharedConfig(name) ?? {});
    const settings: Record<string, RuleSetting> = Object.assign({}, this.recommended ? this.registry.recommended() : {}, ...shared, this.config.rules);
    let policyType: PolicyType | undefined;
    for (const o of overrides) {
      Object.assign(settings, o.rules);
      policyType = o.policyType ?? policyType;
    }
    const rules: ActiveRule[] = [];
    for (const [id, setting] of Object.entries(settings)) {
      const registered = this.registry.get(id);
      const [level, options] = Array.isArray(setting) ? setting : [setting];
      if (!registered || level === 'off' || id === PARSE_ERROR_RULE_ID) continue;
      rules.push({ registered, level, options: mergeOptions(registered.rule.meta.defaultOptions ?? {}, options ?? {}) });
    }
    const plan = { rules, policyType };
    this.plans.set(key, plan);
    return plan;
  }
}

function toResult(
  ruleId: string,
  level: Level,
  messages: Record<string, string>,
  file: string,
  d: ReportDescriptor,
): Result {
  const template = messages[d.messageId];
  if (template === undefined) throw new Error(`Rule "${ruleId}" reported unknown messageId "${d.messageId}".`);
  const loc = d.loc ?? d.node?.loc;
  if (!loc) throw new Error(`Rule "${ruleId}" reported without a node or loc.`);
  const effective: Level = d.uncertain ? (level === 'error' ? 'warning' : 'note') : level;
  return { ruleId, level: effective, messageId: d.messageId, message: formatMessage(template, d.data), file, loc, fingerprint: '' };
}

function ruleCrash(ruleId: string, file: string, loc: SourceLocation, error: unknown): Notification {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    level: 'error',
    code: 'RULE_CRASH',
    ruleId,
    file,
    loc,
    message: `Rule "${ruleId}" failed on ${file}:${loc.start.line}:${loc.start.column}: ${reason}`,
  };
}

/** Freezes an object graph without recursion (cycles and shared nodes are visited once). */
function deepFreeze(root: object): void {
  const stack: object[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    Object.freeze(node);
    for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-merges user options over defaults (plain objects merge; arrays and scalars replace). */
function mergeOptions(defaults: Record<string, unknown>, user: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(user)) {
    const base = merged[key];
    merged[key] = isPlainObject(base) && isPlainObject(value) ? mergeOptions(base, value) : value;
  }
  return merged;
}

/**
 * Orders results by line, column, then rule id (deterministic output).
 * @returns negative, zero or positive as for `Array.prototype.sort`
 */
export function compareResults(a: Result, b: Result): number {
  return (
    a.loc.start.line - b.loc.start.line ||
    a.loc.start.column - b.loc.start.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
