import { closest } from '../catalog/suggest.js';
import { memberName } from '../policy/build.js';
import { isServicePrincipal, parseAwsPrincipal, principalElement, PRINCIPAL_TYPES } from '../policy/principal.js';
import { defineRule, describeValue, elementUrl } from './define.js';

/**
 * The principal type a bare string most likely belongs under, for "did you mean".
 * @returns e.g. ` (did you mean {"AWS": "123456789012"}?)`, or an empty string
 */
function wrapHint(value: string): string {
  const type = parseAwsPrincipal(value) ? 'AWS' : isServicePrincipal(value) ? 'Service' : undefined;
  return type ? ` (did you mean {"${type}": ${JSON.stringify(value)}}?)` : '';
}

/** Flags Principal / NotPrincipal values that are not `"*"` nor a map of known principal types to strings. */
export default defineRule({
  name: 'invalid-principal',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Principal and NotPrincipal to be "*" or an object mapping AWS, Service, Federated or CanonicalUser to strings.',
      details:
        'Principal and NotPrincipal take either the string "*" or an object whose keys are the principal types AWS, Service, Federated and CanonicalUser (case-sensitive) and whose values are a string or an array of strings. Anything else is rejected: a bare ARN or account ID string, a number, a misspelt or lower-case key such as "aws", a nested object. Misspelt keys get a "did you mean" suggestion. The values themselves are checked by invalid-principal-value.',
      references: [elementUrl('principal'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['INVALID_PRINCIPAL_FORMAT', 'INVALID_PRINCIPAL_KEY'],
    messages: {
      bareString: 'Expected {{element}} to be "*" or an object of principal types, got the string {{value}}{{hint}}.',
      wrongType: 'Expected {{element}} to be "*" or an object of principal types, got a JSON {{type}}.',
      unknownKey: 'Unknown principal type {{key}} in {{element}}{{hint}}: expected AWS, Service, Federated or CanonicalUser.',
      valueType: 'Expected the values of {{key}} in {{element}} to be strings, got {{value}}.',
    },
  },
  create(context) {
    return {
      Principal(node) {
        const element = principalElement(node);
        const { json } = node;
        if (json.type === 'String') {
          if (json.value !== '*') {
            context.report({ node, messageId: 'bareString', data: { element, value: JSON.stringify(json.value), hint: wrapHint(json.value) } });
          }
          return;
        }
        if (json.type !== 'Object') {
          context.report({ node, messageId: 'wrongType', data: { element, type: json.type.toLowerCase() } });
          return;
        }
        for (const member of json.members) {
          const key = memberName(member);
          if (!PRINCIPAL_TYPES.includes(key)) {
            const suggestion = closest(key, PRINCIPAL_TYPES);
            const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
            context.report({ loc: member.name.loc, messageId: 'unknownKey', data: { key: JSON.stringify(key), element, hint } });
          }
        }
      },
      PrincipalValue(node) {
        if (node.principalType === '*' || node.value !== null) return;
        context.report({ node, messageId: 'valueType', data: { key: node.principalType, element: principalElement(node), value: describeValue(node) } });
      },
    };
  },
});
