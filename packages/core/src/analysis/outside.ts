/**
 * The `outside` query: which granted (action, resource) pairs reach beyond an allowed scope.
 * Actions are expanded exactly against the IAM data; each action's resources are the ARN sets of
 * its resource types in one partition (or `*` for actions that take no resource type).
 * Source of truth: IAM User Guide, "Policy evaluation logic"; AWS Service Authorization Reference.
 */
import { actionResourceFormats, resourceTypeArn } from '../catalog/resource-formats.js';
import { serviceActions, serviceNames } from '../catalog/iam-data.js';
import { actionMatches } from '../pattern/action.js';
import { compileResourcePattern } from '../pattern/arn.js';
import { witnessCandidates } from '../pattern/arn-template.js';
import { literalTokens } from '../pattern/tokens.js';
import type { PolicyNode, StatementNode } from '../policy/nodes.js';
import type { SourceLocation } from '../source/location.js';
import type { EffectivePermissions } from './effective.js';
import { findResourceGaps, type ActionUniverse } from './resource-gaps.js';

/** One element that lets an action reach a resource outside the allowed scope. */
export interface OutsideFinding {
  /** A concrete action (as the IAM data spells it) that reaches outside. */
  action: string;
  /** A resource it reaches outside the scope; undefined when the question was not decided within the work allowance. */
  witness: string | undefined;
  policy: PolicyNode;
  statement: StatementNode;
  /** The granting `Resource` item or `NotResource` element. */
  element: 'Resource' | 'NotResource';
  loc: SourceLocation;
  /** True when a condition, a policy variable, or an undecided search leaves the finding open ("may"). */
  uncertain: boolean;
}

const universeCache = new Map<string, ActionUniverse>();

/** The ARN formats of the resource types of `action` named in `types` (case-insensitive). */
function formatsOfTypes(action: string, types: readonly string[]): string[] {
  const [service, name] = action.split(':') as [string, string];
  const wanted = new Set(types.map((t) => t.toLowerCase()));
  const info = serviceActions(service)?.[name.toLowerCase()];
  return (info?.resourceTypes ?? []).filter((rt) => wanted.has(rt.name.toLowerCase())).flatMap((rt) => resourceTypeArn(service, rt.name) ?? []);
}

/**
 * The resources one catalog action applies to in `partition`, as `findResourceGaps` searches
 * them: the ARN sets of its resource types, or `*` for an action that takes no resource type.
 * Cached per partition, action and types.
 * @param action a catalog action, e.g. `s3:GetObject`
 * @param partition e.g. `aws`
 * @param types only these resource types (names as the service reference spells them, any case)
 * @returns the universe, or undefined when `types` is given and the action has none of them
 */
export function actionUniverse(action: string, partition: string, types?: readonly string[]): ActionUniverse | undefined {
  const key = `${partition}|${action}|${types?.join(',').toLowerCase() ?? ''}`;
  let universe = universeCache.get(key);
  if (!universe) {
    if (types) {
      const formats = formatsOfTypes(action, types);
      if (formats.length === 0) return undefined;
      universe = { action, resources: formats.map((format) => ({ key: format, candidates: witnessCandidates(format, [], partition) })) };
      universeCache.set(key, universe);
      return universe;
    }
    const formats = actionResourceFormats(action) ?? [];
    universe = {
      action,
      resources:
        formats.length === 0
          ? [{ key: '*', candidates: [literalTokens('*')] }]
          : formats.map((format) => ({ key: format, candidates: witnessCandidates(format, [], partition) })),
    };
    universeCache.set(key, universe);
  }
  return universe;
}

/**
 * Every catalog action an action pattern matches (case-insensitive glob), as the IAM data spells
 * it (`s3:GetObject`), sorted.
 * @param pattern e.g. `s3:Get*`, `*`, `sagemaker:CreateTrainingJob`
 * @returns the matching actions (empty for a pattern that matches none)
 */
export function expandActions(pattern: string): string[] {
  // Actions hold exactly one colon, so a pattern's first colon is the action's: the part before it
  // must match the service prefix. A pattern without a colon (`*`) is tried on every service.
  const colon = pattern.indexOf(':');
  const servicePattern = colon === -1 ? '*' : pattern.slice(0, colon);
  const out: string[] = [];
  for (const service of serviceNames()) {
    if (!actionMatches(servicePattern, service)) continue;
    for (const info of Object.values(serviceActions(service) ?? {})) {
      const action = `${service}:${info.name}`;
      if (actionMatches(pattern, action)) out.push(action);
    }
  }
  return out.sort();
}

/**
 * Finds the Allow elements of the principal's identity policies that let one of `actions` reach
 * a resource outside `allowed`, after every Deny, within the permissions boundary and the SCPs
 * (see `findResourceGaps`). Empty when the policies are confined to the scope (e.g. a broad Allow
 * confined by a Deny with NotResource). Deterministic: identity policies in order, then source order.
 * @param perms the principal's policies ({@link EffectivePermissions})
 * @param actions action patterns, expanded against the IAM data (unknown actions are ignored)
 * @param allowed Resource patterns of the scope (IAM ARN pattern syntax)
 * @param options `partition`: the partition the policies are deployed in (default `aws`);
 *   `resourceTypes`: search only these resource types of each action (names as the service
 *   reference spells them, case-insensitive, e.g. `["instance"]` for the instance that
 *   `ec2:RunInstances` launches); an action without any of them is left out
 * @returns at most one finding per Resource item / NotResource element, with a witness action and ARN
 */
export function outside(
  perms: EffectivePermissions,
  actions: readonly string[],
  allowed: readonly string[],
  options: { partition?: string; resourceTypes?: readonly string[] } = {},
): OutsideFinding[] {
  const partition = options.partition ?? 'aws';
  const names = [...new Set(actions.flatMap(expandActions))].sort();
  const universes = names.flatMap((a) => actionUniverse(a, partition, options.resourceTypes) ?? []);
  const query = { actions: universes, allowed: allowed.map((p) => compileResourcePattern(p).tokens) };
  return findResourceGaps(perms.set, query).map((gap) => ({
    action: gap.action,
    witness: gap.witness,
    policy: perms.set.identity.find((p) => p.statements.includes(gap.statement))!,
    statement: gap.statement,
    element: gap.element,
    loc: gap.loc,
    uncertain: gap.uncertain,
  }));
}
