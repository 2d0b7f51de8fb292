/**
 * Shared logic of the rules that flag a sensitive IAM action (`iam:PassRole`,
 * `iam:CreateServiceLinkedRole`) allowed on every resource it can act on, mirroring the Access
 * Analyzer PASS_ROLE_* and CREATE_SLR_* checks (spec access-analyzer-checks.md §1.2, §1.3, §1.5).
 */
import { partitionOf } from '../../config/config.js';
import { actionResourceFormats } from '../../catalog/resource-formats.js';
import { actionMatches } from '../../pattern/action.js';
import { compileResourcePattern } from '../../pattern/arn.js';
import { compileArnTemplate } from '../../pattern/arn-template.js';
import type { Token } from '../../pattern/tokens.js';
import { findWitnessInSets } from '../../pattern/witness.js';
import { parseConditionOperator } from '../../policy/condition-operator.js';
import type { ActionNode, StatementNode } from '../../policy/nodes.js';
import type { RuleContext, Visitors } from '../../linter/types.js';

/** How a statement covers an action: named in `Action`, matched by a wildcard `Action` item, or left out of `NotAction`. */
export type ActionCoverage = { how: 'named' | 'wildcard'; item: ActionNode } | { how: 'notAction' };

/**
 * Whether a statement's `Action`/`NotAction` covers a concrete action (spec §1.5: an `Action`
 * pattern matches it, case-insensitively, or no `NotAction` pattern does). A named item wins over
 * a wildcard one. Non-string items match nothing.
 * @param statement the statement
 * @param action concrete action, e.g. `iam:PassRole`
 * @returns how it is covered, or undefined when it is not (or the statement has both elements)
 */
export function actionCoverage(statement: StatementNode, action: string): ActionCoverage | undefined {
  if (statement.action && statement.notAction) return undefined;
  if (statement.notAction) {
    const excluded = statement.notAction.items.some((i) => i.value !== null && actionMatches(i.value, action));
    return excluded ? undefined : { how: 'notAction' };
  }
  const matching = (statement.action?.items ?? []).filter((i) => i.value !== null && actionMatches(i.value, action));
  const named = matching.find((i) => i.value!.toLowerCase() === action.toLowerCase());
  if (named) return { how: 'named', item: named };
  return matching[0] && { how: 'wildcard', item: matching[0] };
}

/** The six finding shapes: how the action is covered × `Resource` item covering everything or `NotResource`. */
export const BROAD_GRANT_SHAPES = {
  named: { resource: 'actionOnAnyResource', notResource: 'actionWithNotResource' },
  wildcard: { resource: 'wildcardActionOnAnyResource', notResource: 'wildcardActionWithNotResource' },
  notAction: { resource: 'notActionOnAnyResource', notResource: 'notActionWithNotResource' },
} as const;

/** What a broad-grant rule is about. */
export interface BroadGrantSpec {
  /** The concrete action, e.g. `iam:PassRole`. */
  action: string;
  /** The resources it acts on, in words, e.g. `every role`. */
  target: string;
  /** What to write instead, e.g. `list the roles it may pass in Resource`. */
  fix: string;
  /**
   * Condition keys that, tested with a non-negated operator, may limit the grant to intended uses
   * (`iam:PassedToService`, or a tag of the role), matched case-insensitively on the whole key.
   */
  limitingKeys: RegExp;
}

/**
 * The messages of a broad-grant rule, one per shape of {@link BROAD_GRANT_SHAPES}, with
 * placeholders `{{resource}}` (the `Resource` item), `{{actionItem}}` (the wildcard `Action` item)
 * and `{{limit}}` (empty, or a remark that a condition may limit the grant).
 * @param spec the rule's action and wording
 * @returns messages by messageId
 */
export function broadGrantMessages(spec: BroadGrantSpec): Record<string, string> {
  const { action, target, fix } = spec;
  const any = `Resource {{resource}} allows ${action}`;
  const not = `NotResource allows ${action}`;
  const end = `${target}{{limit}}; ${fix}.`;
  return {
    actionOnAnyResource: `${any} on ${end}`,
    wildcardActionOnAnyResource: `${any}, through the wildcard action {{actionItem}}, on ${end}`,
    notActionOnAnyResource: `${any}, which NotAction does not exclude, on ${end}`,
    actionWithNotResource: `${not} on ${target} it does not list{{limit}}; ${fix}.`,
    wildcardActionWithNotResource: `${not}, through the wildcard action {{actionItem}}, on ${target} it does not list{{limit}}; ${fix}.`,
    notActionWithNotResource: `${not}, which NotAction does not exclude, on ${target} it does not list{{limit}}; ${fix}.`,
  };
}

/**
 * The first key matching `keys` that a non-negated operator tests with values none of which is a
 * bare `*`, as written.
 */
function limitingKey(statement: StatementNode, keys: RegExp): string | undefined {
  for (const op of statement.condition?.operators ?? []) {
    const parsed = parseConditionOperator(op.operator);
    if (!parsed || parsed.negated || parsed.family === 'Null') continue;
    const key = op.keys.find((k) => keys.test(k.key) && k.values.length > 0 && k.values.every((v) => v.value !== '*'));
    if (key) return key.key;
  }
  return undefined;
}

/**
 * Builds the `create` function of a broad-grant rule. In each `Allow` statement that covers
 * `spec.action` it reports every `Resource` item that matches all ARNs the action acts on (per the
 * service authorization reference, in the configured partition; items with policy variables are
 * skipped) and a `NotResource` element that leaves some of those ARNs out of its list. A statement
 * that tests one of `spec.limitingKeys` is reported as uncertain.
 * @param spec the rule's action and wording
 * @returns the rule's `create`
 */
export function createBroadGrantRule(spec: BroadGrantSpec): (context: RuleContext) => Visitors {
  return (context) => {
    const partition = partitionOf(context.settings);
    const universe = (actionResourceFormats(spec.action) ?? []).map((f) => compileArnTemplate(f, [], partition));
    const variables = context.policy.version?.value === '2012-10-17' ? 'wildcard' : 'literal';
    const compile = (text: string): { tokens: Token[]; hasVariables: boolean } => compileResourcePattern(text, { variables });
    return {
      Statement(statement) {
        if (statement.effect?.value !== 'Allow' || universe.length === 0) return;
        if (statement.resource && statement.notResource) return;
        const coverage = actionCoverage(statement, spec.action);
        if (!coverage) return;
        const shapes = BROAD_GRANT_SHAPES[coverage.how];
        const limiting = limitingKey(statement, spec.limitingKeys);
        const uncertain = limiting !== undefined;
        const data = {
          actionItem: coverage.how === 'notAction' ? '' : JSON.stringify(coverage.item.value),
          limit: uncertain ? `, but the ${limiting} condition may limit it to intended uses` : '',
        };
        if (statement.notResource) {
          const excluded = statement.notResource.items.flatMap((i) => (i.value === null ? [] : [compile(i.value).tokens]));
          if (findWitnessInSets([universe], excluded).kind !== 'witness') return;
          context.report({ loc: statement.notResource.loc, messageId: shapes.notResource, data: { ...data, resource: '' }, uncertain });
          return;
        }
        for (const item of statement.resource?.items ?? []) {
          if (item.value === null) continue;
          const pattern = compile(item.value);
          if (pattern.hasVariables || findWitnessInSets([universe], [pattern.tokens]).kind !== 'none') continue;
          context.report({ node: item, messageId: shapes.resource, data: { ...data, resource: JSON.stringify(item.value) }, uncertain });
        }
      },
    };
  };
}
