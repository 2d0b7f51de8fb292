/**
 * What is module-wide in Terraform: input variables, locals, data sources and resources of all
 * .tf files of one folder, looked up by name from any of its files.
 */
import type { Node } from 'web-tree-sitter';
import type { ReadReferencedFile, Ref, SourceError, SourceFile } from '../types.js';
import { attributesOf, blockLabels, blocksOf, type HclFile } from './hcl.js';

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
  const scope: ModuleScope = { dir, files, variables: new Map(), locals: new Map(), data: new Map(), resources: new Map(), readFile, active: new Set(), errors: new Map(), referenced: new Map(), usedDocuments: new Set() };
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

