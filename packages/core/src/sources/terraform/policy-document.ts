/**
 * `data "aws_iam_policy_document"` → a policy document as the AWS provider renders it, built as a
 * synthetic momoa tree whose nodes are located at the HCL nodes (each string in `actions = [...]`
 * is one Action item at that string literal).
 * Source of truth: Terraform AWS provider docs, data source `aws_iam_policy_document` (statement,
 * principals, condition blocks; `source_policy_documents` and `override_policy_documents` merged
 * by `sid`; `&{…}` for IAM policy variables; Effect defaults to Allow, version to 2012-10-17).
 */
import type { MemberNode, ObjectNode, ValueNode } from '@humanwhocodes/momoa';
import type { Node } from 'web-tree-sitter';
import { lastMember } from '../../policy/build.js';
import { arrayNode, memberNode, objectNode, stringNode } from '../synthetic.js';
import { evaluate, evaluateList, type At } from './evaluate.js';
import { attributesOf, blockLabels, blocksOf, blockType, bodyOf, nodeLoc, type Attribute } from './hcl.js';

/** Reads another document named in `source_policy_documents` (located in the current file). */
export type DocumentResolver = (expr: Node, at: At) => ObjectNode | undefined;

const LISTS: [string, string][] = [
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource'],
];

function member(name: string, attribute: Attribute, at: At): MemberNode {
  return memberNode(name, nodeLoc(at.file, attribute.name), evaluate(attribute.value, at));
}

function listMember(name: string, attribute: Attribute, at: At): MemberNode {
  return memberNode(name, nodeLoc(at.file, attribute.name), evaluateList(attribute.value, at));
}

/** The items of a value: an array's elements, or the value itself. */
function items(value: ValueNode): ValueNode[] {
  return value.type === 'Array' ? value.elements.map((e) => e.value) : [value];
}

/** `principals`/`not_principals` blocks → `{ "<type>": [identifiers…] }`, or `"*"` for type `*`. */
function principals(blocks: Node[], name: string, at: At): MemberNode | undefined {
  if (blocks.length === 0) return undefined;
  const byType = new Map<string, { nameNode: Node; values: ValueNode[] }>();
  let star: ValueNode | undefined;
  for (const block of blocks) {
    const attributes = attributesOf(block);
    const type = attributes.get('type');
    const identifiers = attributes.get('identifiers');
    if (!type || !identifiers) continue;
    const typeValue = evaluate(type.value, at);
    const values = items(evaluate(identifiers.value, at));
    const typeName = typeValue.type === 'String' ? typeValue.value : type.value.text;
    if (typeName === '*' && values.every((v) => v.type === 'String' && v.value === '*')) {
      star = values[0] ?? typeValue;
      continue;
    }
    const entry = byType.get(typeName) ?? { nameNode: type.value, values: [] };
    entry.values.push(...values);
    byType.set(typeName, entry);
  }
  const keyword = nodeLoc(at.file, blocks[0]!.namedChildren[0]!);
  const blockLoc = nodeLoc(at.file, blocks[0]!);
  if (star && byType.size === 0) return memberNode(name, keyword, star);
  const members = [...byType].map(([type, entry]) => memberNode(type, nodeLoc(at.file, entry.nameNode), arrayNode(entry.values, nodeLoc(at.file, entry.nameNode))));
  return memberNode(name, keyword, objectNode(members, blockLoc));
}

/** `condition` blocks → `{ "<test>": { "<variable>": [values…] } }`, merging equal tests and variables. */
function conditions(blocks: Node[], at: At): MemberNode | undefined {
  if (blocks.length === 0) return undefined;
  const tests = new Map<string, { nameNode: Node; variables: Map<string, { nameNode: Node; values: ValueNode[]; loc: Node }> }>();
  for (const block of blocks) {
    const attributes = attributesOf(block);
    const test = attributes.get('test');
    const variable = attributes.get('variable');
    const values = attributes.get('values');
    if (!test || !variable || !values) continue;
    const testValue = evaluate(test.value, at);
    const variableValue = evaluate(variable.value, at);
    const testName = testValue.type === 'String' ? testValue.value : test.value.text;
    const variableName = variableValue.type === 'String' ? variableValue.value : variable.value.text;
    const entry = tests.get(testName) ?? { nameNode: test.value, variables: new Map() };
    const keyEntry = entry.variables.get(variableName) ?? { nameNode: variable.value, values: [], loc: values.value };
    keyEntry.values.push(...items(evaluate(values.value, at)));
    entry.variables.set(variableName, keyEntry);
    tests.set(testName, entry);
  }
  const operators = [...tests].map(([test, entry]) => {
    const keys = [...entry.variables].map(([variable, key]) =>
      memberNode(variable, nodeLoc(at.file, key.nameNode), arrayNode(key.values, nodeLoc(at.file, key.loc))),
    );
    return memberNode(test, nodeLoc(at.file, entry.nameNode), objectNode(keys, nodeLoc(at.file, entry.nameNode)));
  });
  return memberNode('Condition', nodeLoc(at.file, blocks[0]!.namedChildren[0]!), objectNode(operators, nodeLoc(at.file, blocks[0]!)));
}

