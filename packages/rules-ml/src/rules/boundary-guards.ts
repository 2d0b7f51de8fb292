import { partitionOf, type RuleContext } from '@iamscope/core';
import { defineRule } from '../define.js';
import { escalationGuard, instanceTypeGuard, regionGuard, sensitiveBucketGuard, type GuardFinding } from '../guards.js';
import { mlSettings } from '../settings.js';

/** How many further actions a message names before it only counts them. */
const NAMED = 3;

/** Reports one result per element and guard: the first action found, the others listed after it. */
function reportGrouped(context: RuleContext, findings: GuardFinding[]): void {
  const groups = new Map<string, { first: GuardFinding; more: string[] }>();
  for (const f of findings) {
    const key = `${f.loc.start.offset}|${f.messageId}|${f.data['guard']}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { first: f, more: [] });
    else if (f.action !== group.first.action && !group.more.includes(f.action)) group.more.push(f.action);
  }
  for (const { first, more } of groups.values()) {
    const named = more.slice(0, NAMED).map((a) => `"${a}"`);
    if (more.length > NAMED) named.push(`${more.length - NAMED} more`);
    const also = named.length > 0 ? ` (also ${named.join(', ')})` : '';
    const can = first.uncertain ? 'may' : 'can';
    context.report({ loc: first.loc, messageId: first.messageId, uncertain: first.uncertain, data: { ...first.data, action: first.action, more: also, can } });
  }
}

/**
 * `ml/boundary-guards`: a permissions boundary or SCP that misses one of the seed's guards: it lets
 * SageMaker compute or EC2 launches through without an instance-type cap, regional ML actions
 * outside `settings.ml.allowedRegions`, S3 actions on `settings.ml.sensitiveBuckets`, or IAM
 * escalation actions with no condition. Reported on the Action or Resource item that lets it through.
 */
export default defineRule({
  name: 'boundary-guards',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require permissions boundaries and SCPs to cap instance types, regions, sensitive buckets and IAM escalation.',
      details:
        'The seed asks permission boundaries of ML roles to prevent launching instances larger than allowed, restrict regions, block sensitive S3 buckets and prevent IAM escalation. For a boundary or SCP, the rule reports the Action item that lets a SageMaker compute action or ec2:RunInstances through without an instance-type limit (read as ml/instance-type-limit reads it), the Action item that lets a regional ML action through without an aws:RequestedRegion limit (when settings.ml.allowedRegions is set), the Resource item that lets S3 reach settings.ml.sensitiveBuckets, and the Action item that lets IAM escalation actions (CreateRole, PutRolePolicy, AttachRolePolicy, CreatePolicyVersion, PassRole, Delete*PermissionsBoundary, ...) through with no condition. Deny statements of the same policy confine the Allow; each result names an action and a resource or value that get through.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
        'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples.html',
        'https://docs.aws.amazon.com/sagemaker/latest/dg/security_iam_id-based-policy-examples.html',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['boundary', 'scp'],
    tags: ['security', 'permissions-boundary', 'privilege-escalation', 'cost', 'external/cwe/cwe-269'],
    securitySeverity: 7.5,
    precision: 'high',
    messages: {
      instanceTypes:
        '{{element}} lets "{{action}}"{{more}} on "{{resource}}" through without capping instance types, so principals under this policy {{can}} {{what}}.',
      regions:
        '{{element}} lets "{{action}}"{{more}} through outside settings.ml.allowedRegions, so principals under this policy {{can}} call it in "{{what}}".',
      sensitiveBuckets:
        '{{element}} lets "{{action}}"{{more}} through on a bucket of settings.ml.sensitiveBuckets, so principals under this policy {{can}} reach "{{witness}}".',
      iamEscalation:
        '{{element}} lets "{{action}}"{{more}} on "{{resource}}" through with no condition, so principals under this policy can raise their own or others\' permissions; deny it or require a condition such as iam:PermissionsBoundary.',
      tooComplex: '{{element}} may let "{{action}}"{{more}} past the {{guard}} guard; its conditions or patterns are too complex to decide within the analysis limit.',
    },
  },
  create(context) {
    return {
      Policy(policy) {
        const settings = mlSettings(context.settings);
        const partition = partitionOf(context.settings);
        reportGrouped(context, [
          ...instanceTypeGuard(policy, settings, partition),
          ...regionGuard(policy, settings, partition),
          ...sensitiveBucketGuard(policy, settings, partition),
          ...escalationGuard(policy, partition),
        ]);
      },
    };
  },
});
