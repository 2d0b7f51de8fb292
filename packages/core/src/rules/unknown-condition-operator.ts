import { closest } from '../catalog/suggest.js';
import { operatorNames, parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule, elementUrl } from './define.js';

/** Every operator name with and without a set qualifier, for suggestions. */
function allOperatorNames(): string[] {
  return operatorNames().flatMap((name) => [name, `ForAllValues:${name}`, `ForAnyValue:${name}`]);
}

/** Flags condition operators that are not IAM operators, and known operators in another letter case. */
export default defineRule({
  name: 'unknown-condition-operator',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow condition operators that IAM does not define.',
      details:
        'A condition operator is one of the 27 base operators (StringEquals, ArnLike, Null, ...), optionally with the IfExists suffix and the ForAllValues: or ForAnyValue: set qualifier. Anything else (a misspelling such as "StringEqual", an invented "BinaryNotEquals", an unknown qualifier) makes the policy invalid. A known operator written in another letter case ("stringequals") is reported separately as "may": AWS documents the PascalCase spelling only and does not say whether others are accepted.',
      references: [elementUrl('condition_operators')],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['INVALID_CONDITION_OPERATOR'],
    messages: {
      unknownOperator: 'Unknown condition operator "{{operator}}"{{hint}}.',
      miscasedOperator: 'Condition operator "{{operator}}" may not be recognised: AWS spells it "{{canonical}}".',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const parsed = parseConditionOperator(node.operator);
        if (!parsed) {
          const suggestion = closest(node.operator, allOperatorNames());
          const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
          context.report({ node, messageId: 'unknownOperator', data: { operator: node.operator, hint } });
        } else if (!parsed.exactCase) {
          context.report({ node, messageId: 'miscasedOperator', data: { operator: node.operator, canonical: parsed.canonical }, uncertain: true });
        }
      },
    };
  },
});
