import type { Log, ReportingDescriptor, Result as SarifResult, Notification as SarifNotification } from 'sarif';
import type { RegisteredRule } from '../linter/registry.js';
import type { Notification, Result } from '../linter/types.js';
import { allNotifications, type ScanReport, type ToolInfo } from './report.js';

/** `$schema` value GitHub's documentation uses. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

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
    shortDescription: { text: meta.docs.description },
    fullDescription: { text: meta.docs.details.slice(0, 1024) },
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

/**
 * Renders a scan as a SARIF 2.1.0 log (OASIS SARIF 2.1.0; GitHub code scanning's accepted subset).
 * One run; `rules` lists every known rule in id order so `ruleIndex` is stable; results and
 * notifications are in file, position, rule order; URIs are relative to `%SRCROOT%` (the scan
 * root) with `/` separators; regions are 1-based with exclusive end columns in UTF-16 code units
 * (`columnKind: "utf16CodeUnits"`). No timestamps or absolute paths, so output is deterministic.
 * @param report the scan
 * @param tool name, version and home page of the tool
 * @returns the SARIF log as pretty-printed JSON text (ending in a newline)
 */
export function formatSarif(report: ScanReport, tool: ToolInfo): string {
  const ruleIndex = new Map(report.rules.map((r, i) => [r.id, i]));
  const results: SarifResult[] = report.files.flatMap((f) =>
    f.results.map((r) => ({
      ruleId: r.ruleId,
      ruleIndex: ruleIndex.get(r.ruleId),
      level: r.level,
      message: { text: r.message },
      locations: [location(r.file, r.loc)],
    })),
  );
  const notifications = allNotifications(report);
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
        invocations: [
          {
            executionSuccessful: !notifications.some((n) => n.level === 'error'),
            toolExecutionNotifications: notifications.map((n) => notification(n, ruleIndex)),
          },
        ],
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder the scan was run from.' } } },
        columnKind: 'utf16CodeUnits',
        results,
        properties: { filesRead: report.filesRead, policiesChecked: report.policiesChecked },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
