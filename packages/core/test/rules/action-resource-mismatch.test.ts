import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/action-resource-mismatch.js';

new RuleTester().run('action-resource-mismatch', rule, {
  valid: [
    {
      name: 'object and bucket actions on S3 ARNs; a wildcard-only action on "*"; NotResource is not checked',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket", "s3:*"], "Resource": ["arn:aws:s3:::ml-data", "arn:aws:s3:::ml-data/*"] },
    { "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*" },
    { "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "NotResource": "arn:aws:s3:::secret" },
    { "Effect": "Allow", "Action": "logs:PutLogEvents", "Resource": "arn:aws:logs:*:*:log-group:/aws/sagemaker/*" }
  ]
}`,
    },
    {
      // the catalog writes this type as arn:\${Partition}:\${Vendor}:\${Region}:*:\${ResourceType}:\${RecoveryPointId}
      name: 'formats with a placeholder service and a literal "*" account',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "backup:CreateBackupAccessPoint", "Resource": "arn:aws:backup:us-east-1:123456789012:recovery-point:rp1" }] }`,
    },
    {
      // regression: API Gateway's documented short form made execute-api:Invoke "fit no listed Resource"
      name: 'API Gateway resource policy with the execute-api:/… short form',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*", "Condition": { "IpAddress": { "aws:SourceIp": "192.0.2.0/24" } } }] }`,
    },
  ],
  invalid: [
    {
      // line 6, 6 spaces then "Action": [ : "s3:GetObject" at cols 18-31, "s3:ListAllMyBuckets" at cols 34-54.
      name: 'S3 actions on an EC2 instance ARN',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListAllMyBuckets"],
      "Resource": "arn:aws:ec2:us-east-1:123456789012:instance/i-1"
    }
  ]
}`,
      errors: [
        { messageId: 'noFittingResource', data: { actions: '"s3:GetObject"' }, line: 6, column: 18, endLine: 6, endColumn: 32 },
        { messageId: 'onlyStar', data: { actions: '"s3:ListAllMyBuckets"' }, line: 6, column: 34, endLine: 6, endColumn: 55 },
      ],
    },
  ],
});
