import { buildPolicy } from '../policy/build.js';
import { parseJson } from '../json/parse.js';
import { findPolicyObjects } from '../policy/detect.js';
import type { PolicyNode } from '../policy/nodes.js';
import { awsManagedPolicy } from './managed-policies.js';

const nodes = new Map<string, PolicyNode | undefined>();

/**
 * The IAM AST of an AWS managed policy from iamscope's snapshot (`catalog/managed-policies.ts`),
 * built once per policy. Its positions refer to the snapshot entry's 2-space-indented text and its origin file
 * is `aws-managed-policy:<name>`; rules do not run on it, it only joins a principal's permissions.
 * @param arn the policy ARN (any partition), e.g. `arn:aws:iam::aws:policy/AmazonSageMakerFullAccess`
 * @returns the policy, or undefined when the ARN names no AWS managed policy of the snapshot
 */
export function awsManagedPolicyNode(arn: string): PolicyNode | undefined {
  if (nodes.has(arn)) return nodes.get(arn);
  const entry = awsManagedPolicy(arn);
  let node: PolicyNode | undefined;
  if (entry) {
    const parsed = parseJson(entry.text);
    const object = parsed.ok ? findPolicyObjects(parsed.document)[0] : undefined;
    if (object) node = buildPolicy(object, { file: `aws-managed-policy:${entry.name}`, policyType: 'identity', policyTypeInferred: false });
  }
  nodes.set(arn, node);
  return node;
}
