/**
 * Shared implementation of the scope rules (`ml/logs-scope`, `ml/s3-scope`, `ml/ecr-scope`): the
 * actions of one service that take given resource types, as ARN sets built from the IAM data, a
 * scope built from the name globs of `settings.ml`, and the question "which Allow element reaches
 * outside the scope?" answered exactly by core's `policyGaps` (Deny, NotResource, NotAction,
 * wildcards, conditions and policy variables handled there).
 */
import {
  compileArnTemplate,
  policyGaps,
  literalTokens,
  resourceTypeArn,
  serviceActions,
  witnessCandidates,
  type ActionInfo,
  type ActionUniverse,
  type PolicyNode,
  type ResourceGap,
  type RuleContext,
  type Token,
} from '@iamscope/core';

/** ARN sets of one resource type: most readable subsets first, the exact set of the type last. */
export type ArnSet = ActionUniverse['resources'][number];

/** Which actions of a service a scope rule asks about, and how their resources are described. */
export interface ScopeActionSpec {
  /** Identifies the spec (and everything `arnSets` depends on) in the cache, e.g. `logs`. */
  id: string;
  /** Service prefix, e.g. `s3`. */
  service: string;
  /** Resource-type keys (lower case) the scope is about; an action's other types are left out. */
  resourceTypes: readonly string[];
  /** Keeps only the actions for which this returns true (default: every action). */
  filter?: (info: ActionInfo) => boolean;
  /**
   * The ARN sets searched for one resource type (several entries are searched as separate
   * resources); default: the catalog format with example values first (`witnessCandidates`).
   */
  arnSets?: (type: string, format: string, partition: string) => ArnSet[];
}

const universes = new Map<string, ActionUniverse[]>();

/**
 * The actions of `spec.service` that take one of `spec.resourceTypes`, each with the ARN sets of
 * those types in `partition`, sorted by name. Built once per spec and partition; the same array
 * is returned each time (core memoises action expansion per array).
 * @param spec the actions and resource types
 * @param partition the partition the policies are deployed in
 * @returns action universes for `findResourceGaps`
 */
export function scopeActions(spec: ScopeActionSpec, partition: string): ActionUniverse[] {
  const key = `${spec.id}|${partition}`;
  let list = universes.get(key);
  if (list) return list;
  const sets = spec.arnSets ?? ((type: string, format: string, p: string) => [{ key: type, candidates: witnessCandidates(format, [], p) }]);
  list = Object.values(serviceActions(spec.service) ?? {})
    .filter((info) => spec.filter?.(info) ?? true)
    .map((info) => ({
      action: `${spec.service}:${info.name}`,
      resources: info.resourceTypes.flatMap((rt) => {
        const type = rt.name.toLowerCase();
        const format = spec.resourceTypes.includes(type) ? resourceTypeArn(spec.service, rt.name) : undefined;
        return format ? sets(type, format, partition) : [];
      }),
    }))
    .filter((u) => u.resources.length > 0)
    .sort((a, b) => (a.action < b.action ? -1 : 1));
  if (universes.size >= 100) universes.clear();
  universes.set(key, list);
  return list;
}

const singles = new WeakMap<ActionUniverse, ActionUniverse[]>();

/** A one-action list for `universe`, the same array each time (see {@link scopeActions}). */
export function single(universe: ActionUniverse): ActionUniverse[] {
  let list = singles.get(universe);
  if (!list) singles.set(universe, (list = [universe]));
  return list;
}

/**
 * Tokens of a catalog ARN format in one partition, with some placeholders filled by the caller
 * (e.g. S3 bucket names, which hold no `/`) and the others as the catalog defines them.
 * @param format e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`
 * @param partition the partition
 * @param fill tokens per placeholder name
 * @returns tokens of exactly those ARNs
 */
export function arnTokens(format: string, partition: string, fill: Record<string, Token[]>): Token[] {
  return format
    .split(/(\$\{[A-Za-z0-9]+\})/)
    .flatMap((part) => (part.startsWith('${') ? fill[part.slice(2, -1)] : undefined) ?? (part === '' ? [] : compileArnTemplate(part, [], partition)));
}

