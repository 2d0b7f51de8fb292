import { hasPartialWildcard, isCanonicalUserId, isServicePrincipal, parseAwsPrincipal } from '../policy/principal.js';
import { defineRule, elementUrl } from './define.js';

/** Flags principal values with partial wildcards and AWS, Service and CanonicalUser values of the wrong shape. */
export default defineRule({
  name: 'invalid-principal-value',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require principal values to be "*" or a well-formed account, IAM or STS ARN, service principal or canonical user ID.',
      details:
        'Principal values are matched literally: "*" alone means everyone, but a * or ? inside a value is not a wildcard and is rejected. AWS values must be a 12-digit account ID or the ARN of an account (…:root), user, role, assumed-role session or federated user; IAM groups cannot be principals. Service values are service principals such as ec2.amazonaws.com; CanonicalUser values are 64 hexadecimal characters. Unique IDs (principal-unique-id), Federated values (invalid-federated-principal) and values with policy variables are left to other rules.',
      references: [elementUrl('principal')],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['UNSUPPORTED_WILDCARD_IN_PRINCIPAL'],
    messages: {
      partialWildcard:
        'Unexpected wildcard in {{principalType}} principal {{value}}: only the whole value "*" is a wildcard; match patterns with a condition such as ArnLike on aws:PrincipalArn.',
      malformedAws:
        'Expected AWS principal {{value}} to be "*", a 12-digit account ID or the ARN of an account root, user, role, assumed-role session or federated user{{hint}}.',
      groupPrincipal: 'Unexpected IAM group {{value}} as a principal: groups cannot be principals; list the users or use a role.',
      malformedService: 'Expected Service principal {{value}} to be a service principal such as "ec2.amazonaws.com"{{hint}}.',
      malformedCanonicalUser: 'Expected CanonicalUser principal {{value}} to be a canonical user ID of 64 hexadecimal characters.',
    },
  },
  create(context) {
    return {
      PrincipalValue(node) {
        const { value, principalType } = node;
        if (value === null || value === '*' || principalType === '*' || value.includes('${')) return;
        const data = { value: JSON.stringify(value), principalType };
        if (hasPartialWildcard(value)) {
          context.report({ node, messageId: 'partialWildcard', data });
        } else if (principalType === 'AWS') {
          const kind = parseAwsPrincipal(value)?.kind;
          const hint = isServicePrincipal(value) ? ` (did you mean {"Service": ${data.value}}?)` : '';
          if (kind === undefined) context.report({ node, messageId: 'malformedAws', data: { ...data, hint } });
          else if (kind === 'group') context.report({ node, messageId: 'groupPrincipal', data });
        } else if (principalType === 'Service' && !isServicePrincipal(value)) {
          const hint = parseAwsPrincipal(value) ? ` (did you mean {"AWS": ${data.value}}?)` : /^[a-z0-9-]+$/.test(value) ? ` (did you mean "${value}.amazonaws.com"?)` : '';
          context.report({ node, messageId: 'malformedService', data: { ...data, hint } });
        } else if (principalType === 'CanonicalUser' && !isCanonicalUserId(value)) {
          context.report({ node, messageId: 'malformedCanonicalUser', data });
        }
      },
    };
  },
});
