/**
 * Evaluates HCL expressions into momoa-shaped JSON values located at the HCL nodes they come from
 * (Terraform's own evaluation, restricted to what is known without running it): literals, tuples,
 * objects, string templates, `var.x` with a default, `local.x`, `path.module`, conditionals with a
 * known condition, the functions of `functions.ts`. Everything else (resource attributes,
 * `count.index`, other functions, `for` expressions) becomes a placeholder string
 * (`sources/placeholder.ts`) that names it (`describe.ts`). A conditional whose condition is
 * unknown, used as a list item or as an Action/Resource list, stands for both branches.
 * Source of truth: HCL native syntax specification (templates, escapes), Terraform expressions docs.
 */
import type { MemberNode, ValueNode } from '@humanwhocodes/momoa';
import type { Node } from 'web-tree-sitter';
import type { SourceLocation } from '../../source/location.js';
import { placeholder } from '../placeholder.js';
import { arrayNode, booleanNode, memberNode, nullNode, numberNode, objectNode, stringNode } from '../synthetic.js';
import { describeExpression } from './describe.js';
import { callFunction } from './functions.js';
import { functionArguments, innerExpression, nodeLoc, traversalOf, type HclFile, type Step } from './hcl.js';
import { MappedText } from './mapped-text.js';
import { relocateValue } from '../synthetic.js';
import { nested, type Definition, type ModuleScope } from './scope.js';

