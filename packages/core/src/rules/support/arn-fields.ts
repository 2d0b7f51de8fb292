/**
 * Reading the fields of a `Resource`/`NotResource` ARN pattern and the ARN formats of the
 * service authorization reference, for the ARN field rules (`malformed-arn`,
 * `arn-field-not-allowed`). Sources of truth: IAM User Guide, "IAM JSON policy elements: Resource"
 * and "IAM identifiers" (ARN format, wildcards); AWS Service Authorization Reference (formats).
 */
import { substitutesVariables } from '../../policy/variables.js';
import { serviceNames, serviceResourceTypes } from '../../catalog/iam-data.js';
import type { PolicyNode } from '../../policy/nodes.js';
import { compileResourcePattern } from '../../pattern/arn.js';
import { compileLooseArnTemplate } from '../../pattern/arn-template.js';
import { literalTokens, type Token } from '../../pattern/tokens.js';
import { overlaps, QUICK_STATE_BUDGET } from '../../pattern/witness.js';

/** One of the first five colon-separated fields of an ARN pattern (`arn`, partition, service, region, account). */
export interface ArnField {
  /** The field as written. */
  text: string;
  /** True when the field holds `*`, `?` or `${…}`, so its value is not fixed by the text. */
  wild: boolean;
  /**
   * True when the field surely sits at this position in every matching ARN: no earlier field ends
   * with a `*`, which IAM lets run past the colon.
   */
  placed: boolean;
}

/** An ARN pattern split at its first five colons. */
export interface ArnPattern {
  /** The fields before the resource part, at most five (fewer when the text has fewer colons). */
  fields: ArnField[];
  /** Everything after the fifth colon, when there is a fifth colon. */
  resource?: string;
  /** True when the resource part surely starts after the fifth colon (no field ends with a `*`). */
  resourcePlaced: boolean;
  /** The pattern compiled as IAM matches it. */
  tokens: Token[];
}

/**
 * Whether a resource value is API Gateway's short form `execute-api:/STAGE/METHOD/PATH`, which API
 * Gateway resource policies accept and expand to `arn:aws:execute-api:REGION:ACCOUNT:API-ID/…`
 * when the policy is saved. Source: API Gateway Developer Guide, "API Gateway resource policy
 * examples".
 * @param value the `Resource` value as written
 */
export function isApiGatewayShorthand(value: string): boolean {
  return value.startsWith('execute-api:/');
}

/**
 * How IAM reads `${…}` in a policy: as variables only under `Version: "2012-10-17"` (and always
 * for a template's placeholders, see `substitutesVariables`).
 * @param policy the policy holding the resource
 * @returns the `variables` option of {@link compileResourcePattern}
 */
export function variableMode(policy: PolicyNode): 'wildcard' | 'literal' {
  return substitutesVariables(policy) ? 'wildcard' : 'literal';
}

/**
 * Splits a resource pattern at its first five colons the way {@link compileResourcePattern} does:
 * a policy variable (in `wildcard` mode) is one unit whose colons do not split fields.
 * @param value the `Resource` value as written (not `"*"`)
 * @param variables whether `${…}` is a variable (`wildcard`) or plain text (`literal`)
 * @returns the fields, the resource part and the compiled pattern
 */
export function parseArnPattern(value: string, variables: 'wildcard' | 'literal'): ArnPattern {
  const fields: ArnField[] = [];
  let start = 0;
  let wild = false;
  let placed = true;
  let endsInRun = false;
  for (let i = 0; i < value.length && fields.length < 5; i++) {
    const char = value[i]!;
    if (variables === 'wildcard' && char === '$' && value[i + 1] === '{') {
      const close = value.indexOf('}', i + 2);
      if (close !== -1) {
        wild = true;
        endsInRun = false;
        i = close;
        continue;
      }
    }
    if (char === ':') {
      fields.push({ text: value.slice(start, i), wild, placed });
      placed &&= !endsInRun;
      start = i + 1;
      wild = false;
    } else if (char === '*' || char === '?') {
      wild = true;
    }
    endsInRun = char === '*';
  }
  const tokens = compileResourcePattern(value, { variables }).tokens;
  if (fields.length === 5) return { fields, resource: value.slice(start), resourcePlaced: placed, tokens };
  fields.push({ text: value.slice(start), wild, placed });
  return { fields, resourcePlaced: false, tokens };
}

const IN_SEGMENT: Token = { kind: 'runInSegment' };
const ANY: Token = { kind: 'run' };
const ARN_START: Token[] = [...literalTokens('arn:'), ANY];
const SIX_FIELDS: Token[] = [...literalTokens('arn:'), IN_SEGMENT, ...[1, 2, 3].flatMap(() => [...literalTokens(':'), IN_SEGMENT]), ...literalTokens(':'), ANY];

/**
 * Whether some string the pattern matches starts with `arn:` (a wildcard may stand for `arn`).
 * @param pattern a parsed pattern
 * @returns false only when no matching string is an ARN
 */
export function canStartWithArn(pattern: ArnPattern): boolean {
  return pattern.fields[0]!.text === 'arn' || overlaps([pattern.tokens, ARN_START], QUICK_STATE_BUDGET);
}

/**
 * Whether some string the pattern matches has all six ARN fields (`arn:p:s:r:a:resource`),
 * honouring a segment-final `*` that may supply the missing colons.
 * @param pattern a parsed pattern
 * @returns false only when every matching string has fewer than six fields
 */
export function canHaveSixFields(pattern: ArnPattern): boolean {
  return (pattern.resource !== undefined && pattern.fields[0]!.text === 'arn') || overlaps([pattern.tokens, SIX_FIELDS], QUICK_STATE_BUDGET);
}

