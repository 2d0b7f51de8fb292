import {
  findResourceGaps,
  literalTokens,
  partitionOf,
  resourceTypeArn,
  serviceActions,
  type ActionUniverse,
  type Token,
  witnessCandidates,
} from '@iamscope/core';
import { defineRule } from '../define.js';
import { mlSettings } from '../settings.js';

const LOG_RESOURCE_TYPES = ['log-group', 'log-stream'];
const universes = new Map<string, ActionUniverse[]>();

/**
 * CloudWatch Logs actions that take a log group or log stream, with those ARN sets in `partition`
 * (from the IAM data); built once per partition.
 */
function logActions(partition: string): ActionUniverse[] {
  let list = universes.get(partition);
  if (list) return list;
  list = Object.values(serviceActions('logs') ?? {})
    .map((info) => ({
      action: `logs:${info.name}`,
      resources: info.resourceTypes.flatMap((rt) => {
        const arn = LOG_RESOURCE_TYPES.includes(rt.name.toLowerCase()) ? resourceTypeArn('logs', rt.name) : undefined;
        return arn ? [{ key: rt.name.toLowerCase(), candidates: witnessCandidates(arn, [], partition) }] : [];
      }),
    }))
    .filter((u) => u.resources.length > 0)
    .sort((a, b) => (a.action < b.action ? -1 : 1));
  universes.set(partition, list);
  return list;
}

const allowedCache = new Map<string, Token[][]>();

/** ARNs of the log groups (and their streams) matching any of `globs`; cached per settings value. */
function allowedLogGroups(globs: string[]): Token[][] {
  const key = JSON.stringify(globs);
  let allowed = allowedCache.get(key);
  if (!allowed) allowedCache.set(key, (allowed = globs.flatMap(allowedLogGroup)));
  return allowed;
}

/** ARNs of every log group whose name matches `glob`, and of the log streams in them. */
function allowedLogGroup(glob: string): Token[][] {
  const name: Token[] = [...glob].flatMap((c): Token[] =>
    c === '*' ? [{ kind: 'runInSegment' }] : c === '?' ? [{ kind: 'oneInSegment' }] : literalTokens(c),
  );
  const segment: Token = { kind: 'runInSegment' };
  const group = [...literalTokens('arn:'), segment, ...literalTokens(':logs:'), segment, ...literalTokens(':'), segment, ...literalTokens(':log-group:'), ...name];
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
        'ML roles need to write logs only to their own log groups (by default /aws/sagemaker/*). The rule checks identity policies (a permissions boundary only caps access and is checked by other rules). A Resource such as "*" or "arn:aws:logs:*:*:*" lets the role read, create, delete or write any log group of the account, including other teams\' audit logs. The rule evaluates the policy exactly: action wildcards and NotAction are expanded against the IAM action catalog, Resource and NotResource patterns are matched segment by segment, and the policy\'s own Deny statements are subtracted. It reports the element that opens the gap, with an action and an ARN that become reachable. When a condition or a policy variable decides the outcome, the result says "may" and its level is lowered one step.',
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
        const allowed = allowedLogGroups(logGroups);
        for (const gap of findResourceGaps(policy, { actions: logActions(partitionOf(context.settings)), allowed })) {
          context.report({
            loc: gap.loc,
            messageId: gap.witness === undefined ? 'undecided' : gap.uncertain ? 'mayBeOutsideScope' : 'outsideScope',
            uncertain: gap.uncertain,
            data: { element: gap.element, action: gap.action, witness: gap.witness ?? '', logGroups: logGroups.join(', ') || 'none' },
          });
        }
      },
    };
  },
});
