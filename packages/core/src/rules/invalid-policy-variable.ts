import type { ConditionValueNode, ResourceNode } from '../policy/nodes.js';
import { findVariables } from '../policy/variables.js';
import { defineRule } from './define.js';

const VARIABLES_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';

/** Flags malformed `${…}` policy variables in Resource, NotResource and condition values. */
export default defineRule({
  name: 'invalid-policy-variable',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require policy variables in Resource and condition values to be well-formed.',
      details:
        'A policy variable is written ${name} or ${name, \'default text\'}: a non-empty condition key name without spaces, optionally a comma and a default value in single quotes; ${*}, ${?} and ${$} are escapes. A variable without its closing brace, an empty ${}, a space in the name or an unquoted default is rejected. Checked only in policies with "Version": "2012-10-17": with any other version the text is literal (variable-without-version reports that).',
      references: [VARIABLES_URL],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['MISSING_BRACE_IN_VARIABLE', 'MISSING_QUOTE_IN_VARIABLE', 'UNSUPPORTED_SPACE_IN_VARIABLE', 'EMPTY_VARIABLE'],
    messages: {
      missingBrace: 'Policy variable "{{variable}}" has no closing "}".',
      missingQuote: "Expected the default value in policy variable \"{{variable}}\" to be in single quotes, as in ${aws:username, 'none'}.",
      spaceInName: 'Unexpected white space in the name of policy variable "{{variable}}"; only the quoted default value may contain spaces.',
      empty: 'Empty policy variable "{{variable}}": name a condition key, as in ${aws:username}.',
    },
  },
  create(context) {
    if (context.policy.version?.value !== '2012-10-17') return {};
    const check = (node: ResourceNode | ConditionValueNode): void => {
      if (typeof node.value !== 'string') return;
      for (const variable of findVariables(node.value)) {
        if (variable.problem) context.report({ node, messageId: variable.problem, data: { variable: variable.text } });
      }
    };
    return { Resource: check, ConditionValue: check };
  },
});
