import { parseJson } from '../json/parse.js';
import { buildPolicy } from './build.js';
import { findPolicyObjects } from './detect.js';
import type { PolicyNode, PolicyType } from './nodes.js';

/**
 * Builds the IAM AST of a policy document given as text (e.g. to ask `access` or `outside`
 * about policies that are not in a scanned file).
 * @param text a JSON policy document (root object with `Statement`)
 * @param policyType the document's policy type (default `identity`)
 * @param file the name positions refer to (default `policy.json`)
 * @returns the policy
 * @throws Error when the text is not JSON or not a policy document (the message gives line:column)
 */
export function policyFromText(text: string, policyType: PolicyType = 'identity', file = 'policy.json'): PolicyNode {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(`${file}:${parsed.error.position.line}:${parsed.error.position.column}: ${parsed.error.message}`);
  const [object] = findPolicyObjects(parsed.document);
  if (!object) throw new Error(`${file}: not a policy document (no Statement at the root)`);
  return buildPolicy(object, { file, policyType, policyTypeInferred: false });
}
