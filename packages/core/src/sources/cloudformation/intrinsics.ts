/**
 * Resolution of CloudFormation intrinsic functions inside a policy document, as far as the template
 * alone determines them. Known values are computed: `Ref` to a parameter with a `Default` (a list
 * type's default is split at commas), `AWS::Partition` → `aws`, `AWS::URLSuffix` →
 * `amazonaws.com`, `AWS::NoValue` (the element or member is dropped), `Fn::Sub`, `Fn::Join`,
 * `Fn::Select`, `Fn::Split`, `Fn::FindInMap` over the template's `Mappings`, `Ref` of a resource
 * whose name the template sets and `Fn::GetAtt … Arn` of common resource types (the ARN around the
 * name, a placeholder for a generated name; `resource-values.ts`). Everything
 * else becomes a {@link placeholder} (other pseudo parameters, parameters without a default or read
 * from SSM, other resources' `Ref` and attributes, `Fn::ImportValue`, `Fn::Base64`, `Fn::Cidr`,
 * `Fn::GetAZs`, …). A resolved value is located at the outermost intrinsic it came from.
 * `Fn::If` has no known condition: as the whole value or an item of `Action`, `Resource`,
 * `Statement`, a principal list or a condition key's values it contributes the items of both
 * branches; anywhere else (`Effect`, `NotAction`, `NotResource`, the values of a negated condition
 * operator, where taking both branches would allow less than either) it is a placeholder unless
 * both branches resolve to the same string.
 * Source of truth: CloudFormation User Guide, "Intrinsic function reference" and "Pseudo parameters reference".
 */
import type { ObjectNode, ValueNode } from '@humanwhocodes/momoa';
import { lastMember, memberName } from '../../policy/build.js';
import type { SourceLocation } from '../../source/location.js';
import { hasPlaceholder, placeholder } from '../placeholder.js';
import { arrayNode, booleanNode, nullNode, numberNode, stringNode } from '../synthetic.js';
import { NAMED_RESOURCES } from './resource-values.js';
import type { Template } from './template.js';

/** A long-form intrinsic function call: an object whose only member is `Ref` or `Fn::…`. */
export interface Intrinsic {
  name: string;
  argument: ValueNode;
  node: ObjectNode;
}

/**
 * The intrinsic function call a value is, if it is one.
 * @param node any JSON value
 * @returns the function name, its argument and the call's object node; undefined for other values
 */
export function intrinsicOf(node: ValueNode): Intrinsic | undefined {
  if (node.type !== 'Object' || node.members.length !== 1) return undefined;
  const member = node.members[0]!;
  const name = memberName(member);
  return name === 'Ref' || name.startsWith('Fn::') ? { name, argument: member.value, node } : undefined;
}

/** Where values stand under `Condition`: an operator's block (negated or not), and a condition key's values. */
const OPERATOR_BLOCK = '(condition operator)';
const NEGATED_OPERATOR_BLOCK = '(negated condition operator)';
const CONDITION_VALUES = '(condition values)';

/** Members whose lists take both branches of an `Fn::If` (allowing more is what "may" means there). */
const UNION_MEMBERS = new Set(['Action', 'Resource', 'Statement', 'AWS', 'Service', 'Federated', 'CanonicalUser', CONDITION_VALUES]);

/**
 * What a member of an object standing at `member` is read as: a condition operator's block under
 * `Condition` (negated when its name has `Not`: `StringNotEquals`, `NotIpAddress`, …), a condition
 * key's values under a non-negated operator, else its own name.
 */
function memberContext(member: string, name: string): string {
  if (member === 'Condition') return name.includes('Not') ? NEGATED_OPERATOR_BLOCK : OPERATOR_BLOCK;
  if (member === OPERATOR_BLOCK) return CONDITION_VALUES;
  return member === NEGATED_OPERATOR_BLOCK ? '' : name;
}

/** Location of values that only become text (variables of `Fn::Sub`). */
const NOWHERE: SourceLocation = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Pseudo parameters whose value every stack in the `aws` partition shares. */
const KNOWN_PSEUDO: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' };

/**
 * Resolves every intrinsic in a value.
 * @param template the template the value belongs to
 * @param node the value
 * @param member name of the member the value belongs to (decides how `Fn::If` list items are read)
 * @returns the resolved value, or undefined for `AWS::NoValue`
 */
export function resolveValue(template: Template, node: ValueNode, member = ''): ValueNode | undefined {
  const call = intrinsicOf(node);
  if (call) return resolveCall(template, call, member);
  if (node.type === 'Array') {
    return arrayNode(node.elements.flatMap((element) => resolveItems(template, element.value, member)), node.loc);
  }
  if (node.type !== 'Object') return node;
  const members = node.members.flatMap((m) => {
    const value = resolveValue(template, m.value, memberContext(member, memberName(m)));
    return value ? [{ ...m, value }] : [];
  });
  return { ...node, members };
}

/**
 * The items a list element stands for: none for `AWS::NoValue`, the items of both branches of an
 * `Fn::If` in a union list (a branch that is a list gives its items), the items of a list an
 * intrinsic returns, else the resolved element.
 */
