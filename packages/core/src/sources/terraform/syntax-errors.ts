/**
 * HCL syntax errors from tree-sitter's error recovery: one `SourceError` per top-level block (or
 * stretch of the file between blocks) that holds ERROR or MISSING nodes, at the first of them; and
 * quoted strings running over a line end (HCL forbids them; tree-sitter reads on to the next quote).
 * Messages speak of what the user wrote: an unclosed bracket at the bracket that opens it, an
 * unterminated heredoc at its `<<EOF`. Trees are walked without recursion (they can be thousands
 * of levels deep).
 */
import type { Node } from 'web-tree-sitter';
import type { SourceError } from '../types.js';
import { nodeLoc, type HclFile } from './hcl.js';

function isQuoted(node: Node): boolean {
  return node.type === 'quoted_template' || node.type === 'string_lit';
}

/** The first ERROR or MISSING node under `node`, depth first in file order (no recursion: trees may be thousands of levels deep). */
function firstError(node: Node): Node | undefined {
  const stack = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.isError || current.isMissing) return current;
    if (!current.hasError) continue;
    const children = current.children.filter((child): child is Node => child !== null);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

/** The first ERROR/MISSING node or multi-line quoted string in a region, in file order. */
function firstProblem(region: Node): Node | undefined {
  const error = firstError(region);
  const quoted = (isQuoted(region) ? [region] : region.descendantsOfType(['quoted_template', 'string_lit'])).find(
    (node) => node !== null && /[\r\n]/.test(node.text),
  );
  if (!error || !quoted) return error ?? quoted ?? undefined;
  return quoted.startIndex < error.startIndex ? quoted : error;
}

/** The opening token each closing token answers (`}` also closes `${` and `%{`). */
const OPENERS: Record<string, string[]> = { ']': ['['], tuple_end: ['['], ')': ['('], '}': ['{', '${', '%{'], object_end: ['{'], block_end: ['{'] };

/** Wrapper node types whose text is one bracket token. */
const BRACKET_NODES = new Set(['tuple_start', 'tuple_end', 'object_start', 'object_end', 'block_start', 'block_end', 'template_interpolation_start', 'template_interpolation_end', 'template_directive_start', 'template_directive_end']);

/** The token a MISSING closing bracket should have closed: the first child of the nearest ancestor that starts with its opener. */
function openerOf(missing: Node): Node | undefined {
  const openers = OPENERS[missing.type];
  if (!openers) return undefined;
  for (let ancestor = missing.parent; ancestor; ancestor = ancestor.parent) {
    const first = ancestor.firstChild;
    if (first && first.id !== missing.id && openers.includes(first.text)) return first;
  }
  return undefined;
}

/** `start:end` position of a node, for messages. */
function at(file: HclFile, node: Node): string {
  const { line, column } = nodeLoc(file, node).start;
  return `${line}:${column}`;
}

/** A problem to report: its message and the node it is located at. */
interface Problem {
  message: string;
  node: Node;
  /** Report at the start of the node only (a token that is missing, an opening bracket). */
  point: boolean;
}

/** An unclosed bracket (its closer missing): reported at the opening bracket. */
function unclosed(file: HclFile, opener: Node, where: Node): Problem {
  const closer = opener.text === '[' ? ']' : opener.text === '(' ? ')' : '}';
  return { message: `Invalid HCL: unclosed "${opener.text}": expected "${closer}" by ${at(file, where)}`, node: opener, point: true };
}

/** The first opening bracket left unclosed among the tokens under `node` (no recursion), for a tree tree-sitter could not structure at all. */
function firstUnclosed(file: HclFile, node: Node): Problem | undefined {
  const open: Node[] = [];
  const stack = [node];
  for (let current = stack.pop(); current; current = stack.pop()) {
    if (current.childCount === 0 || BRACKET_NODES.has(current.type)) {
      const text = current.text;
      if (['[', '(', '{', '${', '%{'].includes(text)) open.push(current);
      else if ([']', ')', '}'].includes(text)) {
        const top = open.pop();
        if (top && !OPENERS[text]!.includes(top.text)) return unclosed(file, top, current);
      }
      continue;
    }
    const children = current.children.filter((child): child is Node => child !== null);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return open[0] && unclosed(file, open[0], node.lastChild ?? node);
}

/** Whether a quoted string starts at `offset` and is not closed on its line. */
function unterminatedAt(text: string, offset: number): boolean {
  const line = text.slice(offset).split(/\r\n|\r|\n/)[0]!;
  return line.startsWith('"') && !/^"(?:[^"\\]|\\.)*"/.test(line);
}

function describe(file: HclFile, node: Node): Problem {
  const opener = node.isMissing ? openerOf(node) : undefined;
  if (opener) return unclosed(file, opener, node);
  if (node.isMissing && node.type === 'heredoc_identifier' && node.parent?.type === 'heredoc_template') {
    const [start, identifier] = node.parent.children;
    if (start && identifier && identifier.id !== node.id) {
      return { message: `Invalid HCL: unterminated heredoc: no closing "${identifier.text}" line`, node: node.parent, point: false };
    }
  }
  if (node.isMissing) return { message: `Invalid HCL: missing "${node.type}"`, node, point: true };
  if (isQuoted(node) || unterminatedAt(file.text, node.startIndex)) {
    return { message: 'Invalid HCL: unterminated string (a quoted string cannot span lines)', node, point: false };
  }
  const leaf = node.firstChild ?? node;
  const token = (leaf.text || file.text.slice(node.startIndex, node.startIndex + 1)).split(/\s/)[0]!.slice(0, 30);
  return { message: token ? `Invalid HCL: unexpected "${token}"` : 'Invalid HCL: unexpected end of file', node, point: false };
}

/**
 * The syntax errors of a parsed file.
 * @param file the file (its `body` node's children are the regions)
 * @param root the tree's root node (`config_file`)
 * @returns errors in file order, at most one per top-level block or stray token run
 */
export function syntaxErrors(file: HclFile, root: Node): SourceError[] {
  if (root.isError) {
    const problem = firstUnclosed(file, root) ?? describe(file, root);
    return [located(file, problem)];
  }
  const regions = root.children.flatMap((child) => (child?.type === 'body' ? child.children : [child]));
  const errors: SourceError[] = [];
  for (const region of regions) {
    const problem = region && firstProblem(region);
    if (problem) errors.push(located(file, describe(file, problem)));
  }
  return errors;
}

function located(file: HclFile, problem: Problem): SourceError {
  const loc = nodeLoc(file, problem.node);
  if (problem.point) return { message: problem.message, loc: { start: loc.start, end: loc.start } };
  if (problem.node.type === 'heredoc_template') {
    const identifier = problem.node.children[1]!;
    return { message: problem.message, loc: file.lines.location(problem.node.startIndex, identifier.endIndex) };
  }
  return { message: problem.message, loc };
}
