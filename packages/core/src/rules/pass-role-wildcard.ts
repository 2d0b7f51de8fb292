import { defineRule, elementUrl } from './define.js';
import { broadGrantMessages, createBroadGrantRule, type BroadGrantSpec } from './support/broad-grant.js';

const SPEC: BroadGrantSpec = {
  action: 'iam:PassRole',
  target: 'every role',
  fix: 'list the roles it may pass in Resource, and limit iam:PassedToService',
  // the service the role is passed to, the resource it is attached to, or a tag of the role
  limitingKeys: /^(iam:PassedToService|iam:AssociatedResourceArn|(aws|iam):ResourceTag\/.+)$/i,
};

/** Flags `iam:PassRole` allowed on every role: a `Resource` matching all role ARNs, or `NotResource`. */
export default defineRule({
  name: 'pass-role-wildcard',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow allowing iam:PassRole on every role through Resource "*" or NotResource.',
      details:
        'iam:PassRole lets a principal hand a role to a service (EC2, Lambda, SageMaker, CloudFormation), which then acts with that role\'s permissions. Allowing it on Resource "*", on an ARN pattern that matches every role ARN (arn:aws:iam::*:role/*), or with NotResource lets the principal pass any role, including administrator roles: a privilege escalation. The action counts as allowed when Action names it, when a wildcard Action item (iam:Pass*, iam:*, *) matches it, or when NotAction does not exclude it. A statement that limits iam:PassedToService, iam:AssociatedResourceArn or a tag of the role (aws:ResourceTag/..., iam:ResourceTag/...) is reported as uncertain.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html',
        elementUrl('notresource'),
      ],
    },
    defaultLevel: 'warning',
    recommended: true,
    policyTypes: ['identity'],
    tags: ['security', 'privilege-escalation'],
    securitySeverity: 7.5,
    precision: 'high',
    accessAnalyzer: [
      'PASS_ROLE_WITH_NOT_RESOURCE',
      'PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE',
      'PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE',
      'PASS_ROLE_WITH_STAR_IN_RESOURCE',
      'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE',
      'PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION',
    ],
    messages: broadGrantMessages(SPEC),
  },
  create: createBroadGrantRule(SPEC),
});
