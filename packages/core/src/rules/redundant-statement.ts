import type { ValueNode } from '@humanwhocodes/momoa';
import { memberName } from '../policy/build.js';
import type { StatementNode } from '../policy/nodes.js';
import { defineRule, GRAMMAR_URL } from './define.js';

/** Element names whose values (action names) and condition keys compare case-insensitively. */
const CASE_INSENSITIVE_VALUES = new Set(['Action', 'NotAction']);

/**
 * A canonical text of a JSON value in a statement: object members sorted (the last of duplicate
 * keys wins, as AWS reads them), arrays and scalars read as sets (every array in a statement is a
 * set of alternatives, and a scalar equals a one-item array), values lower-cased when `lower`.
 */
function canonical(node: ValueNode, lower: boolean, lowerKeys = false): string {
  if (node.type === 'Object') {
    const members = new Map<string, ValueNode>();
    for (const m of node.members) members.set(lowerKeys ? memberName(m).toLowerCase() : memberName(m), m.value);
    return `{${[...members].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, lower)}`).join(',')}}`;
  }
  const items = node.type === 'Array' ? node.elements.map((e) => e.value) : [node];
  const texts = items.map((item) => {
    if (item.type === 'Object' || item.type === 'Array') return canonical(item, lower);
    const text = 'value' in item ? JSON.stringify(item.value) : item.type;
    return lower ? text.toLowerCase() : text;
  });
  return `[${[...new Set(texts)].sort().join(',')}]`;
}

/** The statement's canonical text without `Sid`, or undefined for a statement that is not an object. */
function statementKey(statement: StatementNode): string | undefined {
  if (!statement.object) return undefined;
  const members = new Map<string, string>();
  for (const m of statement.object.members) {
    const name = memberName(m);
    if (name === 'Sid') continue;
    const value =
      name === 'Condition' && m.value.type === 'Object'
        ? `{${m.value.members.map((op) => `${JSON.stringify(memberName(op))}:${canonical(op.value, false, true)}`).sort().join(',')}}`
        : canonical(m.value, CASE_INSENSITIVE_VALUES.has(name));
    members.set(name, value);
  }
  return [...members].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join(';');
}

/** Flags a statement identical to an earlier one apart from its Sid, element order and array order. */
export default defineRule({
  name: 'redundant-statement',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow statements that repeat an earlier statement of the same policy.',
      details:
        'Two statements with the same Effect, Principal, Action, Resource and Condition grant (or deny) the same thing, so the second one has no effect. Statements count as the same when they differ only in Sid, in the order of their elements, in the order of array items or duplicates within an array, in a single value written as a one-item array, or in the letter case of action names and condition keys. Statements that merely overlap are not reported.',
      references: [GRAMMAR_URL, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html'],
    },
    defaultLevel: 'note',
    recommended: true,
    tags: ['maintainability'],
    precision: 'very-high',
    accessAnalyzer: ['REDUNDANT_STATEMENT'],
    messages: { duplicate: 'This statement repeats statement {{other}}, differing only in Sid or in the order of elements and values; remove it.' },
  },
  create(context) {
    const seen = new Map<string, StatementNode>();
    return {
      Statement(statement) {
        const key = statementKey(statement);
        if (key === undefined) return;
        const earlier = seen.get(key);
        if (!earlier) {
          seen.set(key, statement);
          return;
        }
        const sid = earlier.sid?.value ? ` (Sid ${JSON.stringify(earlier.sid.value)})` : '';
        context.report({ node: statement, messageId: 'duplicate', data: { other: `#${earlier.index + 1}${sid}` } });
      },
    };
  },
});
