/**
 * Checks a SARIF log twice: against the vendored OASIS SARIF 2.1.0 schema (ajv, draft-04) and
 * against what GitHub code scanning requires or enforces on top of it
 * (/work/shared/spec/sarif-github.md §1–§3: required fields, limits, security-severity bands,
 * relative URIs, complete regions, suppressions all-or-none). Returns every problem found.
 */
import { readFileSync } from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv04({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSchema = ajv.compile(schema);

/** GitHub's limits (sarif-github.md §3.3). */
const LIMITS = { runs: 20, results: 25_000, rules: 25_000, locations: 1_000, tags: 10, name: 255, description: 1024 };
const PRECISIONS = ['very-high', 'high', 'medium', 'low'];
const LEVELS = ['error', 'warning', 'note'];
/** Edges of GitHub's security-severity bands (Low/Medium/High/Critical, §3.2): scores must keep 0.25 away. */
const BAND_EDGES = [0, 4, 7, 9];

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function checkUri(uri: unknown, where: string, problems: string[]): void {
  if (!nonEmpty(uri)) return void problems.push(`${where}: uri is missing`);
  const text = uri as string;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('/')) problems.push(`${where}: uri ${text} is not repository-relative`);
  if (text.includes('\\')) problems.push(`${where}: uri ${text} has a backslash`);
  if (/[\s\[\]#]/.test(text)) problems.push(`${where}: uri ${text} is not percent-encoded`);
}

function checkRule(rule: any, where: string, problems: string[]): void {
  if (!nonEmpty(rule.id)) problems.push(`${where}: id is missing`);
  if (rule.name !== undefined && (!nonEmpty(rule.name) || rule.name.length > LIMITS.name)) problems.push(`${where}: name empty or over ${LIMITS.name}`);
  for (const key of ['shortDescription', 'fullDescription']) {
    const text = rule[key]?.text;
    if (!nonEmpty(text) || text.length > LIMITS.description) problems.push(`${where}: ${key}.text empty or over ${LIMITS.description}`);
  }
  if (!nonEmpty(rule.help?.text)) problems.push(`${where}: help.text is missing`);
  if (!nonEmpty(rule.help?.markdown)) problems.push(`${where}: help.markdown is missing`);
  if (!/^https:\/\/\S+$/.test(rule.helpUri ?? '')) problems.push(`${where}: helpUri ${rule.helpUri} is not an absolute https URL`);
  if (!LEVELS.includes(rule.defaultConfiguration?.level)) problems.push(`${where}: defaultConfiguration.level ${rule.defaultConfiguration?.level}`);
  const properties = rule.properties ?? {};
  const tags: unknown = properties.tags ?? [];
  if (!Array.isArray(tags) || tags.length > LIMITS.tags || !tags.every(nonEmpty)) problems.push(`${where}: tags must be at most ${LIMITS.tags} strings`);
  if (properties.precision !== undefined && !PRECISIONS.includes(properties.precision)) problems.push(`${where}: precision ${properties.precision}`);
  const severity = properties['security-severity'];
  if (severity !== undefined) {
    const score = Number(severity);
    if (typeof severity !== 'string' || !/^\d+(\.\d+)?$/.test(severity) || !(score > 0 && score <= 10)) {
      problems.push(`${where}: security-severity ${JSON.stringify(severity)} is not a numeric string in (0, 10]`);
    } else if (BAND_EDGES.some((edge) => Math.abs(score - edge) < 0.25)) {
      problems.push(`${where}: security-severity ${severity} is on the edge of a severity band`);
    }
    if (!(tags as string[]).includes('security')) problems.push(`${where}: security-severity without the "security" tag`);
  }
}

function checkLocation(location: any, where: string, problems: string[], needsRegion: boolean): void {
  const physical = location?.physicalLocation;
  checkUri(physical?.artifactLocation?.uri, where, problems);
  if (!needsRegion) return;
  for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
    if (!Number.isInteger(physical?.region?.[key]) || physical.region[key] < 1) problems.push(`${where}: region.${key} must be an integer ≥ 1`);
  }
}

function checkRun(run: any, where: string, problems: string[]): void {
  const driver = run.tool?.driver;
  if (!nonEmpty(driver?.name)) problems.push(`${where}: tool.driver.name is missing`);
  const rules: any[] = driver?.rules ?? [];
  if (!Array.isArray(driver?.rules)) problems.push(`${where}: tool.driver.rules is missing`);
  if (rules.length > LIMITS.rules) problems.push(`${where}: over ${LIMITS.rules} rules`);
  const ids = rules.map((r) => r.id);
  if (new Set(ids).size !== ids.length) problems.push(`${where}: duplicate rule ids`);
  rules.forEach((rule, i) => checkRule(rule, `${where}.rules[${i}] ${rule.id}`, problems));
  if (!Array.isArray(run.results)) return void problems.push(`${where}: results is missing`);
  if (run.results.length > LIMITS.results) problems.push(`${where}: ${run.results.length} results, over ${LIMITS.results}`);
  if (run.results.length > 0 && run.columnKind !== 'utf16CodeUnits') problems.push(`${where}: columnKind must be set (utf16CodeUnits)`);
  const id = run.automationDetails?.id;
  if (id !== undefined && !(nonEmpty(id) && id.lastIndexOf('/') > 0)) problems.push(`${where}: automationDetails.id ${JSON.stringify(id)} names no category`);
  const withSuppressions = run.results.filter((r: any) => Array.isArray(r.suppressions)).length;
  if (withSuppressions !== 0 && withSuppressions !== run.results.length) problems.push(`${where}: suppressions must be on all results or none`);
  run.results.forEach((result: any, i: number) => {
    const at = `${where}.results[${i}]`;
    if (rules[result.ruleIndex]?.id !== result.ruleId) problems.push(`${at}: ruleIndex ${result.ruleIndex} does not name ${result.ruleId}`);
    if (!LEVELS.includes(result.level)) problems.push(`${at}: level ${result.level}`);
    if (!nonEmpty(result.message?.text)) problems.push(`${at}: message.text is missing`);
    if (!Array.isArray(result.locations) || result.locations.length < 1 || result.locations.length > LIMITS.locations) {
      problems.push(`${at}: needs 1 to ${LIMITS.locations} locations`);
    } else {
      result.locations.forEach((l: any, j: number) => checkLocation(l, `${at}.locations[${j}]`, problems, true));
    }
    const fingerprints = Object.values(result.partialFingerprints ?? {});
    if (fingerprints.length === 0 || !fingerprints.every(nonEmpty)) problems.push(`${at}: partialFingerprints are missing`);
    for (const s of result.suppressions ?? []) {
      if (!['external', 'inSource'].includes(s.kind) || !nonEmpty(s.justification)) problems.push(`${at}: suppression needs a kind and a justification`);
    }
  });
  for (const invocation of run.invocations ?? []) {
    (invocation.toolExecutionNotifications ?? []).forEach((n: any, i: number) => {
      if (!nonEmpty(n.message?.text)) problems.push(`${where}: notification ${i} has no message`);
      (n.locations ?? []).forEach((l: any) => checkLocation(l, `${where}: notification ${i}`, problems, false));
    });
  }
}

/**
 * Validates a SARIF log against the OASIS 2.1.0 schema and GitHub code scanning's rules.
 * @param log the parsed SARIF log
 * @returns the problems found (empty when the log is fine)
 */
export function sarifProblems(log: any): string[] {
  const problems: string[] = [];
  if (!validateSchema(log)) problems.push(...(validateSchema.errors ?? []).map((e) => `schema: ${e.instancePath} ${e.message}`));
  if (log.$schema === undefined) problems.push('$schema is missing');
  if (log.version !== '2.1.0') problems.push('version must be 2.1.0');
  const runs: any[] = Array.isArray(log.runs) ? log.runs : [];
  if (runs.length === 0 || runs.length > LIMITS.runs) problems.push(`needs 1 to ${LIMITS.runs} runs`);
  const keys = runs.map((r) => JSON.stringify([r.tool?.driver?.name, r.automationDetails?.id]));
  if (new Set(keys).size !== keys.length) problems.push('two runs with the same tool and category');
  runs.forEach((run, i) => checkRun(run, `runs[${i}]`, problems));
  return problems;
}
