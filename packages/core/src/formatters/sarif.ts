import type { Log, ReportingDescriptor, Result as SarifResult, Notification as SarifNotification } from 'sarif';
import { compareResults } from '../linter/engine.js';
import type { RegisteredRule } from '../linter/registry.js';
import { LEVELS, type Notification, type Result } from '../linter/types.js';
import { allNotifications, suppressedCount, type ScanReport, type ToolInfo } from './report.js';

/** `$schema` value GitHub's documentation uses. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Most results GitHub code scanning accepts in one run (a file with more is rejected). */
export const GITHUB_MAX_RESULTS = 25_000;

/** Longest `shortDescription`/`fullDescription` text GitHub accepts. */
export const GITHUB_MAX_DESCRIPTION = 1024;

/** Key of iamscope's fingerprint in `partialFingerprints` (see `Result.fingerprint`). */
export const FINGERPRINT_KEY = 'iamscope/v1';

/** Options of {@link formatSarif}. */
export interface SarifOptions {
  /**
   * Category of the analysis (`runs[].automationDetails.id`), e.g. `iamscope/ml-roles/`; a
   * trailing `/` is added when missing, so GitHub reads all of it as the category.
   */
  category?: string;
  /** Most results written (default {@link GITHUB_MAX_RESULTS}). */
  maxResults?: number;
}

/** `text` cut at a word boundary to at most `max` characters, with `…` when cut. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

function uri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function descriptor(r: RegisteredRule): ReportingDescriptor {
  const { meta } = r.rule;
  const properties: Record<string, unknown> = { tags: (meta.tags ?? []).slice(0, 10) };
  if (meta.precision) properties['precision'] = meta.precision;
  if (meta.securitySeverity !== undefined) properties['security-severity'] = meta.securitySeverity.toFixed(1);
  const references = meta.docs.references ?? [];
  const refText = references.length > 0 ? `\n\nReferences:\n${references.map((u) => `- ${u}`).join('\n')}` : '';
  return {
    id: r.id,
    name: r.id,
    shortDescription: { text: clip(meta.docs.description, GITHUB_MAX_DESCRIPTION) },
    fullDescription: { text: clip(meta.docs.details, GITHUB_MAX_DESCRIPTION) },
    help: {
      text: `${meta.docs.details}${refText}\n\nDocumentation: ${meta.docs.url}`,
      markdown: `${meta.docs.details}${refText.replace(/- (\S+)/g, '- <$1>')}\n\n[Rule documentation](${meta.docs.url})`,
    },
    helpUri: meta.docs.url,
    defaultConfiguration: { level: meta.defaultLevel },
    properties,
  };
}

function location(file: string, loc: Result['loc']) {
  return {
    physicalLocation: {
      artifactLocation: { uri: uri(file), uriBaseId: '%SRCROOT%' },
      region: {
        startLine: loc.start.line,
        startColumn: loc.start.column,
        endLine: loc.end.line,
        endColumn: loc.end.column,
        charOffset: loc.start.offset,
        charLength: loc.end.offset - loc.start.offset,
      },
    },
  };
}

function notification(n: Notification, ruleIndex: Map<string, number>): SarifNotification {
  const out: SarifNotification = { level: n.level, message: { text: n.message }, descriptor: { id: n.code } };
  if (n.ruleId && ruleIndex.has(n.ruleId)) out.associatedRule = { id: n.ruleId, index: ruleIndex.get(n.ruleId)! };
  if (n.file) out.locations = [n.loc ? location(n.file, n.loc) : { physicalLocation: { artifactLocation: { uri: uri(n.file), uriBaseId: '%SRCROOT%' } } }];
  return out;
}

/** Results over `max` are dropped: suppressed ones first, then the least severe (GitHub keeps the most severe too). */
function capResults(results: Result[], max: number): Result[] {
  if (results.length <= max) return results;
  const rank = (r: Result) => (r.suppressions ? LEVELS.length : 0) + LEVELS.indexOf(r.level);
  const kept = new Set(results.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).slice(0, max).map((x) => x.r));
  return results.filter((r) => kept.has(r));
}

