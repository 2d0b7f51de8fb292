/**
 * Every catalogued method, generated from the catalog: a positive case (each required action, and
 * the first alternative, allowed on "*" in its own statement) and negative cases (a Deny of the
 * pivotal action; the pivotal action on a resource that does not make the method work). Policies
 * are written with JSON.stringify(…, null, 2), so statement k's "Action" value sits on line
 * 6 + 5k at column 17: line 1 "{", 2 "Version", 3 "Statement": [, then per statement "{",
 * "Effect", "Action", "Resource", "}," (5 lines); `      "Action": ` is 16 characters.
 */
import assert from 'node:assert/strict';
import { Engine, lookupActionPattern, type Result } from '@iamscope/core';
import ml from '@iamscope/rules-ml';
import { ESCALATION_METHODS, UNDECIDED_METHODS, type EscalationMethod } from '../../src/privesc/catalog.js';

const engine = new Engine({ plugins: [ml], recommended: false, config: { rules: { 'ml/privilege-escalation': ['error', { existingResources: true }] } } });

/** The actions a positive case grants: all of `allOf`, then the first alternative. */
const granted = (m: EscalationMethod) => [...m.allOf, ...(m.anyOf ? [m.anyOf[0]!] : [])].map(([action]) => action);

function lint(statements: object[]): Result[] {
  const report = engine.lintText(JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2), 'policy.json');
  assert.deepEqual(report.notifications, []);
  return report.results;
}

const allow = (action: string, resource = '*') => ({ Effect: 'Allow', Action: action, Resource: resource });
/** A Deny of something no method needs, for methods that remove Deny statements. */
const unrelatedDeny = { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' };

/** The results naming the method, as `line:column-endColumn level`. */
function of(results: Result[], m: EscalationMethod): string[] {
  return results.filter((r) => r.message.includes(`(${m.id})`)).map((r) => `${r.loc.start.line}:${r.loc.start.column}-${r.loc.end.column} ${r.level}`);
}

describe('ml/privilege-escalation catalog', () => {
  it('holds at least 100 methods with unique ids; with the undecided ones, the research catalog\'s 114', () => {
    const ids = ESCALATION_METHODS.map((m) => m.id);
    assert.ok(ids.length >= 100);
    assert.equal(new Set([...ids, ...Object.keys(UNDECIDED_METHODS)]).size, 114);
  });

  it('names only actions of the IAM data, spelled as AWS spells them', () => {
    for (const m of ESCALATION_METHODS) {
      for (const [action] of [...m.allOf, ...(m.anyOf ?? [])]) assert.deepEqual(lookupActionPattern(action), { kind: 'known', service: action.split(':')[0], actions: [action] }, m.id);
    }
  });

  it('gives every PassRole method the service its role must trust, and only those', () => {
    for (const m of ESCALATION_METHODS) assert.equal(m.passRoleTo !== undefined, m.allOf.some(([a]) => a === 'iam:PassRole'), m.id);
  });
});

describe('ml/privilege-escalation, every method', () => {
  for (const m of ESCALATION_METHODS) {
    const actions = granted(m);
    const extra = m.requires === 'deny' ? [unrelatedDeny] : [];
    // methods that depend on a resource the policy does not show (existing-resource, `outside`): "may", one level lower
    const level = m.category === 'existing-resource' || m.outside !== undefined ? 'warning' : 'error';
    const pivot = `${6}:17-${17 + JSON.stringify(actions[0]).length}`;

    it(`${m.id}: reported on the pivotal action when every action is allowed`, () => {
      assert.deepEqual(of(lint([...actions.map((a) => allow(a)), ...extra]), m), [`${pivot} ${level}`]);
    });

    it(`${m.id}: not reported when a Deny blocks the pivotal action`, () => {
      assert.deepEqual(of(lint([...actions.map((a) => allow(a)), ...extra, { Effect: 'Deny', Action: actions[0], Resource: '*' }]), m), []);
    });

    it(`${m.id}: not reported when the pivotal action is allowed only on a resource of another service`, () => {
      const [first, ...rest] = actions;
      assert.deepEqual(of(lint([allow(first!, 'arn:aws:sns:us-east-1:123456789012:example-topic'), ...rest.map((a) => allow(a)), ...extra]), m), []);
    });
  }
});
