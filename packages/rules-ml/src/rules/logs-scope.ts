import { literalTokens, partitionOf, type Token } from '@iamscope/core';
import { defineRule } from '../define.js';
import { arnPrefix, globTokens, reportGaps, scopeActions, scopeOf, SEGMENT, type ScopeActionSpec } from '../scope.js';
import { mlSettings } from '../settings.js';

/** CloudWatch Logs actions that take a log group or log stream (from the IAM data). */
const LOG_ACTIONS: ScopeActionSpec = { id: 'logs', service: 'logs', resourceTypes: ['log-group', 'log-stream'] };

/** ARNs of every log group whose name matches `glob` (no `:` in names), and of the log streams in them. */
function allowedLogGroup(glob: string): Token[][] {
  const group = [...arnPrefix('logs'), ...literalTokens('log-group:'), ...globTokens(glob, SEGMENT, { kind: 'oneInSegment' })];
  return [group, [...group, ...literalTokens(':log-stream:'), { kind: 'run' }]];
}

/**
 * `ml/logs-scope`: CloudWatch Logs actions allowed on log groups (or their streams) outside
 * `settings.ml.logGroups`. Reported on the Resource item or NotResource element that opens the gap,
 * with a witness action and ARN.
 */
export default defineRule({
  name: 'logs-scope',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CloudWatch Logs access to log groups outside settings.ml.logGroups.',
      details:
        'ML roles need to write logs only to their own log groups (by default /aws/sagemaker/*). The rule checks identity policies; a policy attached to a role of the scan is evaluated with that role\'s other policies and permissions boundary. A Resource such as "*" or "arn:aws:logs:*:*:*" lets the role read, create, delete or write any log group of the account, including other teams\' audit logs. The rule evaluates the policy exactly: action wildcards and NotAction are expanded against the IAM action catalog, Resource and NotResource patterns are matched segment by segment, and the policy\'s own Deny statements are subtracted. It reports the element that opens the gap, with an action and an ARN that become reachable. When a condition or a policy variable decides the outcome, the result says "may" and its level is lowered one step.',
      references: [
        'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/iam-access-control-overview-cwl.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html',
        'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['identity'],
    tags: ['security', 'least-privilege', 'cloudwatch-logs', 'external/cwe/cwe-732'],
    securitySeverity: 5.5,
    precision: 'high',
    messages: {
      outsideScope:
        '{{element}} allows "{{action}}" on log groups outside settings.ml.logGroups ({{logGroups}}), e.g. "{{witness}}".',
      mayBeOutsideScope:
        '{{element}} may allow "{{action}}" on log groups outside settings.ml.logGroups ({{logGroups}}), e.g. "{{witness}}", depending on a condition or policy variable.',
      undecided:
        '{{element}} may allow "{{action}}" on log groups outside settings.ml.logGroups ({{logGroups}}); the pattern is too complex to decide within the analysis limit.',
    },
  },
  create(context) {
    return {
      Policy(policy) {
        const { logGroups } = mlSettings(context.settings);
        const actions = scopeActions(LOG_ACTIONS, partitionOf(context.settings));
        const ids = { certain: 'outsideScope', may: 'mayBeOutsideScope', undecided: 'undecided' };
        reportGaps(context, policy, actions, scopeOf('logs', logGroups, allowedLogGroup), ids, { logGroups: logGroups.join(', ') || 'none' });
      },
    };
  },
});
