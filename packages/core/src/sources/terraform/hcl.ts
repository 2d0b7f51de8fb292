/**
 * Reading the tree-sitter Terraform grammar's syntax tree (node types of
 * `@tree-sitter-grammars/tree-sitter-hcl` 1.2.0: `block`, `attribute`, `expression`,
 * `variable_expr`/`get_attr`/`index`, `template_expr`, `function_call`, …).
 */
import type { Node } from 'web-tree-sitter';
import type { SourceLocation } from '../../source/location.js';
import type { LineIndex } from '../../source/line-index.js';

/** One parsed .tf file of a module. */
export interface HclFile {
  /** Path as given to the reader (relative to the scan root, `/`-separated). */
  file: string;
  text: string;
  lines: LineIndex;
  /** The file's top-level `body` node (null for an empty file). */
  body: Node | null;
}

/** The location of a tree-sitter node in its file. */
export function nodeLoc(file: HclFile, node: Node): SourceLocation {
  return file.lines.location(node.startIndex, node.endIndex);
}

/** The `body` child of a block or of the file root, if any. */
export function bodyOf(node: Node): Node | null {
  return node.namedChildren.find((child) => child?.type === 'body') ?? null;
}

/** The blocks directly inside a body, of one type when `type` is given. */
export function blocksOf(body: Node | null, type?: string): Node[] {
  if (!body) return [];
  return body.namedChildren.filter((child): child is Node => child?.type === 'block' && (type === undefined || blockType(child) === type));
}

/** A block's type keyword (`resource`, `data`, `statement`, …). */
export function blockType(block: Node): string {
  return block.namedChildren[0]?.text ?? '';
}

/** A block's labels (`resource "aws_iam_role" "x"` → `["aws_iam_role", "x"]`). */
export function blockLabels(block: Node): string[] {
  const labels: string[] = [];
  for (const child of block.namedChildren.slice(1)) {
    if (child?.type === 'string_lit') labels.push(child.text.slice(1, -1));
    else if (child?.type === 'identifier') labels.push(child.text);
    else break;
  }
  return labels;
}

/** The span of a block's header: from its type keyword to the end of its last label. */
export function blockHeaderLoc(file: HclFile, block: Node): SourceLocation {
  const labels = block.namedChildren.filter((child) => child?.type === 'string_lit' || child?.type === 'identifier');
  const last = labels[labels.length - 1] ?? block;
  return file.lines.location(block.startIndex, last.endIndex);
}

/** The argument expressions of a `function_call` node, in order. */
export function functionArguments(call: Node): Node[] {
  const args = call.namedChildren.find((child) => child?.type === 'function_arguments');
  return (args?.namedChildren ?? []).filter((arg): arg is Node => arg?.type === 'expression');
}

/** An attribute of a block: its name node and value expression. */
export interface Attribute {
  name: Node;
  value: Node;
}

/** The attributes directly in a block's body, by name (the last one of a name wins). */
export function attributesOf(block: Node): Map<string, Attribute> {
  const attributes = new Map<string, Attribute>();
  for (const child of bodyOf(block)?.namedChildren ?? []) {
    if (child?.type !== 'attribute') continue;
    const name = child.namedChildren[0];
    const value = child.namedChildren[1];
    if (name && value) attributes.set(name.text, { name, value });
  }
  return attributes;
}

/** One step of a traversal after its root name: `.name`, `[index]` or a splat. */
export type Step = { attr: string } | { index: Node } | { splat: true };

/** A reference expression (`var.x`, `aws_iam_role.r[0].arn`): root name and steps. */
export interface Traversal {
  root: string;
  steps: Step[];
}

/**
 * The meaningful node of an `expression` wrapper: parentheses and single-child wrappers are
 * removed; a traversal stays an `expression` node (its children are the root and the steps).
 */
export function innerExpression(node: Node): Node {
  let current = node;
  for (;;) {
    if (current.type !== 'expression') return current;
    const named = current.namedChildren.filter((child): child is Node => child !== null);
    if (named.length !== 1 || named[0]!.type === 'variable_expr') return current;
    current = named[0]!;
  }
}

/**
 * The traversal an expression is (`var.x`, `data.aws_iam_policy_document.d.json`), if it is one.
 * @param node an expression node
 */
export function traversalOf(node: Node): Traversal | undefined {
  const inner = innerExpression(node);
  if (inner.type !== 'expression') return undefined;
  const [head, ...rest] = inner.namedChildren;
  if (head?.type !== 'variable_expr') return undefined;
  const steps: Step[] = [];
  for (const step of rest) {
    if (step?.type === 'get_attr') steps.push({ attr: step.namedChildren[0]?.text ?? '' });
    else if (step?.type === 'index') {
      const index = step.descendantsOfType('expression')[0];
      if (index) steps.push({ index });
      else steps.push({ attr: step.text.replace(/^\./, '') });
    } else if (step?.type === 'splat') steps.push({ splat: true });
  }
  return { root: head.text, steps };
}

/** The attribute names of a traversal (indices and splats skipped): `aws_iam_role.r[0].arn` → `["aws_iam_role", "r", "arn"]`. */
export function traversalNames(traversal: Traversal): string[] {
  return [traversal.root, ...traversal.steps.flatMap((step) => ('attr' in step ? [step.attr] : []))];
}
