import { partitionOf, serviceActions, serviceResourceTypes, type ResourceNode } from '@iamscope/core';
import { defineRule } from '../define.js';
import type { KeySpec } from '../key-limit.js';
import { limitedByBoundaries, limitFindings, type ActionFamily, type LimitFinding } from '../limit-scan.js';
import { reportOnce } from '../report-once.js';
import { mlSettings } from '../settings.js';

const KEY = 'aws:RequestedRegion';
/** The services of the seed's four ML roles whose actions are checked for a region guard. */
const ML_SERVICES = ['sagemaker', 'ecr', 'logs', 's3', 'ec2', 'states', 'lambda', 'kms', 'cloudwatch'];
const REGION = /^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$/;

/**
 * The regional actions of the ML services, from the IAM data: an action is regional when one of
 * its resource types has `${Region}` in its ARN format, or, for an action that takes only `"*"`,
 * when every resource type of its service does (so `s3:ListAllMyBuckets` is global, like the S3
 * bucket and object ARNs, while `sagemaker:ListTrainingJobs` is regional).
 */
function regionalActions(): string[] {
  return ML_SERVICES.flatMap((service) => {
    const types = Object.values(serviceResourceTypes(service) ?? {});
    const regional = new Map(types.map((t) => [t.key.toLowerCase(), t.arn.includes('${Region}')]));
    const allRegional = types.length > 0 && types.every((t) => t.arn.includes('${Region}'));
    return Object.values(serviceActions(service) ?? {})
      .filter((a) => (a.resourceTypes.length === 0 ? allRegional : a.resourceTypes.some((rt) => regional.get(rt.name.toLowerCase()))))
      .map((a) => `${service}:${a.name}`);
  }).sort();
}

let actions: string[] | undefined;

/** The family: regional ML actions, `aws:RequestedRegion` limited to `allowed`, region-less ARNs and ARNs in the allowed regions in scope. */
export function family(allowed: readonly string[]): ActionFamily {
  actions ??= regionalActions();
  const spec: KeySpec = {
    key: KEY,
    multivalued: false,
    alwaysPresent: true,
    alphabet: 'abcdefghijklmnopqrstuvwxyz0123456789-',
    allowed,
    universe: '*',
    readable: '?*-?*-?*',
    examples: ['us-east-1', 'eu-west-1', 'ap-southeast-1', 'us-west-2', 'eu-central-1', 'sa-east-1'],
  };
  // ARNs without a region (S3 buckets and objects, IAM) are global: in scope like the allowed regions
  return { spec, actions, scope: ['arn:*:*::*:*', ...allowed.map((region) => `arn:*:*:${region}:*:*`)] };
}

/** The literal region segment of an ARN pattern, when it names one. */
function literalRegion(resource: ResourceNode): string | undefined {
  const parts = (resource.value ?? '').split(':');
  return parts.length >= 6 && parts[0] === 'arn' && REGION.test(parts[3]!) ? parts[3] : undefined;
}

/** The messageId, location and data of one guard finding (always "may": a boundary or SCP may carry the guard). */
function describe(f: LimitFinding, scope: string) {
  const base = { action: f.grant.action, scope };
  const gap = f.gap;
  if (gap.kind !== 'value') return { loc: f.actionLoc, messageId: 'tooComplex', data: { ...base, element: f.actionElement } };
  const region = gap.value;
  const unread = f.allowUnknown[0];
  switch (gap.blame.kind) {
    case 'value':
      return { loc: gap.blame.node.loc, messageId: 'guardTooWide', data: { ...base, region, value: String(gap.blame.node.value) } };
    case 'negated':
    case 'anyValue':
      return { loc: gap.blame.source.key.loc, messageId: 'guardNegated', data: { ...base, region, operator: gap.blame.source.operator.operator } };
    case 'noCondition':
      if (unread) return { loc: unread.key.loc, messageId: 'guardUndecided', data: { ...base, region, operator: unread.operator.operator } };
      return { loc: f.actionLoc, messageId: 'noGuard', data: { ...base, region, element: f.actionElement, resource: f.grant.witness ?? '*' } };
  }
}