/** One `statement` block (or the `content` of a `dynamic "statement"`) → a statement object. */
function statement(block: Node, at: At): ObjectNode {
  const attributes = attributesOf(block);
  const members: MemberNode[] = [];
  const sid = attributes.get('sid');
  if (sid) members.push(member('Sid', sid, at));
  const effect = attributes.get('effect');
  const keyword = nodeLoc(at.file, block.namedChildren[0]!);
  members.push(effect ? member('Effect', effect, at) : memberNode('Effect', keyword, stringNode('Allow', keyword)));
  const principal = principals(blocksOf(bodyOf(block), 'principals'), 'Principal', at);
  const notPrincipal = principals(blocksOf(bodyOf(block), 'not_principals'), 'NotPrincipal', at);
  for (const extra of [principal, notPrincipal]) if (extra) members.push(extra);
  for (const [attribute, name] of LISTS) {
    const value = attributes.get(attribute);
    if (value) members.push(listMember(name, value, at));
  }
  const condition = conditions(blocksOf(bodyOf(block), 'condition'), at);
  if (condition) members.push(condition);
  return objectNode(members, nodeLoc(at.file, block));
}

/** The statement blocks of a document, `dynamic "statement"` contents included, in order. */
function statementBlocks(block: Node): Node[] {
  return blocksOf(bodyOf(block)).flatMap((child) => {
    if (blockType(child) === 'statement') return [child];
    if (blockType(child) === 'dynamic' && blockLabels(child)[0] === 'statement') return blocksOf(bodyOf(child), 'content');
    return [];
  });
}

function sidOf(value: ValueNode): string | undefined {
  const sid = value.type === 'Object' ? lastMember(value, 'Sid')?.value : undefined;
  return sid?.type === 'String' && sid.value !== '' ? sid.value : undefined;
}

/** Adds statements to `into`, replacing those with the same non-empty Sid (override semantics). */
function mergeBySid(into: ValueNode[], statements: ValueNode[]): void {
  for (const added of statements) {
    const sid = sidOf(added);
    const at = sid === undefined ? -1 : into.findIndex((existing) => sidOf(existing) === sid);
    if (at >= 0) into[at] = added;
    else into.push(added);
  }
}

/** The statements of the documents an attribute lists (`source_policy_documents = [...]`). */
function listedStatements(attribute: Attribute | undefined, at: At, resolve: DocumentResolver): ValueNode[] {
  if (!attribute) return [];
  const value = attribute.value;
  const list = value.descendantsOfType('tuple')[0];
  const exprs = list ? list.namedChildren.filter((c): c is Node => c?.type === 'expression') : [value];
  return exprs.flatMap((expr) => {
    const document = resolve(expr, at);
    const statements = document && lastMember(document, 'Statement')?.value;
    return statements ? items(statements) : [];
  });
}

/**
 * The policy document a `data "aws_iam_policy_document"` block renders.
 * @param block the data block (its body has `statement` blocks and attributes)
 * @param at where the block is (its file); `policyVariables` is set here
 * @param resolve reads documents named in `source_policy_documents`/`override_policy_documents`
 * @returns `{Version, Id?, Statement: [...]}` located in the block's file
 */
export function policyDocument(block: Node, at: At, resolve: DocumentResolver): ObjectNode {
  const inDocument: At = { ...at, policyVariables: true };
  const attributes = attributesOf(block);
  const header = nodeLoc(at.file, block.namedChildren[0]!);
  const version = attributes.get('version');
  const members: MemberNode[] = [version ? member('Version', version, inDocument) : memberNode('Version', header, stringNode('2012-10-17', header))];
  const id = attributes.get('policy_id');
  if (id) members.push(member('Id', id, inDocument));
  const statements = listedStatements(attributes.get('source_policy_documents') ?? attributes.get('source_json'), at, resolve);
  mergeBySid(statements, statementBlocks(block).map((s) => statement(s, inDocument)));
  mergeBySid(statements, listedStatements(attributes.get('override_policy_documents') ?? attributes.get('override_json'), at, resolve));
  const loc = nodeLoc(at.file, block);
  members.push(memberNode('Statement', header, arrayNode(statements, loc)));
  return objectNode(members, loc);
}
