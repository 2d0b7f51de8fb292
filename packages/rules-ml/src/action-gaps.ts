/**
 * Findings about actions rather than resources: "this Action item grants an action the role
 * should not have at all" (e.g. ECR image pushes). Whether the action is really granted, on which
 * resource, after Deny statements, is asked of core's `policyGaps` one action at a time
 * with an empty scope; the finding is then reported on the Action item that grants it.
 */
import {
  actionMatches,
  gapRank,
  policyGaps,
  type ActionUniverse,
  type PolicyNode,
  type ResourceGap,
  type RuleContext,
  type ScopeQuery,
  type SourceLocation,
  type StatementNode,
} from '@iamscope/core';
import { messageFor, single, type GapMessages } from './scope.js';

/** An Action item (or NotAction element) through which a listed action is granted. */
export interface GrantFinding {
  loc: SourceLocation;
  element: 'Action' | 'NotAction';
  gap: ResourceGap;
}

/**
 * The Action items (or NotAction elements) of `policy`'s Allow statements through which one of
 * `actions` is granted, once per item, with the most certain grant of each (core's `gapRank`).
 * @param policy the identity policy whose elements are reported
 * @param actions action universes the principal must not be granted ({@link scopeActions})
 * @param gapsOf the grants of one action universe (core's `policyGaps` or `findResourceGaps` over a principal's policies)
 * @returns findings in the order of the statements that give them
 */
export function grantFindings(policy: PolicyNode, actions: ActionUniverse[], gapsOf: (query: ScopeQuery) => ResourceGap[]): GrantFinding[] {
  const own = new Set(policy.statements);
  const byStatement = new Map<StatementNode, ResourceGap[]>();
  for (const universe of actions) {
    for (const gap of gapsOf({ actions: single(universe), allowed: [] })) {
      if (!own.has(gap.statement)) continue;
      const list = byStatement.get(gap.statement) ?? [];
      list.push(gap);
      byStatement.set(gap.statement, list);
    }
  }
  return [...byStatement].flatMap(([statement, gaps]) => {
    const element = statement.action ?? statement.notAction!;
    const sorted = [...gaps].sort((a, b) => gapRank(a) - gapRank(b));
    const name = element.negated ? 'NotAction' : 'Action';
    if (element.negated) return [{ loc: element.loc, element: name, gap: sorted[0]! }];
    return element.items.flatMap((item) => {
      const gap = item.value === null ? undefined : sorted.find((g) => actionMatches(item.value!, g.action));
      return gap ? [{ loc: item.loc, element: name, gap }] : [];
    });
  });
}

/**
 * Reports each Action item (or NotAction element) of an Allow statement through which one of
 * `actions` is granted on some resource after the Deny statements and permissions boundary of
 * each principal it applies to (or of the policy alone), once per item, with
 * the granted action and a resource ARN (`{{element}}`, `{{action}}`, `{{witness}}`). The most
 * certain grant is reported: a condition or policy variable makes it "may".
 * @param context the rule context
 * @param policy the identity policy
 * @param actions action universes the role must not be granted ({@link scopeActions})
 * @param ids messageIds to use
 */
export function reportGrants(context: RuleContext, policy: PolicyNode, actions: ActionUniverse[], ids: GapMessages): void {
  for (const { loc, element, gap } of grantFindings(policy, actions, (query) => policyGaps(policy, context.principals, query))) {
    context.report({ loc, messageId: messageFor(gap, ids), uncertain: gap.uncertain, data: { element, action: gap.action, witness: gap.witness ?? '' } });
  }
}
