/**
 * What `Ref` and `Fn::GetAtt … Arn` return for resources whose name the template sets (a bucket's
 * `BucketName`, a role's `RoleName`, …): the name or the ARN built from it, with the stack's
 * account and region as placeholders. A resource without its name property gets a name generated
 * at deployment, so its `Ref` stays a placeholder and its ARN has the placeholder as its name.
 * Source of truth: the "Return values" section of each resource type in the CloudFormation
 * resource type reference; ARN formats from the Service Authorization Reference.
 */
import { placeholder } from '../placeholder.js';

const ACCOUNT = placeholder('AWS::AccountId');
const REGION = placeholder('AWS::Region');

/** How a resource type's `Ref` and `Arn` attribute follow from its name property. */
interface NamedResource {
  nameProperty: string;
  ref: (name: string, path: string) => string;
  arn: (name: string, path: string) => string;
}

const byName = (arn: (name: string, path: string) => string): Pick<NamedResource, 'ref' | 'arn'> => ({ ref: (name) => name, arn });

/** Resource types whose return values iamscope computes, by type. */
export const NAMED_RESOURCES: Readonly<Record<string, NamedResource>> = {
  'AWS::S3::Bucket': { nameProperty: 'BucketName', ...byName((name) => `arn:aws:s3:::${name}`) },
  'AWS::IAM::Role': { nameProperty: 'RoleName', ...byName((name, path) => `arn:aws:iam::${ACCOUNT}:role${path}${name}`) },
  'AWS::IAM::User': { nameProperty: 'UserName', ...byName((name, path) => `arn:aws:iam::${ACCOUNT}:user${path}${name}`) },
  'AWS::IAM::Group': { nameProperty: 'GroupName', ...byName((name, path) => `arn:aws:iam::${ACCOUNT}:group${path}${name}`) },
  'AWS::IAM::ManagedPolicy': {
    nameProperty: 'ManagedPolicyName',
    ref: (name, path) => `arn:aws:iam::${ACCOUNT}:policy${path}${name}`,
    arn: (name, path) => `arn:aws:iam::${ACCOUNT}:policy${path}${name}`,
  },
  'AWS::ECR::Repository': { nameProperty: 'RepositoryName', ...byName((name) => `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${name}`) },
  'AWS::Logs::LogGroup': { nameProperty: 'LogGroupName', ...byName((name) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${name}:*`) },
  'AWS::DynamoDB::Table': { nameProperty: 'TableName', ...byName((name) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`) },
  'AWS::Lambda::Function': { nameProperty: 'FunctionName', ...byName((name) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`) },
  'AWS::SQS::Queue': {
    nameProperty: 'QueueName',
    ref: (name) => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`,
    arn: (name) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`,
  },
  'AWS::SNS::Topic': {
    nameProperty: 'TopicName',
    ref: (name) => `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`,
    arn: (name) => `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`,
  },
};
