/**
 * HCL syntax errors from tree-sitter's error recovery: one `SourceError` per top-level block (or
 * stretch of the file between blocks) that holds ERROR or MISSING nodes, at the first of them; and
 * quoted strings running over a line end (HCL forbids them; tree-sitter reads on to the next quote).
 */
import type { Node } from 'web-tree-sitter';
import type { SourceError } from '../types.js';
import { nodeLoc, type HclFile } from './hcl.js';

function isQuoted(node: Node): boolean {
  return node.type === 'quoted_template' || node.type === 'string_lit';
}

function firstError(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node;
  if (!node.hasError) return undefined;
  for (const child of node.children) {
    const found = child && firstError(child);
    if (found) return found;
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

function describe(file: HclFile, node: Node): string {
  if (node.isMissing) return `Invalid HCL: missing "${node.type}"`;
  if (isQuoted(node)) return 'Invalid HCL: unterminated string (a quoted string cannot span lines)';
  const leaf = node.firstChild ?? node;
  const token = (leaf.text || file.text.slice(node.startIndex, node.startIndex + 1)).split(/\s/)[0]!.slice(0, 30);
  return token ? `Invalid HCL: unexpected "${token}"` : 'Invalid HCL: unexpected end of file';
}

/**
 * The syntax errors of a parsed file.
 * @param file the file (its `body` node's children are the regions)
 * @param root the tree's root node (`config_file`)
 * @returns errors in file order, at most one per top-level block or stray token run
 */
export function syntaxErrors(file: HclFile, root: Node): SourceError[] {
  const regions = root.children.flatMap((child) => (child?.type === 'body' ? child.children : [child]));
  const errors: SourceError[] = [];
  for (const region of regions) {
    const problem = region && firstProblem(region);
    if (!problem) continue;
    const loc = nodeLoc(file, problem);
    errors.push({ message: describe(file, problem), loc: problem.isMissing ? { start: loc.start, end: loc.start } : loc });
  }
  return errors;
}