function sarifResult(r: Result, ruleIndex: Map<string, number>): SarifResult {
  const out: SarifResult = {
    ruleId: r.ruleId,
    ruleIndex: ruleIndex.get(r.ruleId),
    level: r.level,
    message: { text: r.message },
    locations: [location(r.file, r.loc)],
    partialFingerprints: { [FINGERPRINT_KEY]: r.fingerprint },
    suppressions: r.suppressions ?? [],
  };
  // §3.27.22: related locations carry ids and messages; §3.36: one code flow with one thread flow
  if (r.related) out.relatedLocations = r.related.map((m, i) => ({ id: i + 1, ...location(m.file, m.loc), message: { text: m.message } }));
  if (r.flow) {
    const locations = r.flow.map((m) => ({ location: { ...location(m.file, m.loc), message: { text: m.message } } }));
    out.codeFlows = [{ threadFlows: [{ locations }] }];
  }
  if (r.cdkPath) out.properties = { cdkPath: r.cdkPath };
  return out;
}

/**
 * Renders a scan as a SARIF 2.1.0 log (OASIS SARIF 2.1.0; GitHub code scanning's accepted subset
 * and limits, see the project's SARIF research notes). One run; `rules` lists every known rule in
 * id order so `ruleIndex` is stable; results (suppressed ones included, with their
 * `suppressions`; every other result has `suppressions: []`) and notifications are in file,
 * position, rule order; each result has `partialFingerprints["iamscope/v1"]` (GitHub's upload
 * action adds its own `primaryLocationLineHash`). At most `maxResults` results are written, the
 * most severe, with a `RESULTS_CAPPED` notification saying how many were left out. URIs are
 * relative to `%SRCROOT%` (the scan root) with `/` separators; run `properties` hold the counts and,
 * when it ran, the IAM Access Analyzer cross-check summary (`accessAnalyzerCrossCheck`); regions are 1-based with exclusive
 * end columns in UTF-16 code units (`columnKind: "utf16CodeUnits"`). No timestamps or absolute
 * paths, so output is deterministic.
 * @param report the scan
 * @param tool name, version and home page of the tool
 * @param options category and result limit
 * @returns the SARIF log as pretty-printed JSON text (ending in a newline)
 */
export function formatSarif(report: ScanReport, tool: ToolInfo, options: SarifOptions = {}): string {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const all = report.files.flatMap((f) => [...f.results, ...(f.suppressed ?? [])].sort(compareResults));
  const max = options.maxResults ?? GITHUB_MAX_RESULTS;
  const results = capResults(all, max);
  const notifications = allNotifications(report);
  if (results.length < all.length) {
    const dropped = all.length - results.length;
    const message = `${dropped} of ${all.length} results were left out: a run holds at most ${max} (GitHub code scanning's limit); the most severe were kept.`;
    notifications.push({ level: 'warning', code: 'RESULTS_CAPPED', message });
  }
  const properties: Record<string, unknown> = { filesRead: report.filesRead, policiesChecked: report.policiesChecked, suppressed: suppressedCount(report) };
  if (report.baselined !== undefined) properties['baselined'] = report.baselined;
  if (report.crossCheck) properties['accessAnalyzerCrossCheck'] = report.crossCheck;
  const category = options.category === undefined ? undefined : options.category.endsWith('/') ? options.category : `${options.category}/`;
  const log: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            semanticVersion: tool.version,
            informationUri: tool.informationUri,
            rules: report.rules.map(descriptor),
          },
        },
        ...(category ? { automationDetails: { id: category } } : {}),
        invocations: [
          {
            executionSuccessful: !notifications.some((n) => n.level === 'error'),
            toolExecutionNotifications: notifications.map((n) => notification(n, ruleIndex)),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder the scan was run from.' } } },
        columnKind: 'utf16CodeUnits',
        results: results.map((r) => sarifResult(r, ruleIndex)),
        properties,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
