import type { DocumentNode } from '@humanwhocodes/momoa';
import { findPolicyObjects } from '../policy/detect.js';
import type { SourceFile } from './types.js';

/**
 * Reads a raw JSON policy file (root object with `Statement`): one policy document whose type is
 * inferred later by the engine (or set by a configuration override), no principals.
 * @param document momoa document of the file
 * @param file the file as given to the engine
 * @returns the file's one policy, or no policy for other JSON (package.json, tsconfig.json, …)
 */
export function readPolicyJson(document: DocumentNode, file: string): SourceFile {
  const policies = findPolicyObjects(document).map((object) => ({ object, policyType: 'unknown' as const, path: '' }));
  return { file, ...(policies.length > 0 ? { format: 'policy-json' as const } : {}), policies, principals: [], attachments: [], errors: [] };
}
