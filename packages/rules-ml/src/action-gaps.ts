/**
 * Findings about actions rather than resources: "this Action item grants an action the role
 * should not have at all" (e.g. ECR image pushes). Whether the action is really granted, on which
 * resource, after Deny statements, is asked of core's `policyGaps` one action at a time
 * with an empty scope; the finding is then reported on the Action item that grants it.
 */
import { actionMatches, policyGaps, type ActionUniverse, type PolicyNode, type ResourceGap, type RuleContext, type StatementNode } from '@iamscope/core';
import { messageFor, single, type GapMessages } from './scope.js';

/** Certain findings first, then possible ones, then undecided ones. */
function rank(gap: ResourceGap): number {
  return gap.witness === undefined ? 2 : gap.uncertain ? 1 : 0;
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
  const byStatement = new Map<StatementNode, ResourceGap[]>();
  for (const universe of actions) {
    for (const gap of policyGaps(policy, context.principals, { actions: single(universe), allowed: [] })) {
      const list = byStatement.get(gap.statement) ?? [];
      list.push(gap);
      byStatement.set(gap.statement, list);
    }
  }
  for (const [statement, gaps] of byStatement) {
    const element = statement.action ?? statement.notAction!;
    const sorted = [...gaps].sort((a, b) => rank(a) - rank(b));
    const targets = element.negated
      ? [{ loc: element.loc, gap: sorted[0]! }]
      : element.items.flatMap((item) => {
          const gap = item.value === null ? undefined : sorted.find((g) => actionMatches(item.value!, g.action));
          return gap ? [{ loc: item.loc, gap }] : [];
        });
    for (const { loc, gap } of targets) {
      context.report({
        loc,
        messageId: messageFor(gap, ids),
        uncertain: gap.uncertain,
        data: { element: element.negated ? 'NotAction' : 'Action', action: gap.action, witness: gap.witness ?? '' },
      });
    }
  }
}
