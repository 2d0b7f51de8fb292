import type { IamNode, PolicyNode, StatementNode } from '../policy/nodes.js';

/**
 * Calls `visit(node, phase)` for every IAM node of a policy in source-element order: Policy,
 * Version, Id, then each Statement with Sid, Effect, Principal and its values, NotPrincipal, Action
 * and NotAction items, Resource and NotResource items, Condition → operator → key → values.
 * `exit` runs after a node's children. Not recursive over JSON, so input depth cannot exhaust the stack.
 * @param policy the policy
 * @param visit callback
 */
export function traversePolicy(policy: PolicyNode, visit: (node: IamNode, phase: 'enter' | 'exit') => void): void {
  visit(policy, 'enter');
  if (policy.version) leaf(policy.version, visit);
  if (policy.id) leaf(policy.id, visit);
  for (const statement of policy.statements) traverseStatement(statement, visit);
  visit(policy, 'exit');
}

function leaf(node: IamNode, visit: (node: IamNode, phase: 'enter' | 'exit') => void): void {
  visit(node, 'enter');
  visit(node, 'exit');
}

function traverseStatement(s: StatementNode, visit: (node: IamNode, phase: 'enter' | 'exit') => void): void {
  visit(s, 'enter');
  if (s.sid) leaf(s.sid, visit);
  if (s.effect) leaf(s.effect, visit);
  for (const p of [s.principal, s.notPrincipal]) {
    if (!p) continue;
    visit(p, 'enter');
    for (const v of p.values) leaf(v, visit);
    visit(p, 'exit');
  }
  for (const element of [s.action, s.notAction, s.resource, s.notResource]) {
    for (const item of element?.items ?? []) leaf(item, visit);
  }
  if (s.condition) {
    visit(s.condition, 'enter');
    for (const op of s.condition.operators) {
      visit(op, 'enter');
      for (const key of op.keys) {
        visit(key, 'enter');
        for (const value of key.values) leaf(value, visit);
        visit(key, 'exit');
      }
      visit(op, 'exit');
    }
    visit(s.condition, 'exit');
  }
  visit(s, 'exit');
}
