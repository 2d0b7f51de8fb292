import type { SidNode } from '../policy/nodes.js';
import { defineRule, elementUrl } from './define.js';
import { IAM_POLICY_TYPES } from './invalid-sid.js';

/**
 * A `Sid` visitor that calls `report` for each Sid already used by an earlier statement of the
 * same policy (empty Sids are left to empty-element).
 * @param report receives the repeated Sid node and the 1-based line of its first use
 * @returns the visitor
 */
export function repeatedSids(report: (node: SidNode, firstLine: number) => void): { Sid(node: SidNode): void } {
  const seen = new Map<string, number>();
  return {
    Sid(node) {
      if (node.value === null || node.value === '') return;
      const first = seen.get(node.value);
      if (first === undefined) seen.set(node.value, node.loc.start.line);
      else report(node, first);
    },
  };
}

/** Flags a `Sid` used by an earlier statement of the same IAM policy. */
export default defineRule({
  name: 'duplicate-sid',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow two statements with the same Sid in an IAM policy.',
      details:
        'IAM requires the Sids of one identity policy, permissions boundary, trust policy or SCP to be unique, and rejects the policy otherwise. Each repeated Sid is reported at the later statement, naming the line of the first.',
      references: [elementUrl('sid')],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: IAM_POLICY_TYPES,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['UNIQUE_SIDS_REQUIRED'],
    messages: { duplicateSid: 'Duplicate Sid "{{sid}}": the statement on line {{line}} uses it already.' },
  },
  create(context) {
    return repeatedSids((node, line) => context.report({ node, messageId: 'duplicateSid', data: { sid: node.value!, line } }));
  },
});
