/**
 * What is module-wide in Terraform: input variables, locals, data sources and resources of all
 * .tf files of one folder, looked up by name from any of its files.
 */
import type { Node } from 'web-tree-sitter';
import { MAX_JSON_DEPTH } from '../../json/prescan.js';
import type { ReadReferencedFile, Ref, SourceError, SourceFile } from '../types.js';
import { attributesOf, blockLabels, blocksOf, nodeLoc, type HclFile } from './hcl.js';

/** A named definition and the file it is written in. */
export interface Definition {
  /** The default/value expression (variables, locals) or the block (data sources, resources). */
  node: Node;
  file: HclFile;
}

/** The module being read. */
export interface ModuleScope {
  /** Module folder relative to the scan root, `/`-separated, `.` for the root. */
  dir: string;
  files: HclFile[];
  /** `variable "x"` blocks with a `default`, by name. */
  variables: Map<string, Definition>;
  /** `locals { x = … }` entries, by name. */
  locals: Map<string, Definition>;
  /** Data sources by address without `data.` (`aws_iam_policy_document.x`). */
  data: Map<string, Definition>;
  /** Resources by address (`aws_iam_role.x`), in file order. */
  resources: Map<string, Definition>;
  readFile: ReadReferencedFile;
  /** Ids of definitions being evaluated, to cut reference cycles. */
  active: Set<number>;
  /** Nesting levels being read now (values, references, documents), see {@link nested}. */
  depth: number;
  /** Errors found while reading, by file (the module's files and referenced files). */
  errors: Map<string, SourceError[]>;
  /** Files read through `file()`/`templatefile()`, by path, with the text they hold. */
  referenced: Map<string, { text: string; source: SourceFile }>;
  /** Addresses of the `aws_iam_policy_document` data sources that something uses. */
  usedDocuments: Set<string>;
}

/**
 * Records an error once (a document used in several places is read once per use).
 * @param file the file the error's location points into
 */
export function addError(scope: ModuleScope, file: string, error: SourceError): void {
  const list = scope.errors.get(file) ?? [];
  if (!list.some((e) => e.loc.start.offset === error.loc.start.offset && e.message === error.message)) list.push(error);
  scope.errors.set(file, list);
}

/**
 * Indexes the top-level blocks of a module's files. Blocks with syntax errors are left out (their
 * errors are reported; what they declare is unknown).
 * @param dir module folder (`.` for the scan root)
 * @param files the module's parsed files
 * @param readFile reads files referenced by `file()`/`templatefile()`
 */
export function moduleScope(dir: string, files: HclFile[], readFile: ReadReferencedFile): ModuleScope {
  const scope: ModuleScope = { dir, files, variables: new Map(), locals: new Map(), data: new Map(), resources: new Map(), readFile, active: new Set(), depth: 0, errors: new Map(), referenced: new Map(), usedDocuments: new Set() };
  for (const file of files) {
    for (const block of blocksOf(file.body)) {
      if (block.hasError) continue;
      const type = block.namedChildren[0]?.text;
      const labels = blockLabels(block);
      if (type === 'variable' && labels.length === 1) {
        const value = attributesOf(block).get('default')?.value;
        if (value) scope.variables.set(labels[0]!, { node: value, file });
      } else if (type === 'locals') {
        for (const [name, attribute] of attributesOf(block)) scope.locals.set(name, { node: attribute.value, file });
      } else if (type === 'data' && labels.length === 2) {
        scope.data.set(`${labels[0]}.${labels[1]}`, { node: block, file });
      } else if (type === 'resource' && labels.length === 2) {
        scope.resources.set(`${labels[0]}.${labels[1]}`, { node: block, file });
      }
    }
  }
  return scope;
}

/**
 * The reference key of a resource or data source of the module.
 * @param address `aws_iam_role.x` or `data.aws_iam_policy_document.x`
 * @returns `tf:<dir>#<address>`
 */
export function tfRef(scope: ModuleScope, address: string): Ref {
  return `tf:${scope.dir}#${address}`;
}


/** Deepest nesting the reader follows (the JSON reader's limit); IAM documents need fewer than 10 levels. */
export const MAX_HCL_DEPTH = MAX_JSON_DEPTH;

/**
 * Runs one nesting level of the reader (an HCL value inside another, a reference followed, a
 * document named by another), so that no input can exhaust the stack: past
 * {@link MAX_HCL_DEPTH} levels, `tooDeep()` is returned instead and an error is recorded at
 * `node` (once per file).
 * @param file the file `node` is in
 * @param node the node read at this level
 * @param read reads it
 * @param tooDeep the stand-in value when the limit is passed
 */
export function nested<T>(scope: ModuleScope, file: HclFile, node: Node, read: () => T, tooDeep: () => T): T {
  if (scope.depth > MAX_HCL_DEPTH) {
    const message = `Invalid HCL: nested deeper than ${MAX_HCL_DEPTH} levels.`;
    const start = nodeLoc(file, node).start;
    if (!scope.errors.get(file.file)?.some((e) => e.message === message)) addError(scope, file.file, { message, loc: { start, end: start } });
    return tooDeep();
  }
  scope.depth++;
  try {
    return read();
  } finally {
    scope.depth--;
  }
}
