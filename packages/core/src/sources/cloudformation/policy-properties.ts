/**
 * Resource properties that hold one policy document, by resource type, with the document's policy
 * type. IAM roles, users, groups and SAM functions (lists of inline policies, attachments,
 * boundaries) are read by `iam-resources.ts`.
 * Source of truth: the CloudFormation resource type reference of each type (property names and
 * "Type: Json"), checked against the `scrutinizable` labels of `@aws-cdk/aws-service-spec`
 * (/work/shared/research/deps.md).
 */
import type { PolicyType } from '../../policy/nodes.js';

/** One policy-bearing property. */
export interface PolicyProperty {
  /** Property path under `Properties` (one name, or nested names for a property type's member). */
  path: string[];
  policyType: PolicyType;
  /** `statement` when the property holds a single statement (EventBridge `EventBusPolicy.Statement`). */
  holds?: 'statement';
}

const resource = (...path: string[]): PolicyProperty => ({ path, policyType: 'resource' });

/** Policy-bearing properties of resource types other than IAM principals. */
export const POLICY_PROPERTIES: Readonly<Record<string, readonly PolicyProperty[]>> = {
  'AWS::IAM::Policy': [{ path: ['PolicyDocument'], policyType: 'identity' }],
  'AWS::IAM::ManagedPolicy': [{ path: ['PolicyDocument'], policyType: 'identity' }],
  'AWS::IAM::RolePolicy': [{ path: ['PolicyDocument'], policyType: 'identity' }],
  'AWS::IAM::UserPolicy': [{ path: ['PolicyDocument'], policyType: 'identity' }],
  'AWS::IAM::GroupPolicy': [{ path: ['PolicyDocument'], policyType: 'identity' }],
  'AWS::SSO::PermissionSet': [{ path: ['InlinePolicy'], policyType: 'identity' }],
  'AWS::S3::BucketPolicy': [resource('PolicyDocument')],
  'AWS::S3::AccessPoint': [resource('Policy')],
  'AWS::S3Express::BucketPolicy': [resource('PolicyDocument')],
  'AWS::S3Tables::TableBucketPolicy': [resource('ResourcePolicy')],
  'AWS::S3Tables::TablePolicy': [resource('ResourcePolicy')],
  'AWS::SQS::QueuePolicy': [resource('PolicyDocument')],
  'AWS::SQS::QueueInlinePolicy': [resource('PolicyDocument')],
  'AWS::SNS::TopicPolicy': [resource('PolicyDocument')],
  'AWS::SNS::TopicInlinePolicy': [resource('PolicyDocument')],
  'AWS::KMS::Key': [resource('KeyPolicy')],
  'AWS::KMS::ReplicaKey': [resource('KeyPolicy')],
  'AWS::ECR::Repository': [resource('RepositoryPolicyText')],
  'AWS::ECR::PublicRepository': [resource('RepositoryPolicyText')],
  'AWS::ECR::RegistryPolicy': [resource('PolicyText')],
  'AWS::SecretsManager::ResourcePolicy': [resource('ResourcePolicy')],
  'AWS::Logs::ResourcePolicy': [resource('PolicyDocument')],
  'AWS::Events::EventBus': [resource('Policy')],
  'AWS::Events::EventBusPolicy': [{ path: ['Statement'], policyType: 'resource', holds: 'statement' }],
  'AWS::OpenSearchService::Domain': [resource('AccessPolicies')],
  'AWS::Elasticsearch::Domain': [resource('AccessPolicies')],
  'AWS::EFS::FileSystem': [resource('FileSystemPolicy')],
  'AWS::Backup::BackupVault': [resource('AccessPolicy')],
  'AWS::EC2::VPCEndpoint': [resource('PolicyDocument')],
  'AWS::CodeArtifact::Domain': [resource('PermissionsPolicyDocument')],
  'AWS::CodeArtifact::Repository': [resource('PermissionsPolicyDocument')],
  'AWS::ApiGateway::RestApi': [resource('Policy')],
  'AWS::SageMaker::ModelPackageGroup': [resource('ModelPackageGroupPolicy')],
  'AWS::Kinesis::ResourcePolicy': [resource('ResourcePolicy')],
  'AWS::DynamoDB::Table': [resource('ResourcePolicy', 'PolicyDocument')],
  'AWS::VpcLattice::AuthPolicy': [resource('Policy')],
  'AWS::VpcLattice::ResourcePolicy': [resource('Policy')],
};
