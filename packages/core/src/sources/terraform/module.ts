/**
 * `readTerraformModule`: all .tf files of one module folder read together (variables, locals and
 * data sources are module-wide), one SourceFile per file, plus one per JSON file read through
 * `file()`/`templatefile()`.
 */
import { posix } from 'node:path';
import type { ReadReferencedFile, SourceFile } from '../types.js';
import { bodyOf, type HclFile } from './hcl.js';
import { lineIndex, type LineIndex } from '../../source/line-index.js';
import { parseHcl } from './parser.js';
import { dataDocument } from './policy-source.js';
import { readResources } from './resources.js';
import { moduleScope } from './scope.js';
import { syntaxErrors } from './syntax-errors.js';

/**
 * Reads the .tf files of one module folder.
 * @param files every .tf file of the folder: text and path relative to the scan root (`/`-separated)
 * @param readFile reads files named by `file()`/`templatefile()` (path relative to the scan root)
 * @returns one SourceFile per input file (format `terraform`, in input order), then one per
 *   referenced JSON file holding the policies located in it; never throws for bad input
 * @throws Error when `loadTerraformParser()` has not completed
 */
export function readTerraformModule(files: { text: string; file: string }[], readFile: ReadReferencedFile): SourceFile[] {
  const dir = files.length > 0 ? posix.dirname(files[0]!.file) : '.';
  const hclFiles: HclFile[] = [];
  const sources = new Map<string, SourceFile>();
  const errors = new Map<string, SourceFile['errors']>();
  for (const { text, file } of files) {
    const tree = parseHcl(text);
    const hcl: HclFile = { file, text, lines: lineIndex(text), body: bodyOf(tree.rootNode) };
    hclFiles.push(hcl);
    errors.set(file, syntaxErrors(hcl, tree.rootNode));
    sources.set(file, { file, format: 'terraform', policies: [], principals: [], attachments: [], errors: [] });
  }
  const scope = moduleScope(dir, hclFiles, readFile);
  const out = (file: string): SourceFile => sources.get(file) ?? scope.referenced.get(file)!.source;
  readResources(scope, out);
  for (const [address, definition] of scope.data) {
    if (!address.startsWith('aws_iam_policy_document.') || scope.usedDocuments.has(address)) continue;
    const source = dataDocument(address.slice('aws_iam_policy_document.'.length), { scope, file: definition.file });
    if (source) out(source.file).policies.push({ object: source.object, policyType: 'unknown', path: `data.${address}` });
  }
  for (const [file, list] of scope.errors) out(file).errors.push(...list);
  for (const [file, list] of errors) sources.get(file)!.errors.unshift(...list);
  for (const source of sources.values()) source.errors.sort((a, b) => a.loc.start.offset - b.loc.start.offset);
  return [...sources.values(), ...[...scope.referenced.values()].map((entry) => entry.source)];
}