/**
 * `ml/region-limit`: with `settings.ml.allowedRegions` set, Resource ARNs of Allow statements
 * that name another region, and Allow statements for regional ML actions without an
 * `aws:RequestedRegion` condition inside the allowed regions. Without the setting it reports only
 * region conditions that limit nothing.
 */
export default defineRule({
  name: 'region-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require ML actions to be limited to settings.ml.allowedRegions.',
      details:
        'When settings.ml.allowedRegions is set, the rule reports Resource ARNs of Allow statements whose region segment names another region (error), and Allow statements that grant regional actions of the ML services (SageMaker, ECR, CloudWatch Logs, EC2, Step Functions, Lambda, KMS, CloudWatch, S3 access points) beyond ARNs of the allowed regions without an aws:RequestedRegion condition that keeps requests in them (warning: a permissions boundary or SCP of the same principal may carry the guard). Global actions (IAM, STS, S3 buckets and objects, whose ARNs have no region) are not flagged. A Deny with StringNotEquals on aws:RequestedRegion confines the Allow. Without allowedRegions it only reports aws:RequestedRegion conditions that exist and limit nothing ("*", only StringNotEquals).',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-requested-region.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['identity'],
    tags: ['security', 'least-privilege', 'data-residency', 'external/cwe/cwe-284'],
    securitySeverity: 5.5,
    precision: 'high',
    messages: {
      otherRegion: '"{{arn}}" names region "{{region}}", outside settings.ml.allowedRegions ({{allowed}}).',
      noGuard:
        '{{element}} allows "{{action}}" on "{{resource}}" with no aws:RequestedRegion condition, so it may be used {{scope}}, e.g. in "{{region}}", unless a boundary or SCP limits the region.',
      guardTooWide: '"{{value}}" lets "{{action}}" run {{scope}}, e.g. in "{{region}}", unless a boundary or SCP limits the region.',
      guardNegated: '"{{operator}}" on aws:RequestedRegion only excludes regions, so "{{action}}" may run {{scope}}, e.g. in "{{region}}".',
      guardUndecided:
        '"{{operator}}" on aws:RequestedRegion cannot be decided exactly (a policy variable or an operator of another family), so "{{action}}" may run {{scope}}, e.g. in "{{region}}".',
      tooComplex: '{{element}} may allow "{{action}}" {{scope}}; its conditions are too complex to decide within the analysis limit.',
    },
  },
  create(context) {
    return {
      Policy(policy) {
        const { allowedRegions } = mlSettings(context.settings);
        const allowed = allowedRegions.join(', ');
        if (allowedRegions.length > 0) {
          for (const statement of policy.statements) {
            if (statement.effect?.value !== 'Allow') continue;
            for (const item of statement.resource?.items ?? []) {
              const region = literalRegion(item);
              if (region && !allowedRegions.includes(region)) context.report({ node: item, messageId: 'otherRegion', data: { arn: item.value!, region, allowed } });
            }
          }
        }
        // without allowedRegions only existing guards are judged: a policy without one has nothing to report
        const hasGuard = policy.statements.some((s) => s.condition?.operators.some((op) => op.keys.some((k) => k.key.toLowerCase() === 'aws:requestedregion')));
        if (allowedRegions.length === 0 && !hasGuard) return;
        const scope = allowedRegions.length > 0 ? `outside settings.ml.allowedRegions (${allowed})` : 'in any region';
        const report = reportOnce(context);
        const regional = family(allowedRegions);
        if (limitedByBoundaries(policy, context.principals, regional, partitionOf(context.settings))) return;
        for (const finding of limitFindings(policy, regional, partitionOf(context.settings))) {
          // without allowedRegions only guards that exist and do not limit are reported
          if (allowedRegions.length === 0 && !finding.allowGuarded) continue;
          report({ ...describe(finding, scope), uncertain: true });
        }
      },
    };
  },
});
