import { findResourceGaps, partitionOf, principalPolicySet, type Principal, type ResourceGap } from '@iamscope/core';
import { grantFindings } from '../action-gaps.js';
import { archetypeOf, classActions, ENVELOPES } from '../archetypes.js';
import { defineRule } from '../define.js';
import { messageFor } from '../scope.js';
import { mlSettings } from '../settings.js';

const NAMES = { execution: 'SageMaker execution', 'training-instance': 'EC2 training-instance', 'data-scientist': 'data-scientist', pipeline: 'ML pipeline' } as const;

/**
 * `ml/role-archetype`: a role of the scan matched to one of the seed's four ML roles (by its trust
 * policy or `settings.ml.roleArchetypes`) that is granted access outside that role's envelope —
 * IAM write or image pushes in an execution role, S3 writes in a training-instance role, … —
 * through its own policies (reported on the Action item) or an attached AWS managed policy
 * (reported on the attachment).
 */
export default defineRule({
  name: 'role-archetype',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow access outside the envelope of the ML role archetype a role plays (execution, training instance, data scientist, pipeline).',
      details:
        'The seed names four ML roles: SageMaker execution roles (S3 read/write, ECR pull, CloudWatch write), EC2 training instances (S3 read, ECR pull), data scientists (SageMaker, scoped S3, notebooks) and ML pipelines (SageMaker create/describe, S3, Lambda invoke). A role is matched to one by settings.ml.roleArchetypes (role-name globs) or by its trust policy: sagemaker.amazonaws.com (execution), ec2.amazonaws.com (training instance), states.amazonaws.com or Airflow (pipeline), human principals (data scientist). The rule reports what the role is granted outside that envelope: IAM write in execution roles and pipelines, image pushes in execution roles, pipelines and training instances, S3 writes in training instances, IAM administration beyond boundary-governed role creation in data-scientist roles. Grants are evaluated exactly for the role: all its policies, Deny statements and its permissions boundary.',
      references: ['https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['security', 'least-privilege', 'role-archetype', 'external/cwe/cwe-269'],
    securitySeverity: 6.5,
    precision: 'high',
    messages: {
      outsideEnvelope: '{{element}} grants "{{action}}" on "{{witness}}" ({{access}}) to {{archetype}} role "{{role}}" ({{why}}), which needs none.',
      mayOutsideEnvelope: '{{element}} may grant "{{action}}" on "{{witness}}" ({{access}}) to {{archetype}} role "{{role}}" ({{why}}), which needs none, depending on a condition or policy variable.',
      undecided: '{{element}} may grant {{access}} such as "{{action}}" to {{archetype}} role "{{role}}" ({{why}}); the policy is too complex to decide within the analysis limit.',
      managedOutsideEnvelope: 'The AWS managed policy {{policy}} grants "{{action}}" on "{{witness}}" ({{access}}) to {{archetype}} role "{{role}}" ({{why}}), which needs none.',
    },
  },
  create: () => ({}),
  checkPrincipal(role: Principal, context) {
    if (role.kind !== 'role') return;
    const settings = mlSettings(context.settings);
    const match = archetypeOf(role, settings.roleArchetypes);
    if (!match) return;
    const partition = partitionOf(context.settings);
    const external = role.external.flatMap((e) => (e.policy ? [{ ...e, policy: e.policy }] : []));
    const set = principalPolicySet(role);
    const base = { archetype: NAMES[match.archetype], role: role.name, why: match.why };
    const ids = { certain: 'outsideEnvelope', may: 'mayOutsideEnvelope', undecided: 'undecided' };
    for (const access of ENVELOPES[match.archetype]) {
      const actions = classActions(access, partition);
      const memo = new Map<unknown, ResourceGap[]>();
      const gapsOf = (query: Parameters<typeof findResourceGaps>[1]) => {
        let gaps = memo.get(query.actions);
        if (!gaps) memo.set(query.actions, (gaps = findResourceGaps(set, query)));
        return gaps;
      };
      for (const policy of role.identity) {
        for (const { loc, element, gap } of grantFindings(policy, actions, gapsOf)) {
          const data = { ...base, element, access: access.label, action: gap.action, witness: gap.witness ?? '' };
          context.report({ file: policy.origin.file, loc, messageId: messageFor(gap, ids), uncertain: gap.uncertain, data });
        }
      }
      for (const attachment of external) {
        // only certain grants: AWS's conditional statements (iam:AWSServiceName, …) are meant to be narrow
        const found = grantFindings(attachment.policy, actions, gapsOf).find((f) => f.gap.witness !== undefined && !f.gap.uncertain);
        if (!found) continue;
        const name = attachment.ref.slice(attachment.ref.lastIndexOf('/') + 1);
        const data = { ...base, policy: name, access: access.label, action: found.gap.action, witness: found.gap.witness ?? '' };
        context.report({ file: attachment.file, loc: attachment.loc, messageId: 'managedOutsideEnvelope', data });
      }
    }
  },
});