/** Where an expression is evaluated. */
export interface At {
  scope: ModuleScope;
  file: HclFile;
  /** Inside `aws_iam_policy_document`: `&{aws:x}` is written for the IAM variable `${aws:x}`. */
  policyVariables?: boolean;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** Appends a template's literal text, decoding escapes (quoted templates) and `$${`, `%%{`, `&{`. */
function pushLiteral(out: MappedText, text: string, start: number, end: number, quoted: boolean, at: At): void {
  let i = start;
  while (i < end) {
    const c = text[i]!;
    const next = text[i + 1];
    if (quoted && c === '\\' && next !== undefined) {
      const width = next === 'u' ? 6 : next === 'U' ? 10 : 2;
      const hex = text.slice(i + 2, i + width);
      if (width > 2 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === width - 2) out.push(String.fromCodePoint(parseInt(hex, 16)), i, i + width);
      else out.push(ESCAPES[next] ?? next, i, i + 2);
      i += width > 2 && hex.length === width - 2 ? width : 2;
    } else if ((c === '$' || c === '%') && next === c && text[i + 2] === '{') {
      out.push(c, i, i + 2);
      i += 2;
    } else if (at.policyVariables && c === '&' && next === '{') {
      out.push('$', i, i + 1);
      i += 1;
    } else {
      out.pushVerbatim(c, i);
      i += 1;
    }
  }
}

/**
 * Whether the end of `text` lies inside a JSON string literal.
 * @param text JSON text up to some point
 */
export function insideJsonString(text: string): boolean {
  let inside = false;
  for (let i = 0; i < text.length; i++) {
    if (inside && text[i] === '\\') i++;
    else if (text[i] === '"') inside = !inside;
  }
  return inside;
}

/** The template node (`quoted_template`, `heredoc_template`, `string_lit`) of an expression, if it is a string. */
export function templateNode(expr: Node): Node | undefined {
  const inner = innerExpression(expr);
  const node = inner.type === 'literal_value' || inner.type === 'template_expr' ? inner.namedChildren[0] : inner;
  return node && ['quoted_template', 'heredoc_template', 'string_lit'].includes(node.type) ? node : undefined;
}

/** `[start, end)` of a template's content: inside the quotes, or the heredoc's lines. */
function contentSpan(file: HclFile, template: Node): [number, number] {
  const children = template.children.filter((child): child is Node => child !== null);
  if (template.type === 'heredoc_template') {
    const identifiers = children.filter((child) => child.type === 'heredoc_identifier');
    const opening = identifiers[0]?.endIndex ?? template.startIndex;
    const newline = file.text.indexOf('\n', opening);
    const start = newline < 0 ? opening : newline + 1;
    const closing = identifiers.length > 1 ? identifiers[identifiers.length - 1]!.startIndex : template.endIndex;
    const lineStart = Math.max(file.text.lastIndexOf('\n', closing - 1) + 1, start);
    return [start, lineStart];
  }
  const open = children.find((child) => child.type === 'quoted_template_start');
  const close = children.find((child) => child.type === 'quoted_template_end');
  return [open?.endIndex ?? template.startIndex, close && !close.isMissing ? close.startIndex : template.endIndex];
}

/**
 * The text of a string template with interpolations evaluated (placeholders where unknown) and
 * every character mapped to its source span.
 * @param template a `quoted_template`, `heredoc_template` or `string_lit` node
 * @param json the text is JSON: an unknown interpolation outside a JSON string is written as a
 *   quoted placeholder, so the document still parses
 * @returns the text, or undefined in JSON mode when the template has `%{…}` directives
 */
export function templateText(template: Node, at: At, json: boolean): MappedText | undefined {
  const [start, end] = contentSpan(at.file, template);
  const quoted = template.type !== 'heredoc_template';
  const out = new MappedText();
  let position = start;
  for (const part of template.namedChildren) {
    if (!part || (part.type !== 'template_interpolation' && part.type !== 'template_directive')) continue;
    pushLiteral(out, at.file.text, position, part.startIndex, quoted, at);
    position = part.endIndex;
    if (part.type === 'template_directive') {
      if (json) return undefined;
      out.push(placeholder(describeExpression(part)), part.startIndex, part.endIndex);
      continue;
    }
    const inner = part.namedChildren.find((child) => child?.type === 'expression');
    const value = inner ? evaluate(inner, at) : undefined;
    const known = value && (value.type === 'String' || value.type === 'Number' || value.type === 'Boolean');
    const text = known ? String(value.value) : placeholder(inner ? describeExpression(inner) : 'expression');
    const quote = json && !insideJsonString(out.text) && (!known || value.type === 'String') ? '"' : '';
    out.push(quote + text + quote, part.startIndex, part.endIndex);
  }
  pushLiteral(out, at.file.text, position, end, quoted, at);
  return out;
}

/** A placeholder string standing for an unknown expression, located at it. */
function unknown(expr: Node, at: At): ValueNode {
  return stringNode(placeholder(describeExpression(expr)), nodeLoc(at.file, expr));
}

/**
 * The value of a definition (variable default, local) used at `useSite`: evaluated in its own
 * file, and relocated to the use site when that is another file (positions stay in the file the
 * result is reported in).
 * @returns the value, or undefined on a reference cycle
 */
function evaluateDefinition(definition: Definition, useSite: Node, at: At): ValueNode | undefined {
  if (at.scope.active.has(definition.node.id)) return undefined;
  at.scope.active.add(definition.node.id);
  try {
    const value = evaluate(definition.node, { ...at, file: definition.file });
    if (definition.file === at.file) return value;
    const loc = nodeLoc(at.file, useSite);
    return relocateValue(value, () => loc);
  } finally {
    at.scope.active.delete(definition.node.id);
  }
}

/** Applies `.name` / `[index]` steps to a known value. */
function applySteps(value: ValueNode | undefined, steps: Step[], at: At): ValueNode | undefined {
  let current = value;
  for (const step of steps) {
    if (!current) return undefined;
    if ('splat' in step) return undefined;
    const key = 'attr' in step ? step.attr : evaluate(step.index, at);
    const name = typeof key === 'string' ? key : key.type === 'String' || key.type === 'Number' ? key.value : undefined;
    if (current.type === 'Object') current = [...current.members].reverse().find((m) => m.name.type === 'String' && m.name.value === String(name))?.value;
    else if (current.type === 'Array' && typeof name === 'number') current = current.elements[name]?.value;
    else return undefined;
  }
  return current;
}

/** `var.x`, `local.x`, `path.module`; undefined for every other reference. */
function evaluateTraversal(expr: Node, at: At): ValueNode | undefined {
  const traversal = traversalOf(expr);
  if (!traversal) return undefined;
  const [first, ...rest] = traversal.steps;
  if (!first || !('attr' in first)) return undefined;
  if (traversal.root === 'path' && first.attr === 'module' && rest.length === 0) return stringNode(at.scope.dir, nodeLoc(at.file, expr));
  const table = traversal.root === 'var' ? at.scope.variables : traversal.root === 'local' ? at.scope.locals : undefined;
  const definition = table?.get(first.attr);
  if (!definition) return undefined;
  return applySteps(evaluateDefinition(definition, expr, at), rest, at);
}

/** The three expressions of `condition ? a : b`. */
function conditionalParts(conditional: Node): Node[] {
  return conditional.namedChildren.filter((child): child is Node => child?.type === 'expression');
}

/** `c ? a : b`: the branch `c` chooses when it is a known boolean. */
function evaluateConditional(conditional: Node, at: At): ValueNode | undefined {
  const [condition, whenTrue, whenFalse] = conditionalParts(conditional);
  const value = condition && evaluate(condition, at);
  if (value?.type !== 'Boolean' || !whenTrue || !whenFalse) return undefined;
  return evaluate(value.value ? whenTrue : whenFalse, at);
}

/**
 * The values an expression may have as an item of a list: both branches of a conditional whose
 * condition is unknown (as a CloudFormation `Fn::If` contributes both), else its one value.
 */
function alternatives(expr: Node, at: At): ValueNode[] {
  const inner = innerExpression(expr);
  if (inner.type !== 'conditional') return [evaluate(expr, at)];
  const [condition, whenTrue, whenFalse] = conditionalParts(inner);
  if (!condition || !whenTrue || !whenFalse || evaluate(condition, at).type === 'Boolean') return [evaluate(expr, at)];
  return nested(at.scope, at.file, inner, () => [...alternatives(whenTrue, at), ...alternatives(whenFalse, at)], () => [unknown(inner, at)]);
}

/**
 * The value of a list-valued IAM element (Action, NotAction, Resource, NotResource): a
 * conditional with an unknown condition gives the items of both branches.
 * @param expr the element's value expression
 * @param at where it is evaluated
 * @returns the value (an array when both branches are taken)
 */
export function evaluateList(expr: Node, at: At): ValueNode {
  const values = alternatives(expr, at);
  if (values.length === 1) return values[0]!;
  return arrayNode(values.flatMap((value) => (value.type === 'Array' ? value.elements.map((e) => e.value) : [value])), nodeLoc(at.file, innerExpression(expr)));
}

/** Members of a `jsonencode` object read as lists of alternatives (see {@link evaluateList}). */
const LIST_ELEMENTS = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);

