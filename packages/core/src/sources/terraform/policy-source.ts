/**
 * Where the policy document of a Terraform argument (`policy = …`, `assume_role_policy = …`)
 * comes from: `jsonencode({…})`, a heredoc or quoted JSON string, `data.aws_iam_policy_document.x.json`,
 * `var.x`/`local.x` holding one of these, `file(…)` or `templatefile(…)` of a JSON file.
 * Source of truth: Terraform functions docs (jsonencode, file, templatefile), AWS provider docs.
 */
import type { ObjectNode } from '@humanwhocodes/momoa';
import { posix } from 'node:path';
import type { Node } from 'web-tree-sitter';
import { placeholder } from '../placeholder.js';
import type { SourceFile } from '../types.js';
import { safeDescription } from './describe.js';
import { evaluate, insideJsonString, templateNode, templateText, type At } from './evaluate.js';
import { functionArguments, innerExpression, nodeLoc, traversalOf } from './hcl.js';
import { lineIndex, type LineIndex } from '../../source/line-index.js';
import { MappedText, parseMappedJson } from './mapped-text.js';
import { relocateValue } from '../synthetic.js';
import { policyDocument } from './policy-document.js';
import { addError, nested, type Definition } from './scope.js';

/** A policy document and the file its nodes are located in. */
export interface PolicySource {
  object: ObjectNode;
  /** The file the nodes point into: the .tf file, or a JSON file read with `file()`. */
  file: string;
  /** `data.aws_iam_policy_document.x` when the document is that data source's. */
  via?: string;
}

/** `"${expr}"` written around a single expression (Terraform 0.11 style): the expression. */
function soleInterpolation(template: Node): Node | undefined {
  const parts = template.namedChildren.filter((c) => c && c.type !== 'quoted_template_start' && c.type !== 'quoted_template_end');
  if (parts.length !== 1 || parts[0]!.type !== 'template_interpolation') return undefined;
  return parts[0]!.namedChildren.find((child) => child?.type === 'expression') ?? undefined;
}

/** Parses assembled JSON text of `file`; a syntax error is recorded for that file. */
function parseDocument(mapped: MappedText, lines: LineIndex, file: string, sourceEnd: number, at: At): ObjectNode | undefined {
  if (mapped.text.trim() === '') return undefined;
  const parsed = parseMappedJson(mapped, lines, sourceEnd);
  if (!parsed.ok) {
    addError(at.scope, file, { message: `Invalid JSON in policy: ${parsed.message}`, loc: parsed.loc });
    return undefined;
  }
  return parsed.value.type === 'Object' ? parsed.value : undefined;
}

/**
 * A template file's text as `templatefile` renders it: `${name}` replaced from `vars`, `$${` and
 * `%%{` read as literal `${` and `%{`; any other interpolation is a placeholder naming it, quoted
 * when it stands outside a JSON string (so the rest still parses).
 * @returns the text, or undefined when the template has `%{ }` directives (not rendered)
 */