function resolveItems(template: Template, node: ValueNode, member: string): ValueNode[] {
  const call = intrinsicOf(node);
  if (call?.name === 'Fn::If' && UNION_MEMBERS.has(member)) {
    const branches = call.argument.type === 'Array' ? call.argument.elements.slice(1, 3).map((e) => e.value) : [];
    return branches.flatMap((branch) =>
      branch.type === 'Array' ? branch.elements.flatMap((e) => resolveItems(template, e.value, member)) : resolveItems(template, branch, member),
    );
  }
  const value = resolveValue(template, node, member);
  if (!value) return [];
  return call && value.type === 'Array' ? value.elements.map((e) => e.value) : [value];
}

/**
 * Resolves a value to text, as `Fn::Sub` and `Fn::Join` use it: numbers and booleans as written,
 * a list joined with commas, `AWS::NoValue` as the empty string, an object as a placeholder.
 * @param template the template
 * @param node the value
 * @returns the text, with placeholders for unknown parts
 */
export function resolveString(template: Template, node: ValueNode): string {
  const value = resolveValue(template, node);
  if (!value) return '';
  switch (value.type) {
    case 'String':
      return value.value;
    case 'Number':
    case 'Boolean':
      return String(value.value);
    case 'Null':
      return '';
    case 'Array':
      return value.elements.map((e) => resolveString(template, e.value)).join(',');
    default:
      return placeholder(intrinsicOf(node)?.name ?? 'object');
  }
}

/**
 * The value of `Ref` to a name: a known pseudo parameter, a parameter's default, else a placeholder.
 * @param template the template
 * @param name the referenced name
 * @param loc where the result is located
 * @returns the value, or undefined for `AWS::NoValue`
 */
export function resolveRef(template: Template, name: string, loc: SourceLocation): ValueNode | undefined {
  if (name === 'AWS::NoValue') return undefined;
  const known = KNOWN_PSEUDO[name];
  if (known !== undefined) return stringNode(known, loc);
  if (name.startsWith('AWS::')) return stringNode(placeholder(name), loc);
  const resource = template.resources.get(name);
  if (resource) return stringNode(resourceValue(template, name, 'Ref') ?? placeholder(`Ref:${name}`), loc);
  const parameter = template.parameters.get(name);
  const fromSsm = parameter?.type.startsWith('AWS::SSM::Parameter::') ?? false;
  if (!parameter?.default || fromSsm) return stringNode(placeholder(`Ref:${name}`), loc);
  const value = relocate(resolveValue(template, parameter.default) ?? nullNode(loc), loc);
  const isList = parameter.type === 'CommaDelimitedList' || parameter.type.startsWith('List<');
  if (isList && value.type === 'String') return arrayNode(value.value.split(',').map((part) => stringNode(part.trim(), loc)), loc);
  return value.type === 'Number' || value.type === 'Boolean' ? stringNode(String(value.value), loc) : value;
}

function resolveCall(template: Template, call: Intrinsic, member: string): ValueNode | undefined {
  const { argument, node } = call;
  const loc = node.loc;
  const args = argument.type === 'Array' ? argument.elements.map((e) => e.value) : [argument];
  switch (call.name) {
    case 'Ref':
      return resolveRef(template, argument.type === 'String' ? argument.value : resolveString(template, argument), loc);
    case 'Fn::Sub':
      return stringNode(substitute(template, args[0]?.type === 'String' ? args[0].value : '', args[1]), loc);
    case 'Fn::Join': {
      const list = args[1] ? resolveValue(template, args[1]) : undefined;
      const parts = list?.type === 'Array' ? list.elements.map((e) => resolveString(template, e.value)) : [placeholder('Fn::Join')];
      return stringNode(parts.join(args[0] ? resolveString(template, args[0]) : ''), loc);
    }
    case 'Fn::Select': {
      const list = args[1] ? resolveValue(template, args[1]) : undefined;
      const index = Number(args[0] ? resolveString(template, args[0]) : NaN);
      const chosen = list?.type === 'Array' && Number.isInteger(index) ? list.elements[index]?.value : undefined;
      return relocate(chosen ?? stringNode(placeholder('Fn::Select'), loc), loc);
    }
    case 'Fn::Split': {
      const delimiter = args[0] ? resolveString(template, args[0]) : '';
      const text = args[1] ? resolveString(template, args[1]) : '';
      if (delimiter === '') return stringNode(placeholder('Fn::Split'), loc);
      return arrayNode(text.split(delimiter).map((part) => stringNode(part, loc)), loc);
    }
    case 'Fn::FindInMap':
      return relocate(findInMap(template, args) ?? stringNode(placeholder(`FindInMap:${args[0] ? resolveString(template, args[0]) : ''}`), loc), loc);
    case 'Fn::If':
      return UNION_MEMBERS.has(member) ? arrayNode(resolveItems(template, node, member), loc) : ifValue(template, args, loc, member);
    case 'Fn::GetAtt': {
      const parts = argument.type === 'String' ? argument.value.split('.') : args.map((a) => resolveString(template, a));
      return stringNode(getAtt(template, parts[0] ?? '', parts.slice(1).join('.')), loc);
    }
    case 'Fn::ImportValue':
      return stringNode(placeholder(`ImportValue:${resolveString(template, argument)}`), loc);
    default:
      return stringNode(placeholder(call.name.replace(/^Fn::/, '')), loc);
  }
}

