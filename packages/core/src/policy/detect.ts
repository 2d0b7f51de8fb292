import type { DocumentNode, ObjectNode } from '@humanwhocodes/momoa';
import { lastMember } from './build.js';

/**
 * Finds the IAM policy documents in a parsed JSON file. A raw policy file is an object with a
 * `Statement` member. Other JSON (package.json, tsconfig, …) holds no policies.
 * @param document momoa document of the file
 * @returns the root objects of the policies found, in source order
 */
export function findPolicyObjects(document: DocumentNode): ObjectNode[] {
  const root = document.body;
  if (root.type === 'Object' && lastMember(root, 'Statement')) return [root];
  return [];
}