function substitute(text: string, vars: Map<string, string>): MappedText | undefined {
  const out = new MappedText();
  let position = 0;
  for (const match of text.matchAll(/\$\$\{|%%\{|%\{|\$\{\s*([^}]*?)\s*\}/g)) {
    if (match[0] === '%{') return undefined;
    out.pushVerbatim(text.slice(position, match.index), position);
    const end = match.index + match[0].length;
    if (match[1] === undefined) {
      out.push(match[0][0]!, match.index, match.index + 2);
      out.pushVerbatim('{', match.index + 2);
    } else {
      const quote = insideJsonString(out.text) ? '' : '"';
      out.push(vars.get(match[1]) ?? `${quote}${placeholder(safeDescription(match[1]))}${quote}`, match.index, end);
    }
    position = end;
  }
  out.pushVerbatim(text.slice(position), position);
  return out;
}

/** The module-relative path a `file()`/`templatefile()` argument names, relative to the scan root. */
function referencedPath(arg: Node, at: At): string | undefined {
  const value = evaluate(arg, at);
  if (value.type !== 'String' || value.value.includes('${')) return undefined;
  const joined = arg.text.includes('path.module') || posix.isAbsolute(value.value) ? value.value : posix.join(at.scope.dir, value.value);
  return posix.normalize(joined);
}

/** `file(path)` / `templatefile(path, vars)` of a JSON policy, located in that file. */
function fileDocument(name: string, args: Node[], at: At): PolicySource | undefined {
  const path = args[0] && referencedPath(args[0], at);
  if (!path) return undefined;
  let entry = at.scope.referenced.get(path);
  if (!entry) {
    const text = at.scope.readFile(path);
    if (text === undefined) return undefined;
    const source: SourceFile = { file: path, format: 'terraform', policies: [], principals: [], attachments: [], errors: [] };
    entry = { text, source };
    at.scope.referenced.set(path, entry);
  }
  const vars = new Map<string, string>();
  const varsValue = name === 'templatefile' && args[1] ? evaluate(args[1], at) : undefined;
  for (const member of varsValue?.type === 'Object' ? varsValue.members : []) {
    const v = member.value;
    if (member.name.type === 'String' && (v.type === 'String' || v.type === 'Number' || v.type === 'Boolean')) vars.set(member.name.value, String(v.value));
  }
  const mapped = name === 'templatefile' ? substitute(entry.text, vars) : new MappedText();
  if (!mapped) return undefined;
  if (name === 'file') mapped.pushVerbatim(entry.text, 0);
  const object = parseDocument(mapped, lineIndex(entry.text), path, entry.text.length, at);
  return object && { object, file: path };
}

/** A `var.x`/`local.x` definition's policy, read in the definition's file (reference cycles: none). */
function fromDefinition(definition: Definition, at: At): PolicySource | undefined {
  if (at.scope.active.has(definition.node.id)) return undefined;
  at.scope.active.add(definition.node.id);
  try {
    return policyFrom(definition.node, { ...at, file: definition.file });
  } finally {
    at.scope.active.delete(definition.node.id);
  }
}

/**
 * The document of `data.aws_iam_policy_document.<name>`, located in the data block's file; marks
 * the data source as used.
 * @param name the data source's name
 * @param at where it is referenced (any file of the module)
 * @returns the document, or undefined when the module has no such data source (or on a cycle)
 */
export function dataDocument(name: string, at: At): PolicySource | undefined {
  const address = `aws_iam_policy_document.${name}`;
  const definition = at.scope.data.get(address);
  if (!definition || at.scope.active.has(definition.node.id)) return undefined;
  at.scope.usedDocuments.add(address);
  at.scope.active.add(definition.node.id);
  try {
    const object = policyDocument(definition.node, { ...at, file: definition.file, policyVariables: false }, documentIn);
    return { object, file: definition.file.file, via: `data.${address}` };
  } finally {
    at.scope.active.delete(definition.node.id);
  }
}

/**
 * A document named where another document is built (`source_policy_documents`): located in the
 * current file, at `expr` when it lies in another one.
 */
export function documentIn(expr: Node, at: At): ObjectNode | undefined {
  const source = policyFrom(expr, at);
  if (!source || source.file === at.file.file) return source?.object;
  const loc = nodeLoc(at.file, expr);
  return relocateValue(source.object, () => loc) as ObjectNode;
}

/**
 * The policy document an argument's expression gives, if it can be known.
 * @param expr the argument's value expression
 * @param at where it is written
 * @returns the document and the file it is located in, or undefined (an unknown value, a
 *   reference to something else, references followed deeper than `MAX_HCL_DEPTH`); a JSON
 *   syntax error is recorded in the scope's errors
 */
export function policyFrom(expr: Node, at: At): PolicySource | undefined {
  return nested(at.scope, at.file, expr, () => readPolicy(expr, at), () => undefined);
}

function readPolicy(expr: Node, at: At): PolicySource | undefined {
  const inner = innerExpression(expr);
  if (inner.type === 'function_call') {
    const name = inner.namedChildren[0]?.text ?? '';
    const args = functionArguments(inner);
    if (name === 'jsonencode' && args[0]) {
      const value = evaluate(args[0], at);
      return value.type === 'Object' ? { object: value, file: at.file.file } : undefined;
    }
    return name === 'file' || name === 'templatefile' ? fileDocument(name, args, at) : undefined;
  }
  const template = templateNode(inner);
  if (template) {
    const sole = template.type === 'heredoc_template' ? undefined : soleInterpolation(template);
    if (sole) return policyFrom(sole, at);
    const mapped = templateText(template, at, true);
    const object = mapped && parseDocument(mapped, at.file.lines, at.file.file, template.endIndex, at);
    return object && { object, file: at.file.file };
  }
  const traversal = traversalOf(inner);
  const [first, second] = traversal?.steps ?? [];
  const firstName = first && 'attr' in first ? first.attr : undefined;
  if (traversal?.root === 'data' && firstName === 'aws_iam_policy_document' && second && 'attr' in second) return dataDocument(second.attr, at);
  const table = traversal?.root === 'var' ? at.scope.variables : traversal?.root === 'local' ? at.scope.locals : undefined;
  const definition = firstName === undefined ? undefined : table?.get(firstName);
  return definition && traversal!.steps.length === 1 ? fromDefinition(definition, at) : undefined;
}