function evaluateCollection(collection: Node, at: At): ValueNode {
  const loc = nodeLoc(at.file, collection);
  if (collection.type === 'tuple') {
    return arrayNode(collection.namedChildren.filter((c): c is Node => c?.type === 'expression').flatMap((c) => alternatives(c, at)), loc);
  }
  const members: MemberNode[] = [];
  for (const element of collection.namedChildren) {
    if (element?.type !== 'object_elem') continue;
    const key = element.childForFieldName('key');
    const value = element.childForFieldName('val');
    if (!key || !value) continue;
    const bare = innerExpression(key);
    const isIdentifier = bare.type === 'expression' && bare.namedChildren.length === 1 && bare.namedChildren[0]?.type === 'variable_expr';
    const name = isIdentifier ? bare.text : evaluate(key, at);
    const nameText = typeof name === 'string' ? name : name.type === 'String' ? name.value : placeholder(describeExpression(key));
    members.push(memberNode(nameText, nodeLoc(at.file, key), LIST_ELEMENTS.has(nameText) ? evaluateList(value, at) : evaluate(value, at)));
  }
  return objectNode(members, loc);
}

/**
 * The JSON value of an HCL expression, every node located at the HCL node it comes from.
 * @param expr an `expression` node (or any node an expression wraps)
 * @param at where it is evaluated
 * @returns the value; unknown parts are placeholder strings, a value nested deeper than
 *   `MAX_HCL_DEPTH` is null (with an error recorded); never an exception
 */
export function evaluate(expr: Node, at: At): ValueNode {
  const inner = innerExpression(expr);
  return nested(at.scope, at.file, inner, () => evaluateNode(inner, at), () => nullNode(nodeLoc(at.file, inner)));
}

function evaluateNode(inner: Node, at: At): ValueNode {
  const loc: SourceLocation = nodeLoc(at.file, inner);
  const template = templateNode(inner);
  if (template) return stringNode(templateText(template, at, false)!.text, loc);
  switch (inner.type) {
    case 'literal_value': {
      const literal = inner.namedChildren[0];
      if (literal?.type === 'numeric_lit') return numberNode(Number(literal.text), loc);
      if (literal?.type === 'bool_lit') return booleanNode(literal.text === 'true', loc);
      if (literal?.type === 'null_lit') return nullNode(loc);
      return unknown(inner, at);
    }
    case 'collection_value':
      return inner.namedChildren[0] ? evaluateCollection(inner.namedChildren[0], at) : unknown(inner, at);
    case 'function_call': {
      const args = functionArguments(inner).map((arg) => evaluate(arg, at));
      return callFunction(inner.namedChildren[0]?.text ?? '', args, loc) ?? unknown(inner, at);
    }
    case 'conditional':
      return evaluateConditional(inner, at) ?? unknown(inner, at);
    case 'expression':
      return evaluateTraversal(inner, at) ?? unknown(inner, at);
    default:
      return unknown(inner, at);
  }
}
