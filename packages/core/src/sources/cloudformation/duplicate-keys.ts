/**
 * Duplicate keys of a template outside its policy documents (two resources with one logical id,
 * a property written twice). JSON and YAML parsing keep both members and every lookup takes the
 * last one, so without a report the first would vanish silently; inside a policy document the
 * `duplicate-key` rule reports them instead.
 * Source of truth: CloudFormation rejects a template whose keys repeat (cfn-lint's E0000
 * "Duplicate found"); the last-one-wins reading is iamscope's, for the rest of the file.
 */
import type { ObjectNode, ValueNode } from '@humanwhocodes/momoa';
import { memberName } from '../../policy/build.js';
import type { SourceError } from '../types.js';

/**
 * The duplicate keys of a template, one error at each key that repeats an earlier one of its object.
 * @param root the template's root object
 * @param policies the policy documents read from it (skipped with everything inside them, matched
 *   by position); a node shared by YAML aliases is looked at once
 * @returns the errors, in document order
 */
export function duplicateKeys(root: ObjectNode, policies: readonly ObjectNode[]): SourceError[] {
  const skip = new Set(policies.map((p) => `${p.loc.start.offset}:${p.loc.end.offset}`));
  const errors: SourceError[] = [];
  const seen = new Set<ValueNode>();
  const stack: ValueNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node) || skip.has(`${node.loc.start.offset}:${node.loc.end.offset}`)) continue;
    seen.add(node);
    if (node.type === 'Array') stack.push(...node.elements.map((e) => e.value));
    if (node.type !== 'Object') continue;
    const first = new Map<string, number>();
    for (const member of node.members) {
      const name = memberName(member);
      const line = first.get(name);
      if (line === undefined) first.set(name, member.name.loc.start.line);
      else errors.push({ message: `Duplicate key "${name}" (also at line ${line}): CloudFormation rejects a template with duplicate keys; iamscope reads only the last one.`, loc: member.name.loc });
    }
    stack.push(...node.members.map((m) => m.value));
  }
  return errors.sort((a, b) => a.loc.start.offset - b.loc.start.offset);
}
