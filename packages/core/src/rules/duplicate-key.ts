import type { ValueNode } from '@humanwhocodes/momoa';
import { defineRule } from './define.js';

/** Flags a JSON key repeated within one object of a policy; JSON parsers silently keep the last one. */
export default defineRule({
  name: 'duplicate-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow repeated keys in a JSON object of a policy.',
      details:
        'The policy grammar forbids repeating a key in one object, yet JSON parsers (and IAM in practice) keep only the last occurrence. Two "StringEquals" blocks in one Condition silently drop the first, which can widen access. Each repeated key is reported at its earlier occurrence.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness', 'security'],
    securitySeverity: 5.0,
    precision: 'very-high',
    messages: { duplicateKey: 'Duplicate key "{{key}}": only its last occurrence (line {{line}}) takes effect.' },
  },
  create(context) {
    return {
      Policy(policy) {
        const stack: ValueNode[] = [policy.object];
        while (stack.length > 0) {
          const node = stack.pop()!;
          if (node.type === 'Array') {
            for (const element of node.elements) stack.push(element.value);
          } else if (node.type === 'Object') {
            const last = new Map<string, number>();
            for (const member of node.members) {
              if (member.name.type === 'String') last.set(member.name.value, member.name.loc.start.line);
              stack.push(member.value);
            }
            const seenLast = new Set<string>();
            for (let i = node.members.length - 1; i >= 0; i--) {
              const name = node.members[i]!.name;
              if (name.type !== 'String') continue;
              if (seenLast.has(name.value)) {
                context.report({ loc: name.loc, messageId: 'duplicateKey', data: { key: name.value, line: last.get(name.value)! } });
              }
              seenLast.add(name.value);
            }
          }
        }
      },
    };
  },
});
