import { defineRule } from './define.js';
import { broadGrantMessages, createBroadGrantRule, type BroadGrantSpec } from './support/broad-grant.js';

const SPEC: BroadGrantSpec = {
  action: 'iam:CreateServiceLinkedRole',
  target: 'every role',
  fix: 'list the service-linked role ARNs in Resource, or limit iam:AWSServiceName',
  limitingKeys: /^iam:AWSServiceName$/i,
};

/** Flags `iam:CreateServiceLinkedRole` allowed on every role: a `Resource` matching all role ARNs, or `NotResource`. */
export default defineRule({
  name: 'create-slr-wildcard',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow allowing iam:CreateServiceLinkedRole on every role through Resource "*" or NotResource.',
      details:
        'iam:CreateServiceLinkedRole creates the role a service uses on your behalf. Allowing it on Resource "*", on an ARN pattern that matches every role ARN, or with NotResource lets the principal create service-linked roles for any service, not only the ones it works with. The action counts as allowed when Action names it, when a wildcard Action item (iam:Create*, iam:*, *) matches it, or when NotAction does not exclude it. A statement that limits iam:AWSServiceName is reported as uncertain.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html#service-linked-role-permissions',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html',
      ],
    },
    defaultLevel: 'warning',
    recommended: true,
    policyTypes: ['identity'],
    tags: ['best-practice'],
    precision: 'high',
    accessAnalyzer: [
      'CREATE_SLR_WITH_NOT_RESOURCE',
      'CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE',
      'CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE',
      'CREATE_SLR_WITH_STAR_IN_RESOURCE',
      'CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE',
      'CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION',
    ],
    messages: broadGrantMessages(SPEC),
  },
  create: createBroadGrantRule(SPEC),
});
