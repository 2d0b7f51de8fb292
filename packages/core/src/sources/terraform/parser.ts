/**
 * The HCL parser: web-tree-sitter with the Terraform grammar of
 * `@tree-sitter-grammars/tree-sitter-hcl` (its `.wasm`, read from the installed package; no
 * network). Loading is asynchronous and done once; parsing is synchronous afterwards.
 */
import { createRequire } from 'node:module';
import type { Parser, Tree } from 'web-tree-sitter';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/**
 * Initialises web-tree-sitter and loads `tree-sitter-terraform.wasm`. Idempotent: later calls
 * return the first call's promise. Takes about 20 ms (measured on the project machine).
 * @returns a promise that resolves once {@link parseHcl} can be called
 */
export function loadTerraformParser(): Promise<void> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    // imported here, so scans without Terraform files do not load it
    const { Language, Parser } = await import('web-tree-sitter');
    await Parser.init();
    const language = await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
    const instance = new Parser();
    instance.setLanguage(language);
    parser = instance;
  })();
  return loading;
}

/** Whether {@link loadTerraformParser} has completed, so `.tf` files can be read synchronously. */
export function isTerraformParserLoaded(): boolean {
  return parser !== undefined;
}

/**
 * Parses HCL text (tree-sitter recovers from syntax errors with ERROR and MISSING nodes).
 * @param text the .tf file's contents
 * @returns the syntax tree; its indices and columns are UTF-16 code units
 * @throws Error when {@link loadTerraformParser} has not completed (a programming error)
 */
export function parseHcl(text: string): Tree {
  if (!parser) throw new Error('The Terraform parser is not loaded: await loadTerraformParser() first.');
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree for a Terraform file.');
  return tree;
}
