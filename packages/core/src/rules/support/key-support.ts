/**
 * Which concrete actions a statement applies to, which condition keys those actions carry in
 * their request context, and how a condition behaves when its key is absent. Shared by the rules
 * that compare a statement's condition keys with its actions. Sources of truth: AWS Service
 * Authorization Reference (condition keys per action and per resource type, through the bundled
 * IAM data) and IAM User Guide, "IAM JSON policy elements: Condition operators" (absent keys,
 * `...IfExists`, `Null`) and "Multivalued context keys" (`ForAllValues`/`ForAnyValue` on an
 * absent key).
 */
import { lookupActionPattern } from '../../catalog/actions.js';
import { serviceActions, serviceNames, serviceResourceTypes } from '../../catalog/iam-data.js';
import { actionMatches } from '../../pattern/action.js';
import { parseConditionOperator } from '../../policy/condition-operator.js';
import type { ConditionOperatorNode, StatementNode } from '../../policy/nodes.js';

let everyAction: readonly string[] | undefined;

/**
 * Every action of the IAM data, as AWS spells it (`s3:GetObject`), cached for the process.
 * @returns about 18,000 names, grouped by service
 */
export function allActions(): readonly string[] {
  everyAction ??= serviceNames().flatMap((service) => Object.values(serviceActions(service) ?? {}).map((a) => `${service}:${a.name}`));
  return everyAction;
}

/**
 * The catalog actions one `Action`/`NotAction` pattern matches (case-insensitive glob; `*` and
 * service-prefix wildcards included).
 * @param pattern the item as written
 * @returns the matching actions; empty for malformed or unknown names
 */
export function expandActionPattern(pattern: string): readonly string[] {
  const found = lookupActionPattern(pattern);
  if (found.kind === 'all') return allActions();
  if (found.kind === 'known') return found.actions;
  if (found.kind === 'serviceWildcard') return allActions().filter((action) => actionMatches(pattern, action));
  return [];
}

/**
 * The catalog actions a statement applies to: the union of its `Action` items' expansions, or
 * every catalog action that no `NotAction` item matches. Non-string items are ignored.
 * @param statement the statement
 * @returns the actions, or undefined when the statement has neither element (or both)
 */
export function statementActions(statement: StatementNode): readonly string[] | undefined {
  if (statement.action && statement.notAction) return undefined;
  if (statement.notAction) {
    const excluded = statement.notAction.items.flatMap((i) => (i.value === null ? [] : [i.value]));
    return allActions().filter((action) => !excluded.some((pattern) => actionMatches(pattern, action)));
  }
  if (!statement.action) return undefined;
  return [...new Set(statement.action.items.flatMap((i) => (i.value === null ? [] : expandActionPattern(i.value))))];
}

const keysCache = new Map<string, RegExp[]>();

/** Keys about the tags a request sets, which only the action table (not the resource-type table) assigns to actions. */
const REQUEST_TAG_KEY = /^aws:(?:requesttag\/|tagkeys$)/i;

/** A data key (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`) as a case-insensitive matcher of written keys. */
function keyMatcher(dataKey: string): RegExp {
  // the data writes templates as ${TagKey}, <key> or a trailing /tag-key
  const parts = dataKey.replace(/\/tag-key$/i, '/${TagKey}').split(/\$\{[^}]*\}|<[^>]+>/);
  const body = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('.+');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * The condition keys a request for an action can carry, per the service authorization reference:
 * the action's own keys, the keys listed on its resource types in the action table, and the keys
 * of those resource types in the service's resource-type table (there without `aws:RequestTag/…`
 * and `aws:TagKeys`, which it lists for the resource's create and tag requests).
 * @param action a catalog action, e.g. `ec2:RunInstances`
 * @returns matchers of the keys (templates such as `${TagKey}` match any text); empty for unknown actions
 */
function actionKeyMatchers(action: string): RegExp[] {
  const lower = action.toLowerCase();
  let matchers = keysCache.get(lower);
  if (!matchers) {
    const [service = '', name = ''] = lower.split(':');
    const info = serviceActions(service)?.[name];
    // The resource-type table spells type names in lower case where the action table may not ("Secret" / "secret").
    // Its request-tag keys describe the requests that create or tag the resource, not every action on it.
    const types = new Map(
      Object.values(serviceResourceTypes(service) ?? {}).map((t) => [t.key.toLowerCase(), (t.conditionKeys ?? []).filter((k) => !REQUEST_TAG_KEY.test(k))]),
    );
    const keys = new Set(info?.conditionKeys ?? []);
    for (const rt of info?.resourceTypes ?? []) for (const k of [...rt.conditionKeys, ...(types.get(rt.name.toLowerCase()) ?? [])]) keys.add(k);
    matchers = [...keys].map(keyMatcher);
    keysCache.set(lower, matchers);
  }
  return matchers;
}

/**
 * Whether the service authorization reference lists a condition key for an action (on the action
 * or on one of its resource types).
 * @param action a catalog action, e.g. `s3:ListBucket`
 * @param key the key as written, any case, e.g. `s3:prefix`, `aws:ResourceTag/team`
 * @returns true when listed
 */
export function actionSupportsKey(action: string, key: string): boolean {
  return actionKeyMatchers(action).some((m) => m.test(key));
}

/**
 * Whether a condition operator evaluates to false for a key the request context does not carry,
 * so the whole condition (and the statement) does not apply. True for plain operators without
 * `Not` (`StringEquals`, `ArnLike`, `Bool`), for any `ForAnyValue:` operator, and for `Null`
 * whose values are all `false` (key must exist); false for `...IfExists`, for negated operators
 * without a qualifier (`StringNotEquals` is true on a missing key), for `ForAllValues:` (true on an
 * empty set) and for unknown operators.
 * @param operator the operator block
 * @param values the key's condition values (only read for `Null`)
 * @returns true when a missing key makes the condition false
 */
export function falseWhenAbsent(operator: ConditionOperatorNode, values: readonly { value: unknown }[]): boolean {
  const parsed = parseConditionOperator(operator.operator);
  if (!parsed || parsed.ifExists) return false;
  if (parsed.family === 'Null') return values.length > 0 && values.every((v) => v.value === false || v.value === 'false');
  if (parsed.qualifier === 'ForAllValues') return false;
  if (parsed.qualifier === 'ForAnyValue') return true;
  return !parsed.negated;
}

/**
 * Up to `limit` names of a list, quoted and comma-joined, for messages.
 * @param names the names
 * @param limit how many to show
 * @returns e.g. `"s3:GetObject", "s3:PutObject"`
 */
export function exampleList(names: readonly string[], limit = 3): string {
  return names.slice(0, limit).map((n) => JSON.stringify(n)).join(', ');
}
