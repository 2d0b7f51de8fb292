import { readFile, type ReadFile, fileKind, policiesDocument } from '../sources/read.js';
import { isTerraformParserLoaded, readTerraformModule } from '../sources/terraform/index.js';
import type { ReadReferencedFile } from '../sources/types.js';
import type { FileReport } from './types.js';

/** One file given to `Engine.lintGroup`. */
export interface LintInput {
  /** File contents. */
  text: string;
  /** Path used in results (the CLI passes it relative to the scan root, `/`-separated). */
  file: string;
  /** Path matched by `overrides[].files` and `suppressions[].files` globs; default `file`. */
  matchPath?: string;
  /**
   * Read only for what it declares (the other `.tf` files of a module when one file is checked):
   * its principals, attachments and variables join the group, its policies are not checked and
   * its report is empty.
   */
  contextOnly?: boolean;
}

/** A file a Terraform module read through `file()`/`templatefile()`: its reader output and its text. */
export interface ReferencedFile extends ReadFile {
  text: string;
}

/**
 * Files longer than this (in UTF-16 units) are first checked with `JSON.parse`: large data files
 * (ML annotations, lock files) without a top-level `Statement` and without the top-level members of
 * a template, plan or authorization dump skip the positioned parse, which costs about ten times
 * more time and memory. IAM policies are far smaller (≤ 32 KB).
 */
const QUICK_CHECK_CHARS = 1 << 20;

/** Top-level members that make a large JSON file worth the positioned parse. */
const READ_MEMBERS = ['Statement', 'Resources', 'AWSTemplateFormatVersion', 'planned_values', 'resource_changes', 'UserDetailList', 'RoleDetailList', 'GroupDetailList', 'Policies'];

/** True when `text` is valid JSON whose top level is not an object with a member a reader wants. */
function isValidJsonWithoutPolicy(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return false;
  }
  return typeof value !== 'object' || value === null || Array.isArray(value) || !READ_MEMBERS.some((m) => Object.hasOwn(value as object, m));
}

/**
 * Reads every file of a group with its format's reader. Terraform files are read together, as one
 * module; files they reference are appended after the inputs (they join the principal model but
 * are not checked as part of this group: they are checked as files of their own when scanned).
 * @param inputs the group's files
 * @param readReferenced reads files Terraform references
 * @param reports the inputs' reports, where a notification is added when Terraform is not loaded
 * @returns per input its reader output (undefined for a large JSON file without policies), then the referenced files with their text
 */
export function readGroup(inputs: readonly LintInput[], readReferenced: ReadReferencedFile, reports: FileReport[]): (ReadFile | ReferencedFile | undefined)[] {
  const read: (ReadFile | ReferencedFile | undefined)[] = [];
  const terraform: number[] = [];
  for (const [index, input] of inputs.entries()) {
    if (fileKind(input.file, input.text) === 'terraform') {
      terraform.push(index);
      read.push(undefined);
    } else if (input.text.length > QUICK_CHECK_CHARS && isValidJsonWithoutPolicy(input.text)) {
      read.push(undefined);
    } else {
      read.push(guarded(() => readFile(input.text, input.file), [index], inputs, reports));
    }
  }
  if (terraform.length === 0) return read;
  if (!isTerraformParserLoaded()) {
    for (const index of terraform) {
      const message = `Skipped ${inputs[index]!.file}: the Terraform parser was not loaded (call loadTerraformParser() first).`;
      reports[index]!.notifications.push({ level: 'error', code: 'TERRAFORM_NOT_LOADED', message, file: inputs[index]!.file });
    }
    return read;
  }
  const texts = new Map<string, string>();
  const reading: ReadReferencedFile = (path) => {
    const text = readReferenced(path);
    if (text !== undefined) texts.set(path, text);
    return text;
  };
  const sources = guarded(() => readTerraformModule(terraform.map((i) => ({ text: inputs[i]!.text, file: inputs[i]!.file })), reading), terraform, inputs, reports) ?? [];
  for (const source of sources) {
    const at = terraform.find((i) => inputs[i]!.file === source.file);
    const entry = { source, document: policiesDocument(source) };
    if (at === undefined) read.push({ ...entry, text: texts.get(source.file) ?? '' });
    else read[at] = entry;
  }
  return read;
}

/**
 * Runs a reader so that a failure of iamscope's own (a bug, or input deeper than a reader guards
 * against) costs only the files it reads: each gets a `READER_CRASH` error notification with the
 * reason, and the rest of the scan goes on.
 * @param read the reader call
 * @param indices the inputs it reads
 * @param inputs the group's files
 * @param reports their reports
 * @returns the reader's output, or undefined when it threw
 */
function guarded<T>(read: () => T, indices: readonly number[], inputs: readonly LintInput[], reports: FileReport[]): T | undefined {
  try {
    return read();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    for (const index of indices) {
      const file = inputs[index]!.file;
      reports[index]!.notifications.push({ level: 'error', code: 'READER_CRASH', message: `iamscope could not read the file: ${reason}`, file });
    }
    return undefined;
  }
}
