/**
 * The Terraform AWS resource types iamscope reads, and their arguments (the same names in HCL and
 * in a plan's `values`).
 * Source of truth: Terraform AWS provider resource docs (aws_iam_*, and the policy arguments of
 * aws_s3_bucket_policy, aws_sqs_queue_policy, aws_sns_topic_policy, aws_kms_key, …).
 */
import type { PolicyType } from '../../policy/nodes.js';
import type { PrincipalKind } from './refs.js';

/** A policy-document argument of a resource type and whom the document belongs to. */
export interface PolicyArgument {
  attribute: string;
  policyType: PolicyType;
  /** `self`: the resource itself (a role's trust policy); a kind: the principal named by that argument. */
  owner?: 'self' | PrincipalKind;
}

const RESOURCE_POLICY = (attribute = 'policy'): PolicyArgument[] => [{ attribute, policyType: 'resource' }];

/** Policy-document arguments by resource type. */
export const POLICY_ARGUMENTS: Record<string, PolicyArgument[]> = {
  aws_iam_policy: [{ attribute: 'policy', policyType: 'identity' }],
  aws_iam_role: [{ attribute: 'assume_role_policy', policyType: 'trust', owner: 'self' }],
  aws_iam_role_policy: [{ attribute: 'policy', policyType: 'identity', owner: 'role' }],
  aws_iam_user_policy: [{ attribute: 'policy', policyType: 'identity', owner: 'user' }],
  aws_iam_group_policy: [{ attribute: 'policy', policyType: 'identity', owner: 'group' }],
  aws_organizations_policy: [{ attribute: 'content', policyType: 'scp' }],
  aws_s3_bucket_policy: RESOURCE_POLICY(),
  aws_s3_bucket: RESOURCE_POLICY(),
  aws_s3_access_point: RESOURCE_POLICY(),
  aws_s3control_access_point_policy: RESOURCE_POLICY(),
  aws_ecr_repository_policy: RESOURCE_POLICY(),
  aws_ecr_registry_policy: RESOURCE_POLICY(),
  aws_sqs_queue_policy: RESOURCE_POLICY(),
  aws_sqs_queue: RESOURCE_POLICY(),
  aws_sns_topic_policy: RESOURCE_POLICY(),
  aws_sns_topic: RESOURCE_POLICY(),
  aws_kms_key: RESOURCE_POLICY(),
  aws_kms_key_policy: RESOURCE_POLICY(),
  aws_secretsmanager_secret_policy: RESOURCE_POLICY(),
  aws_secretsmanager_secret: RESOURCE_POLICY(),
  aws_efs_file_system_policy: RESOURCE_POLICY(),
  aws_backup_vault_policy: RESOURCE_POLICY(),
  aws_glacier_vault: RESOURCE_POLICY('access_policy'),
  aws_cloudwatch_log_resource_policy: RESOURCE_POLICY('policy_document'),
  aws_opensearch_domain_policy: RESOURCE_POLICY('access_policies'),
  aws_opensearch_domain: RESOURCE_POLICY('access_policies'),
  aws_elasticsearch_domain_policy: RESOURCE_POLICY('access_policies'),
  aws_api_gateway_rest_api_policy: RESOURCE_POLICY(),
  aws_sagemaker_model_package_group_policy: RESOURCE_POLICY('resource_policy'),
};

/** Attachment resources: the argument naming the principal(s) and the one naming the policy(ies). */
export const ATTACHMENTS: Record<string, { principals: [string, PrincipalKind][]; policy: string }> = {
  aws_iam_role_policy_attachment: { principals: [['role', 'role']], policy: 'policy_arn' },
  aws_iam_user_policy_attachment: { principals: [['user', 'user']], policy: 'policy_arn' },
  aws_iam_group_policy_attachment: { principals: [['group', 'group']], policy: 'policy_arn' },
  aws_iam_policy_attachment: { principals: [['roles', 'role'], ['users', 'user'], ['groups', 'group']], policy: 'policy_arn' },
  aws_iam_role_policy_attachments_exclusive: { principals: [['role_name', 'role']], policy: 'policy_arns' },
  aws_iam_user_policy_attachments_exclusive: { principals: [['user_name', 'user']], policy: 'policy_arns' },
  aws_iam_group_policy_attachments_exclusive: { principals: [['group_name', 'group']], policy: 'policy_arns' },
};

/** Principal resource types and their kind. */
export const PRINCIPALS: Record<string, PrincipalKind> = { aws_iam_role: 'role', aws_iam_user: 'user', aws_iam_group: 'group' };

/** Group memberships: the single side and the list side. */
export const MEMBERSHIPS: Record<string, { user: string; group: string; list: 'user' | 'group' }> = {
  aws_iam_user_group_membership: { user: 'user', group: 'groups', list: 'group' },
  aws_iam_group_membership: { user: 'users', group: 'group', list: 'user' },
};

