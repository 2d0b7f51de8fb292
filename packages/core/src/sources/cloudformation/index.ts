/**
 * CloudFormation templates (JSON and YAML) and CDK output (`cdk.out/*.template.json`, a JSON
 * template whose resources carry `aws:cdk:path` metadata): the entry points the engine calls.
 * See docs/formats.md ("CloudFormation and CDK") for what is read and resolved.
 */
import type { DocumentNode } from '@humanwhocodes/momoa';
import { lineIndex } from '../../source/line-index.js';
import type { SourceFile } from '../types.js';
import { extractTemplate } from './extract.js';
import { scalarMap } from './scalar-map.js';
import { indexTemplate, isCloudFormationTemplate } from './template.js';
import { MAX_YAML_DEPTH, yamlTooDeep } from './yaml-depth.js';
import { yamlTree } from './yaml-tree.js';

export { isCloudFormationTemplate } from './template.js';

/**
 * Reads a JSON template already parsed by momoa (`json/parse.ts`).
 * @param document the parsed file
 * @param text the file's text (for the positions of policies written as JSON strings)
 * @param file the path used in results and in `cfn:<file>#<LogicalId>` references
 * @returns the template's policies, principals and attachments (`format: 'cloudformation'`), or an
 *   empty result without format when the document is not a template
 */
export function readCloudFormationJson(document: DocumentNode, text: string, file: string): SourceFile {
  const root = document.body;
  if (!isCloudFormationTemplate(root) || root.type !== 'Object') return { file, policies: [], principals: [], attachments: [], errors: [] };
  const lines = lineIndex(text);
  const template = indexTemplate(root, file, lines, (node) => scalarMap(text, node.loc.start.offset, node.loc.end.offset, 'QUOTE_DOUBLE', node.value));
  return { file, format: 'cloudformation', ...extractTemplate(template) };
}

/**
 * Reads a YAML template, or every template of a multi-document stream. Never throws: YAML syntax
 * errors, aliases that expand too far and nesting deeper than {@link MAX_YAML_DEPTH} are `errors`
 * with positions. A document with a syntax error gives its errors and no policies; the other
 * documents of the stream are still read, and so is a document whose aliases were cut off (they
 * are null). The format is set when a document is a template. A well-formed YAML file that is not
 * a template (a workflow, a compose file) gives no format, policies or errors. The templates of a
 * stream are independent: the second one's references are `cfn:<file> (document 2)#<LogicalId>`
 * and its policy paths start with `(document 2) `.
 * @param text the file's text
 * @param file the path used in results and in `cfn:<file>#<LogicalId>` references
 * @returns what the templates declare
 */
export function readCloudFormationYaml(text: string, file: string): SourceFile {
  const lines = lineIndex(text);
  const out: SourceFile = { file, policies: [], principals: [], attachments: [], errors: [] };
  const tooDeep = yamlTooDeep(text);
  if (tooDeep !== undefined) return { ...out, errors: [{ message: `YAML nested deeper than ${MAX_YAML_DEPTH} levels.`, loc: lines.location(tooDeep, tooDeep) }] };
  try {
    const tree = yamlTree(text, lines);
    tree.documents.forEach((document, i) => {
      out.errors.push(...document.syntaxErrors);
      if (!isCloudFormationTemplate(document.body)) return;
      out.format = 'cloudformation';
      if (document.syntaxErrors.length > 0 || document.body?.type !== 'Object') return;
      const label = i === 0 ? '' : ` (document ${i + 1})`;
      const contents = extractTemplate(indexTemplate(document.body, `${file}${label}`, lines, tree.scalarMapOf));
      out.policies.push(...contents.policies.map((p) => (label ? { ...p, path: `(document ${i + 1}) ${p.path}` } : p)));
      out.principals.push(...contents.principals);
      out.attachments.push(...contents.attachments);
      out.errors.push(...contents.errors);
    });
    out.errors.push(...tree.problems);
    return out;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { ...out, policies: [], principals: [], attachments: [], errors: [{ message: 'YAML nested too deeply to read.', loc: lines.location(0, 0) }] };
  }
}