/**
 * Tokens of a name glob from settings (`*` any run, `?` one character; other characters literal).
 * @param glob e.g. `ml-data-lake-*`
 * @param star tokens for `*`
 * @param one token for `?`
 * @returns tokens
 */
export function globTokens(glob: string, star: Token, one: Token): Token[] {
  return [...glob].flatMap((c): Token[] => (c === '*' ? [star] : c === '?' ? [one] : literalTokens(c)));
}

/** A readable member of a glob's names: `*` as `example`, `?` as `x`. */
export function globExample(glob: string): string {
  return glob.replace(/\*/g, 'example').replace(/\?/g, 'x');
}

/** Any text inside one ARN segment (no `:`), e.g. for the region and account of a scope. */
export const SEGMENT: Token = { kind: 'runInSegment' };

/**
 * Tokens of `arn:<any partition>:<service>:<region>:<account>:` (region and account any text
 * without `:`; empty for global services such as S3): the start of a scope's ARNs.
 * @param service service prefix
 * @param global true for services whose ARNs have empty region and account (`arn:aws:s3:::`)
 */
export function arnPrefix(service: string, global = false): Token[] {
  const tail = global ? literalTokens(':::') : [...literalTokens(':'), SEGMENT, ...literalTokens(':'), SEGMENT, ...literalTokens(':')];
  return [...literalTokens('arn:'), SEGMENT, ...literalTokens(`:${service}`), ...tail];
}

const scopes = new Map<string, Token[][]>();

/**
 * The scope for a list of name globs, built once per rule and settings value.
 * @param id names the builder, e.g. `logs`
 * @param globs the setting's globs
 * @param build ARN sets in scope for one glob
 * @returns the union, for `ScopeQuery.allowed`
 */
export function scopeOf(id: string, globs: readonly string[], build: (glob: string) => Token[][]): Token[][] {
  const key = `${id}|${JSON.stringify(globs)}`;
  let allowed = scopes.get(key);
  if (!allowed) {
    if (scopes.size >= 100) scopes.clear();
    scopes.set(key, (allowed = globs.flatMap(build)));
  }
  return allowed;
}

/** The messageIds a scope rule reports a gap with: certain, possible ("may"), and undecided. */
export interface GapMessages {
  certain: string;
  may: string;
  undecided: string;
}

/**
 * Finds the Allow elements of `policy` through which one of `actions` reaches outside `allowed`
 * and reports each on the Resource item / NotResource element, with the action and a witness ARN
 * (`{{element}}`, `{{action}}`, `{{witness}}` plus `data`). A condition or policy variable makes
 * the result "may" (level lowered one step); an undecided search is reported without a witness.
 * The policy is asked about as part of each principal of the scan it applies to (their other
 * policies' Deny statements and their permissions boundary count).
 * @param context the rule context
 * @param policy the identity policy
 * @param actions action universes ({@link scopeActions})
 * @param allowed the scope ({@link scopeOf})
 * @param ids messageIds to use
 * @param data further message data
 */
export function reportGaps(
  context: RuleContext,
  policy: PolicyNode,
  actions: ActionUniverse[],
  allowed: Token[][],
  ids: GapMessages,
  data: Record<string, string>,
): void {
  for (const gap of policyGaps(policy, context.principals, { actions, allowed })) {
    context.report({
      loc: gap.loc,
      messageId: messageFor(gap, ids),
      uncertain: gap.uncertain,
      data: { ...data, element: gap.element, action: gap.action, witness: gap.witness ?? '' },
    });
  }
}

/** The messageId for a gap: undecided (no witness), may (uncertain) or certain. */
export function messageFor(gap: Pick<ResourceGap, 'witness' | 'uncertain'>, ids: GapMessages): string {
  return gap.witness === undefined ? ids.undecided : gap.uncertain ? ids.may : ids.certain;
}
