import type { MemberNode, ObjectNode, ValueNode } from '@humanwhocodes/momoa';
import type {
  ActionNode,
  ConditionKeyNode,
  ConditionNode,
  ConditionOperatorNode,
  ConditionValueNode,
  ListElement,
  PolicyNode,
  PolicyOrigin,
  PrincipalNode,
  PrincipalValueNode,
  ResourceNode,
  ScalarNode,
  StatementNode,
} from './nodes.js';

/**
 * The last member named `name` (exact, case-sensitive, as IAM element names are), like
 * `JSON.parse` and AWS resolve duplicate keys.
 * @param object a momoa object node
 * @param name member name
 * @returns the member, or undefined
 */
export function lastMember(object: ObjectNode, name: string): MemberNode | undefined {
  for (let i = object.members.length - 1; i >= 0; i--) {
    const member = object.members[i]!;
    if (member.name.type === 'String' && member.name.value === name) return member;
  }
  return undefined;
}

/** The array elements of a JSON value, or the value itself as a one-item list. */
function itemsOf(value: ValueNode): ValueNode[] {
  return value.type === 'Array' ? value.elements.map((e) => e.value) : [value];
}

function stringOrNull(value: ValueNode): string | null {
  return value.type === 'String' ? value.value : null;
}

function scalar<T extends 'Sid' | 'Effect' | 'Version' | 'Id'>(
  type: T,
  object: ObjectNode,
): ScalarNode<T> | undefined {
  const member = lastMember(object, type);
  if (!member) return undefined;
  return { type, json: member.value, loc: member.value.loc, member, value: stringOrNull(member.value) };
}

function listElement<T extends 'Action' | 'Resource'>(
  itemType: T,
  name: ListElement<unknown>['name'],
  object: ObjectNode,
): ListElement<T extends 'Action' ? ActionNode : ResourceNode> | undefined {
  const member = lastMember(object, name);
  if (!member) return undefined;
  const negated = name.startsWith('Not');
  const items = itemsOf(member.value).map((json) => ({
    type: itemType,
    json,
    loc: json.loc,
    value: stringOrNull(json),
    negated,
  }));
  return {
    name,
    negated,
    member,
    loc: member.value.loc,
    isArray: member.value.type === 'Array',
    items: items as unknown as (T extends 'Action' ? ActionNode : ResourceNode)[],
  };
}

function principal(name: 'Principal' | 'NotPrincipal', object: ObjectNode): PrincipalNode | undefined {
  const member = lastMember(object, name);
  if (!member) return undefined;
  const negated = name === 'NotPrincipal';
  const values: PrincipalValueNode[] = [];
  const json = member.value;
  if (json.type === 'Object') {
    for (const typeMember of json.members) {
      const principalType = typeMember.name.type === 'String' ? typeMember.name.value : typeMember.name.name;
      for (const item of itemsOf(typeMember.value)) {
        values.push({ type: 'PrincipalValue', json: item, loc: item.loc, value: stringOrNull(item), negated, principalType });
      }
    }
  } else {
    values.push({ type: 'PrincipalValue', json, loc: json.loc, value: stringOrNull(json), negated, principalType: '*' });
  }
  const wildcard = values.some((v) => v.value === '*' && (v.principalType === '*' || v.principalType === 'AWS'));
  return { type: 'Principal', json, loc: json.loc, negated, member, wildcard, values };
}

function conditionValue(json: ValueNode): ConditionValueNode {
  const value = json.type === 'String' || json.type === 'Number' || json.type === 'Boolean' ? json.value : null;
  return { type: 'ConditionValue', json, loc: json.loc, value };
}

function condition(object: ObjectNode): ConditionNode | undefined {
  const member = lastMember(object, 'Condition');
  if (!member) return undefined;
  const operators: ConditionOperatorNode[] = [];
  if (member.value.type === 'Object') {
    for (const opMember of member.value.members) {
      const keys: ConditionKeyNode[] = [];
      if (opMember.value.type === 'Object') {
        for (const keyMember of opMember.value.members) {
          keys.push({
            type: 'ConditionKey',
            json: keyMember.value,
            loc: keyMember.name.loc,
            member: keyMember,
            key: memberName(keyMember),
            values: itemsOf(keyMember.value).map(conditionValue),
          });
        }
      }
      operators.push({
        type: 'ConditionOperator',
        json: opMember.value,
        loc: opMember.name.loc,
        member: opMember,
        operator: memberName(opMember),
        keys,
      });
    }
  }
  return { type: 'Condition', json: member.value, loc: member.value.loc, member, operators };
}

/**
 * The name of a JSON object member as written (momoa keeps a quoted name as a String node, a bare
 * one (JSON5/JSONC) as an Identifier).
 * @param member the member
 * @returns its name, without quotes
 */
export function memberName(member: MemberNode): string {
  return member.name.type === 'String' ? member.name.value : member.name.name;
}

function statement(json: ValueNode, index: number): StatementNode {
  const base = { type: 'Statement' as const, json, loc: json.loc, index };
  if (json.type !== 'Object') return base;
  return {
    ...base,
    object: json,
    sid: scalar('Sid', json),
    effect: scalar('Effect', json),
    principal: principal('Principal', json),
    notPrincipal: principal('NotPrincipal', json),
    action: listElement('Action', 'Action', json),
    notAction: listElement('Action', 'NotAction', json),
    resource: listElement('Resource', 'Resource', json),
    notResource: listElement('Resource', 'NotResource', json),
    condition: condition(json),
  };
}

/**
 * Builds the IAM layer over a policy's root JSON object. Never throws: wrong JSON types are kept
 * (items with `value: null`, statements without `object`) for rules to report.
 * Source of truth: IAM JSON policy grammar (reference_policies_grammar).
 * @param object the policy document's root object (momoa node)
 * @param origin where the document came from
 * @returns the Policy node
 */
export function buildPolicy(object: ObjectNode, origin: PolicyOrigin): PolicyNode {
  const statementMember = lastMember(object, 'Statement');
  const statements = statementMember ? itemsOf(statementMember.value).map(statement) : [];
  return {
    type: 'Policy',
    json: object,
    loc: object.loc,
    origin,
    object,
    version: scalar('Version', object),
    id: scalar('Id', object),
    statementMember,
    statements,
  };
}
