import type { DocumentNode } from '@humanwhocodes/momoa';
import type { Config } from '../config/config.js';
import { matchesAnyGlob } from '../config/globs.js';
import { validateConfig } from '../config/validate.js';
import { buildPolicy } from '../policy/build.js';
import { inferPolicyType } from '../policy/infer-type.js';
import type { IamNode, PolicyNode, PolicyOrigin, PolicyType } from '../policy/nodes.js';
import { awsManagedPolicyNode } from '../catalog/managed-policy-node.js';
import { joinPrincipals, type Principal } from '../sources/principals.js';
import { fileKind } from '../sources/read.js';
import type { ExtractedPolicy, ReadReferencedFile, SourceFile, SourceFormat } from '../sources/types.js';
import { readGroup, type LintInput } from './read-group.js';
import type { SourceLocation } from '../source/location.js';
import { PARSE_ERROR_RULE_ID } from '../rules/parse-error.js';
import { assignFingerprints } from './fingerprint.js';
import { formatMessage } from './message.js';
import { RuleRegistry, type RegisteredRule } from './registry.js';
import { applySuppressions } from './suppress.js';
import { traversePolicy } from './traverse.js';
import type { FileReport, Level, Notification, Plugin, ReportDescriptor, Result, Rule, RuleSetting } from './types.js';

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
  /** momoa document of the whole file (JSON formats), or a synthetic one over its policies (YAML, HCL). */
  document: DocumentNode;
  /** The file's format: a raw policy file is submitted as written, other documents serialised. */
  format: SourceFormat;
  /** The file, as results name it. */
  file: string;
  /** Its text (positions of its nodes are offsets into it). */
  text: string;
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
    return this.lintGroup([{ text, file, matchPath }])[0]!;
  }

  /**
   * Checks files that are read together: a Terraform module folder's `.tf` files (variables,
   * locals and data sources are shared), or any set of files whose principals reference each other
   * (a role in one file, the policy attached to it in another). Each file is read by the reader of
   * its format (`sources/read.ts`); the principals of all files are joined (`sources/principals.ts`)
   * so rules see, for each policy, the principals it applies to with their other policies and
   * permissions boundary. Never throws for bad input: each syntax error becomes a `parse-error`
   * result at its position and the rest of the group is still checked. Terraform files need
   * {@link loadTerraformParser} to have completed; without it they get a `TERRAFORM_NOT_LOADED`
   * notification.
   * @param inputs the files: text, path used in results, path matched by configuration globs,
   *   and whether a file is only context (see {@link LintInput.contextOnly})
   * @param readReferenced reads files a Terraform module references with `file()` (default: none)
   * @returns one report per input, in input order (empty for context-only inputs), then one per file
   *   a Terraform module read through `file()`/`templatefile()` (its policies checked as the
   *   module uses them; configuration globs are matched against its path as `readReferenced` got it)
   */
  lintGroup(inputs: readonly LintInput[], readReferenced: ReadReferencedFile = () => undefined): FileReport[] {
    const { reports, read, built, model, matchPath } = this.readPolicies(inputs, readReferenced);
    const owners: { policy: PolicyNode; index: number }[] = [];
    for (const [index, entry] of read.entries()) {
      if (inputs[index]?.contextOnly) continue;
      for (const extracted of entry?.source.policies ?? []) owners.push({ policy: built.get(extracted)!, index });
    }
    for (const { policy, index } of owners) {
      const report = reports[index]!;
      report.policies++;
      if (this.freezeAst) deepFreeze(policy);
      this.runRules(policy, this.planFor(matchPath(index)).rules, report, model.byPolicy.get(policy) ?? []);
    }
    for (const principal of model.principals) {
      const index = inputs.findIndex((i) => i.file === principal.file && !i.contextOnly);
      if (index !== -1) this.checkPrincipal(principal, model.principals, this.planFor(inputs[index]!.matchPath ?? principal.file).rules, inputs, reports);
    }
    for (const [index, report] of reports.entries()) {
      const entry = read[index];
      const input = inputs[index];
      if (input?.contextOnly) continue;
      const text = input?.text ?? (entry && 'text' in entry ? entry.text : '');
      for (const error of entry?.source.errors ?? []) {
        const messageId = fileKind(report.file, text) === 'json' ? 'invalidJson' : 'invalidSyntax';
        report.results.push({ ruleId: PARSE_ERROR_RULE_ID, level: 'error', messageId, message: error.message, file: report.file, loc: error.loc, fingerprint: '' });
      }
      report.results = withoutRepeats(report.results.sort(compareResults));
      assignFingerprints(report.results, entry?.document, text);
      this.suppress(report, matchPath(index), owners.filter((o) => o.index === index).map((o) => o.policy));
    }
    return reports;
  }

  /**
   * The IAM policy documents of a group of files exactly as {@link lintGroup} checks them, each
   * with its origin: for raw JSON files the policy type an override sets, else the inferred one;
   * for templates, plans and dumps the type where the document sits (a boundary retyped as such).
   * For callers that act on the documents themselves (the CLI's IAM Access Analyzer cross-check).
   * @param inputs the files (see {@link lintGroup})
   * @param readReferenced reads files a Terraform module references
   * @returns per input, then per file a Terraform module read through `file()`/`templatefile()`
   *   (as {@link lintGroup} reports them): the JSON tree its fingerprints use, its policies in
   *   source order, its format, path and text; undefined for a file that did not parse, holds no
   *   policy or is only context
   */
  policyDocuments(inputs: readonly LintInput[], readReferenced: ReadReferencedFile = () => undefined): (PolicyDocuments | undefined)[] {
    const { read, built } = this.readPolicies(inputs, readReferenced);
    return read.map((entry, index) => {
      if (!entry?.document || !entry.source.format || inputs[index]?.contextOnly) return undefined;
      const policies = entry.source.policies.map((p) => built.get(p)!);
      const text = inputs[index]?.text ?? ('text' in entry ? entry.text : '');
      return { document: entry.document, policies, format: entry.source.format, file: entry.source.file, text };
    });
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

  /**
   * Reads a group of files (`readGroup`), builds the IAM AST of every policy with the policy type
   * its file's configuration gives it, and joins the principals (boundaries are retyped there).
   * @returns one empty report per input and per file Terraform read (reader notifications already
   *   in them), the reader output per report, the built policies, the principal model, and the
   *   path configuration globs match for each report
   */
  private readPolicies(inputs: readonly LintInput[], readReferenced: ReadReferencedFile) {
    const reports = inputs.map((i): FileReport => ({ file: i.file, policies: 0, results: [], notifications: [] }));
    const read = readGroup(inputs, readReferenced, reports);
    for (const entry of read.slice(inputs.length)) reports.push({ file: entry!.source.file, policies: 0, results: [], notifications: [] });
    const matchPath = (index: number): string => inputs[index]?.matchPath ?? inputs[index]?.file ?? read[index]!.source.file;
    const built = new Map<ExtractedPolicy, PolicyNode>();
    for (const [index, entry] of read.entries()) {
      const plan = this.planFor(matchPath(index));
      for (const extracted of entry?.source.policies ?? []) built.set(extracted, this.buildExtracted(extracted, entry!.source, plan));
    }
    const model = joinPrincipals(read.flatMap((r) => (r ? [r.source] : [])), built, awsManagedPolicyNode);
    return { reports, read, built, model, matchPath };
  }

  /** The IAM AST of an extracted document: raw JSON policies get the override's or the inferred type, others their reader's. */
  private buildExtracted(extracted: ExtractedPolicy, source: SourceFile, plan: FilePlan): PolicyNode {
    const raw = source.format === 'policy-json';
    const forced = raw ? plan.policyType : undefined;
    const origin: PolicyOrigin = { file: source.file, policyType: forced ?? extracted.policyType, policyTypeInferred: raw && !forced };
    if (extracted.path) origin.path = extracted.path;
    if (extracted.cdkPath) origin.cdkPath = extracted.cdkPath;
    const policy = buildPolicy(extracted.object, origin);
    if (origin.policyTypeInferred) policy.origin.policyType = inferPolicyType(policy);
    return policy;
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

  /** Runs the rules' principal checks on one principal; a check that throws gives a `RULE_CRASH` notification. */
  private checkPrincipal(principal: Principal, all: readonly Principal[], rules: ActiveRule[], inputs: readonly LintInput[], reports: FileReport[]): void {
    const cdk = principal.cdkPath ? { cdkPath: principal.cdkPath } : {};
    for (const active of rules) {
      const { id, rule } = active.registered;
      if (!rule.checkPrincipal) continue;
      const context = {
        id,
        file: principal.file,
        principals: all,
        settings: this.config.settings ?? {},
        report: (d: ReportDescriptor & { file?: string }) => {
          const file = d.file ?? principal.file;
          const origin: PolicyOrigin = { file, policyType: 'unknown', policyTypeInferred: false, ...cdk };
          reports.find((r, i) => r.file === file && !inputs[i]!.contextOnly)?.results.push(toResult(id, active.level, rule.meta.messages, origin, d));
        },
      };
      try {
        rule.checkPrincipal(principal, context, active.options);
      } catch (error) {
        reports.find((r, i) => r.file === principal.file && !inputs[i]!.contextOnly)?.notifications.push(ruleCrash(id, principal.file, principal.loc, error));
      }
    }
  }

  private runRules(policy: PolicyNode, rules: ActiveRule[], report: FileReport, principals: readonly Principal[]): void {
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
        principals,
        settings: this.config.settings ?? {},
        report: (d: ReportDescriptor) => report.results.push(toResult(id, active.level, meta.messages, policy.origin, d)),
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
  origin: PolicyOrigin,
  d: ReportDescriptor,
): Result {
  const template = messages[d.messageId];
  if (template === undefined) throw new Error(`Rule "${ruleId}" reported unknown messageId "${d.messageId}".`);
  const loc = d.loc ?? d.node?.loc;
  if (!loc) throw new Error(`Rule "${ruleId}" reported without a node or loc.`);
  const effective: Level = d.uncertain ? (level === 'error' ? 'warning' : 'note') : level;
  // a template's unknown values read as the template wrote them: ${AWS::Region}, ${var.bucket}
  const filled = formatMessage(template, d.data).replace(/\$\{unresolved:([^}]*)\}/g, '$${$1}');
  const message = filled + (origin.cdkPath ? ` (CDK construct ${origin.cdkPath})` : '');
  return {
    ruleId,
    level: effective,
    messageId: d.messageId,
    message,
    file: origin.file,
    loc,
    fingerprint: '',
    ...(origin.cdkPath ? { cdkPath: origin.cdkPath } : {}),
    ...(d.related?.length ? { related: d.related } : {}),
    ...(d.flow?.length ? { flow: d.flow } : {}),
  };
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
 * Drops a result that repeats the one before it: same rule, place and message. One document can be
 * checked twice — a YAML anchor shares a trust policy between two roles, a Terraform data source is
 * used in two places — and the same finding at the same place is said once.
 * @param sorted results sorted with {@link compareResults}
 * @returns the results without repeats
 */
function withoutRepeats(sorted: Result[]): Result[] {
  return sorted.filter((r, i) => {
    const p = sorted[i - 1];
    return !p || p.ruleId !== r.ruleId || p.message !== r.message || p.loc.start.offset !== r.loc.start.offset || p.loc.end.offset !== r.loc.end.offset;
  });
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
