import { withoutPlaceholders } from '../sources/placeholder.js';
import { findVariable, valueText } from '../policy/condition-value.js';
import { parseConditionOperator, type OperatorFamily } from '../policy/condition-operator.js';
import { defineRule } from './define.js';

/** Families whose values IAM never substitutes variables into (iam-grammar.md §5.3, §7). */
const NO_VARIABLES: ReadonlySet<OperatorFamily> = new Set(['Numeric', 'Date', 'Binary', 'IpAddress', 'Null']);

/** Flags policy variables in values of Numeric, Date, Binary, IpAddress and Null operators (Bool: uncertain). */
export default defineRule({
  name: 'variable-in-non-string-operator',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow policy variables in values of operators other than String and ARN operators.',
      details:
        'IAM substitutes policy variables such as ${aws:username} only in Resource ARNs and in values of String and ARN condition operators. Under Numeric, Date, Binary, IpAddress and Null operators the value is not a variable but malformed text, so the condition never compares as intended. For Bool the AWS pages disagree (the condition operators page says variables work, the policy variables page does not), so those are reported as uncertain, one level lower. The escapes ${*}, ${?} and ${$} are not variables.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['INVALID_VARIABLE_FOR_OPERATOR'],
    messages: {
      unsupported: 'Policy variable {{variable}} in a value of {{operator}} is not substituted: only String and ARN operators take variables.',
      boolVariable: 'Policy variable {{variable}} in a value of {{operator}} may not be substituted: AWS documents variables only for String and ARN operators.',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const family = parseConditionOperator(node.operator)?.family;
        if (!family || (family !== 'Bool' && !NO_VARIABLES.has(family))) return;
        for (const value of node.keys.flatMap((key) => key.values)) {
          const text = valueText(value);
          // a template's unknown values are substituted before IAM reads the policy
          const variable = text === undefined ? undefined : findVariable(withoutPlaceholders(text));
          if (variable === undefined) continue;
          const data = { variable, operator: node.operator };
          if (family === 'Bool') context.report({ node: value, messageId: 'boolVariable', data, uncertain: true });
          else context.report({ node: value, messageId: 'unsupported', data });
        }
      },
    };
  },
});