/** An ARN format of the service authorization reference, split into its fields. */
export interface ArnFormat {
  /** The format, e.g. `arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}`. */
  arn: string;
  region: string;
  account: string;
  /** The part after the fifth colon, e.g. `role/${RoleNameWithPath}`. */
  resource: string;
  /** True for a format with a placeholder service (AWS Backup recovery points of any service). */
  anyService: boolean;
}

let formatsByArnService: Map<string, ArnFormat[]> | undefined;

/**
 * The ARN formats whose service field is `service`, gathered from every service of the IAM data
 * (an ARN's service is not always the action prefix: `ebs` actions act on `ec2` snapshots).
 * Formats with a placeholder service (AWS Backup's `arn:${Partition}:${Vendor}:${Region}:*:…`
 * recovery points) are added to every service's list.
 * @param service the ARN service field, lower-case (e.g. `iam`)
 * @returns the formats, or undefined when no resource type of the IAM data has that ARN service
 */
export function arnFormatsOf(service: string): readonly ArnFormat[] | undefined {
  if (!formatsByArnService) {
    formatsByArnService = new Map();
    const anyService: ArnFormat[] = [];
    const seen = new Set<string>();
    for (const name of serviceNames()) {
      for (const type of Object.values(serviceResourceTypes(name) ?? {})) {
        const parts = type.arn.split(':');
        if (parts.length < 6 || seen.has(type.arn)) continue;
        seen.add(type.arn);
        const format = { arn: type.arn, region: parts[3]!, account: parts[4]!, resource: parts.slice(5).join(':'), anyService: parts[2]!.includes('$') };
        if (format.anyService) anyService.push(format);
        else formatsByArnService.set(parts[2]!, [...(formatsByArnService.get(parts[2]!) ?? []), format]);
      }
    }
    for (const list of formatsByArnService.values()) list.push(...anyService);
  }
  return formatsByArnService.get(service);
}

/**
 * Whether a field may be empty in some matching ARN: a fixed field when it is empty, a wildcard
 * field when it holds nothing but `*` and policy variables (whose values are unknown).
 * @param field a field of a parsed pattern
 * @returns true when the field may be empty
 */
export function mayBeEmpty(field: ArnField): boolean {
  return field.wild ? field.text.replace(/\$\{[^}]*\}|\*/g, '') === '' : field.text === '';
}

let namedAccounts: Set<string> | undefined;

/**
 * Account fields that some ARN format spells as fixed text instead of an account ID, such as
 * `aws` in `arn:${Partition}:iam::aws:contextProvider/${ContextProviderName}`.
 * @returns the set of such account texts over all services
 */
export function namedAccountFields(): ReadonlySet<string> {
  if (!namedAccounts) {
    arnFormatsOf('');
    namedAccounts = new Set([...formatsByArnService!.values()].flat().map((f) => f.account).filter((a) => a !== '' && !/[$*]/.test(a)));
  }
  return namedAccounts;
}

/** Text before the first wildcard or placeholder (`*`, `?`, `${`). */
function literalPrefix(text: string): string {
  const end = text.search(/[*?]|\$\{/);
  return end === -1 ? text : text.slice(0, end);
}

const resourceTemplates = new Map<string, Token[]>();

/**
 * Whether the pattern can match an ARN of `service` whose resource part fits the format's
 * resource part; partition, region and account are left free (other checks judge them). Exact
 * for the pattern; the format's names are any non-empty text (colons too), as in
 * {@link compileLooseArnTemplate}.
 */
function fits(pattern: ArnPattern, service: string, format: ArnFormat): boolean {
  const key = `${service}:${format.arn}`;
  let template = resourceTemplates.get(key);
  if (!template) {
    const free = [IN_SEGMENT, ...literalTokens(':')];
    template = [...literalTokens('arn:'), ...free, ...literalTokens(`${service}:`), ...free, ...free, ...compileLooseArnTemplate(format.resource)];
    resourceTemplates.set(key, template);
  }
  return overlaps([pattern.tokens, template], QUICK_STATE_BUDGET);
}

/**
 * The ARN formats of a service that the pattern's resource part may fit, found lazily: formats
 * whose literal beginning agrees with the pattern's are tried first, and when the pattern's
 * resource part surely starts after its fifth colon the others are dropped without a search.
 */
export class FormatFit {
  private readonly known = new Map<ArnFormat, boolean>();
  private readonly ordered: ArnFormat[];

  /**
   * @param pattern a parsed pattern whose service field is fixed
   * @param service that service field
   * @param formats {@link arnFormatsOf}(service)
   */
  constructor(
    private readonly pattern: ArnPattern,
    private readonly service: string,
    formats: readonly ArnFormat[],
  ) {
    const a = literalPrefix(pattern.resource ?? '');
    const agrees = (f: ArnFormat) => {
      const b = literalPrefix(f.resource);
      return a.startsWith(b) || b.startsWith(a);
    };
    const first = formats.filter(agrees);
    this.ordered = pattern.resourcePlaced ? first : [...first, ...formats.filter((f) => !agrees(f))];
  }

  /**
   * Whether some format that satisfies `where` fits the pattern (exact; a search that runs out of
   * budget counts as a fit).
   * @param where condition on the format, e.g. that its region is empty
   * @returns the first fitting format, or undefined when none fits
   */
  find(where: (format: ArnFormat) => boolean = () => true): ArnFormat | undefined {
    return this.ordered.find((format) => {
      if (!where(format)) return false;
      let fit = this.known.get(format);
      if (fit === undefined) this.known.set(format, (fit = fits(this.pattern, this.service, format)));
      return fit;
    });
  }
}
