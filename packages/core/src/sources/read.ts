/**
 * Picks the reader for a file by its name and contents and runs it. Raw JSON policies,
 * CloudFormation templates (JSON, YAML; CDK output is CloudFormation JSON), Terraform plan JSON and
 * authorization-details dumps are read one file at a time; Terraform `.tf` files one module
 * folder at a time (`readTerraformModule`), because variables, locals and data sources are shared
 * across the folder's files.
 */
import type { DocumentNode } from '@humanwhocodes/momoa';
import { parseJson, parseJsonc } from '../json/parse.js';
import { positionAt } from '../source/location.js';
import { findPolicyObjects } from '../policy/detect.js';
import { isAuthorizationDetails, readAuthorizationDetails } from './authorization-details/index.js';
import { isCloudFormationTemplate, readCloudFormationJson, readCloudFormationYaml } from './cloudformation/index.js';
import { readPolicyJson } from './policy-json.js';
import { documentNode, memberNode, objectNode } from './synthetic.js';
import { isTerraformPlan, readTerraformPlan } from './terraform/index.js';
import type { SourceFile } from './types.js';

/** A file's reader output and the JSON tree its results' fingerprints are computed on. */
export interface ReadFile {
  source: SourceFile;
  /** The momoa document (JSON formats) or a synthetic one over the extracted policies; undefined after a syntax error. */
  document?: DocumentNode;
}

/** How the engine reads a file, by its name. */
export type FileKind = 'terraform' | 'yaml' | 'json';

/**
 * The reader family for a file name: `.tf` Terraform, `.yaml`/`.yml` YAML, `.template` YAML unless
 * its first non-blank character is `{`; every other name is read as JSON.
 * @param file path (only the extension counts, any case)
 * @param text contents (for `.template`)
 */
export function fileKind(file: string, text: string): FileKind {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tf')) return 'terraform';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.template')) return /^[\s\ufeff]*[{[]/.test(text) || text.trim() === '' ? 'json' : 'yaml';
  return 'json';
}

/** Whether YAML text that did not parse still shows it is meant as a CloudFormation template. */
function looksLikeTemplate(text: string): boolean {
  return /AWSTemplateFormatVersion|\bType:\s*['"]?AWS::/.test(text);
}

/**
 * A synthetic document whose root object has one member per extracted policy (named by its
 * `path`), so fingerprints of results in YAML or HCL files have stable JSON paths.
 * @param source the reader output
 */
export function policiesDocument(source: SourceFile): DocumentNode | undefined {
  const first = source.policies[0];
  if (!first) return undefined;
  const members = source.policies.map((p) => memberNode(p.path, p.object.loc, p.object));
  return documentNode(objectNode(members, first.object.loc));
}

/**
 * Reads a file that is not Terraform HCL. Never throws: syntax errors become `errors`.
 * Invalid JSON that is valid JSONC without a policy (tsconfig.json) and invalid YAML that shows no
 * sign of being a CloudFormation template (a Helm chart template) hold nothing to check and give
 * no error. Text that is UTF-16 without a byte-order mark ({@link utf16WithoutBom}) is not parsed:
 * it gives that error (for YAML, only when it looks like a template once the NULs are removed).
 * @param text file contents
 * @param file path used in results
 * @returns the reader output and the document for fingerprints
 */
export function readFile(text: string, file: string): ReadFile {
  const kind = fileKind(file, text);
  const utf16 = utf16WithoutBom(text);
  if (utf16) {
    const relevant = kind === 'json' || looksLikeTemplate(text.replaceAll('\0', ''));
    return { source: { file, policies: [], principals: [], attachments: [], errors: relevant ? [utf16] : [] } };
  }
  if (kind === 'yaml') {
    const source = readCloudFormationYaml(text, file);
    if (source.errors.length > 0 && source.policies.length === 0 && !looksLikeTemplate(text)) return { source: { ...source, errors: [] } };
    return { source, document: policiesDocument(source) };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const jsonc = parseJsonc(text);
    const errors = jsonc && findPolicyObjects(jsonc).length === 0 ? [] : [oneCharacterError(parsed.error.message, parsed.error.position, text)];
    return { source: { file, policies: [], principals: [], attachments: [], errors } };
  }
  const { document } = parsed;
  const root = document.body;
  if (isCloudFormationTemplate(root)) return { source: readCloudFormationJson(document, text, file), document };
  if (isTerraformPlan(root)) return { source: readTerraformPlan(document, text, file), document };
  if (isAuthorizationDetails(root)) return { source: readAuthorizationDetails(document, text, file), document };
  return { source: readPolicyJson(document, file), document };
}

/**
 * The error for text that is UTF-16 decoded as UTF-8: a UTF-16 file without a byte-order mark
 * (the CLI decodes UTF-16 only after a BOM) holds a NUL (U+0000) next to every ASCII character.
 * Used for JSON and YAML alike, before either parser sees the NULs.
 * Source of truth: RFC 2781 §3.3 (UTF-16 without a BOM); YAML 1.2.2 §5.2 and RFC 8259 §8.1 (text is UTF-8 unless marked).
 * @param text the file's text as decoded
 * @returns an error one character wide at the first NUL when at least a quarter of the first
 *   1,024 characters are NULs, else undefined (other text, including other binary data, is left to the parsers)
 */
export function utf16WithoutBom(text: string): SourceFile['errors'][number] | undefined {
  const sample = text.slice(0, 1024);
  const nuls = sample.split('\0').length - 1;
  if (nuls === 0 || nuls * 4 < sample.length) return undefined;
  const at = sample.indexOf('\0');
  const order = at % 2 === 1 ? 'little-endian' : 'big-endian';
  const message = `The file looks like UTF-16 (${order}) without a byte-order mark: every other character is NUL (U+0000). Save it as UTF-8, or as UTF-16 with a byte-order mark.`;
  return oneCharacterError(message, positionAt(text, at), text);
}

/** An error one character wide (empty at the end of the text). */
function oneCharacterError(message: string, start: { line: number; column: number; offset: number }, text: string): SourceFile['errors'][number] {
  const width = start.offset < text.length ? 1 : 0;
  return { message, loc: { start, end: { line: start.line, column: start.column + width, offset: start.offset + width } } };
}