/** `Fn::If` outside a union list: the branches' common string, else a placeholder. */
function ifValue(template: Template, args: ValueNode[], loc: SourceLocation, member: string): ValueNode {
  const condition = args[0]?.type === 'String' ? args[0].value : '';
  const [whenTrue, whenFalse] = [args[1], args[2]].map((branch) => (branch ? resolveValue(template, branch, member) : undefined));
  if (whenTrue?.type === 'String' && whenFalse?.type === 'String' && whenTrue.value === whenFalse.value) return stringNode(whenTrue.value, loc);
  return stringNode(placeholder(`Fn::If:${condition}`), loc);
}

/**
 * `Fn::Sub`: `${Name}` from the variable map, else as `Ref`; `${Resource.Attribute}` as `Fn::GetAtt`;
 * `${!Text}` is the literal `${Text}` (how IAM policy variables are written inside `Fn::Sub`).
 * @param template the template
 * @param text the string with `${…}` variables
 * @param variables the variable map (the second argument of the long form), if any
 * @returns the text with every variable replaced
 */
export function substitute(template: Template, text: string, variables: ValueNode | undefined): string {
  return text.replace(/\$\{([^}]*)\}/g, (_whole, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
    const name = inner.trim();
    const variable = variables?.type === 'Object' ? lastMember(variables, name) : undefined;
    if (variable) return resolveString(template, variable.value);
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::')) return getAtt(template, name.slice(0, dot), name.slice(dot + 1));
    const value = resolveRef(template, name, NOWHERE);
    return value ? resolveString(template, value) : '';
  });
}

/** `Fn::GetAtt` of a resource: the ARN of a resource type in {@link NAMED_RESOURCES}, else a placeholder. */
function getAtt(template: Template, logicalId: string, attribute: string): string {
  const known = attribute === 'Arn' ? resourceValue(template, logicalId, 'Arn') : undefined;
  return known ?? placeholder(`GetAtt:${logicalId}.${attribute}`);
}

/**
 * The `Ref` or `Arn` of a resource whose type is in {@link NAMED_RESOURCES}: built from its name
 * property (resolved; a name that refers back to the resource has no value), and for `Arn` of a
 * resource without one, from the generated name as the placeholder `Ref:<LogicalId>`.
 */
function resourceValue(template: Template, logicalId: string, what: 'Ref' | 'Arn'): string | undefined {
  const resource = template.resources.get(logicalId);
  const named = resource ? NAMED_RESOURCES[resource.type] : undefined;
  if (!named || template.resolving.has(logicalId)) return undefined;
  const properties = resource?.object ? lastMember(resource.object, 'Properties')?.value : undefined;
  const member = (name: string) => (properties?.type === 'Object' ? lastMember(properties, name)?.value : undefined);
  const nameNode = member(named.nameProperty);
  if (!nameNode && what === 'Ref') return undefined;
  template.resolving.add(logicalId);
  try {
    const pathNode = member('Path');
    const path = pathNode ? resolveString(template, pathNode) : '/';
    const name = nameNode ? resolveString(template, nameNode) : placeholder(`Ref:${logicalId}`);
    return what === 'Ref' ? named.ref(name, path) : named.arn(name, path);
  } finally {
    template.resolving.delete(logicalId);
  }
}

/** `Fn::FindInMap [MapName, TopKey, SecondKey, {DefaultValue}]` over the template's literal `Mappings`. */
function findInMap(template: Template, args: ValueNode[]): ValueNode | undefined {
  const keys = args.slice(0, 3).map((a) => resolveString(template, a));
  if (keys.length < 3 || keys.some(hasPlaceholder)) return undefined;
  let value: ValueNode | undefined = template.mappings;
  for (const key of keys) value = value?.type === 'Object' ? lastMember(value, key)?.value : undefined;
  const fallback = args[3]?.type === 'Object' ? lastMember(args[3], 'DefaultValue')?.value : undefined;
  const found = value ?? fallback;
  return found ? resolveValue(template, found) : undefined;
}

/** A resolved scalar or list moved to `loc` (objects keep their own positions). */
function relocate(value: ValueNode, loc: SourceLocation): ValueNode {
  switch (value.type) {
    case 'String':
      return stringNode(value.value, loc);
    case 'Number':
      return numberNode(value.value, loc);
    case 'Boolean':
      return booleanNode(value.value, loc);
    case 'Null':
      return nullNode(loc);
    case 'Array':
      return arrayNode(value.elements.map((e) => relocate(e.value, loc)), loc);
    default:
      return value;
  }
}
