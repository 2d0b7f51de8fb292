import { defineRule } from './define.js';

const SCP_SYNTAX_URL = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html';
const LEGACY = 'which SCPs did not allow before late 2025';

/** Flags SCP syntax that AWS Organizations rejected before SCPs gained the full IAM language (late 2025). */
export default defineRule({
  name: 'scp-legacy-syntax',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow SCP syntax that AWS Organizations rejected before late 2025.',
      details:
        'Until late 2025 an SCP could not use Condition, NotAction or a Resource other than "*" in an Allow statement, could not use NotResource at all, and allowed "*" in an action only at its end. SCPs now accept the full IAM policy language, so this rule is off by default; enable it for organizations or tools that still validate against the old SCP syntax.',
      references: [SCP_SYNTAX_URL],
    },
    defaultLevel: 'note',
    recommended: false,
    policyTypes: ['scp'],
    tags: ['compatibility'],
    precision: 'very-high',
    accessAnalyzer: [
      'SCP_SYNTAX_ERROR_ACTION_WILDCARD',
      'SCP_SYNTAX_ERROR_ALLOW_CONDITION',
      'SCP_SYNTAX_ERROR_ALLOW_NOTACTION',
      'SCP_SYNTAX_ERROR_ALLOW_RESOURCE',
      'SCP_SYNTAX_ERROR_NOTRESOURCE',
    ],
    messages: {
      actionWildcard: `Action {{action}} has "*" before its end, ${LEGACY}.`,
      allowCondition: `Condition in an Allow statement, ${LEGACY}.`,
      allowNotAction: `NotAction in an Allow statement, ${LEGACY}.`,
      allowResource: `Resource {{resource}} other than "*" in an Allow statement, ${LEGACY}.`,
      notResource: `NotResource, ${LEGACY}.`,
    },
  },
  create(context) {
    return {
      Statement(node) {
        if (node.effect?.value === 'Allow') {
          if (node.condition) context.report({ loc: node.condition.member.name.loc, messageId: 'allowCondition' });
          if (node.notAction) context.report({ loc: node.notAction.member.name.loc, messageId: 'allowNotAction' });
          for (const item of node.resource?.items ?? []) {
            if (item.value !== null && item.value !== '*') {
              context.report({ node: item, messageId: 'allowResource', data: { resource: JSON.stringify(item.value) } });
            }
          }
        }
        if (node.notResource) context.report({ loc: node.notResource.member.name.loc, messageId: 'notResource' });
      },
      Action(node) {
        if (node.value !== null && node.value.slice(0, -1).includes('*')) {
          context.report({ node, messageId: 'actionWildcard', data: { action: JSON.stringify(node.value) } });
        }
      },
    };
  },
});
