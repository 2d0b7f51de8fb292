import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/arn-field-not-allowed.js';

const policy = (resource: string) => `{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": ${JSON.stringify(resource)} }] }`;

new RuleTester().run('arn-field-not-allowed', rule, {
  valid: [
    { name: 'S3 bucket without region and account', code: policy('arn:aws:s3:::my-bucket/*') },
    { name: 'S3 access points have region and account', code: policy('arn:aws:s3:us-east-1:123456789012:accesspoint/ap1') },
    { name: 'a * account may be empty', code: policy('arn:aws:s3:*:*:my-bucket') },
    { name: 'IAM role with account, no region', code: policy('arn:aws:iam::123456789012:role/*') },
    { name: 'AWS managed policy', code: policy('arn:aws:iam::aws:policy/ReadOnlyAccess') },
    { name: 'wildcard in the resource type still fits user', code: policy('arn:aws:iam::123456789012:u*') },
    { name: 'log group with colons in the name part', code: policy('arn:aws:logs:*:*:log-group:/aws/lambda/*:*') },
    { name: 'EC2 images have no account', code: policy('arn:aws:ec2:us-east-1::image/ami-1') },
    { name: 'region codes of newer partitions', code: policy('arn:aws:lambda:eusc-de-east-1:123456789012:function:f') },
    { name: 'isolated region code', code: policy('arn:aws:lambda:us-isob-east-1:123456789012:function:f') },
    { name: 'a segment-final * region may hide the fields', code: policy('arn:aws:iam:*:role/x') },
    { name: 'services missing from the IAM data are not judged', code: policy('arn:aws:no-such-service:xx:yy:zz') },
    { name: 'a variable in the resource part', code: policy('arn:aws:s3:::bucket/${aws:username}/*') },
  ],
  invalid: [
    {
      // Resource items are indented 6 spaces, so each string starts at col 7; end = 7 + length + 2 quotes.
      // line 7: "arn:aws:s3::123456789012:my-bucket" = 4+4+3+1+13+9 = 34 -> end 43.
      // line 8: "arn:aws:iam:us-east-1:123456789012:role/admin" = 4+4+4+10+13+10 = 45 -> end 54.
      // line 9: "arn:aws:lambda::123456789012:function:f" = 4+4+7+1+13+10 = 39 -> end 48.
      // line 10: "arn:aws:lambda:us-east:123456789012:function:f" = 4+4+7+8+13+10 = 46 -> end 55.
      // line 11: "arn:aws:iam::123456789012:rol/admin" = 4+4+4+1+13+9 = 35 -> end 44.
      name: 'one of each on its own line',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "*",
    "Resource": [
      "arn:aws:s3::123456789012:my-bucket",
      "arn:aws:iam:us-east-1:123456789012:role/admin",
      "arn:aws:lambda::123456789012:function:f",
      "arn:aws:lambda:us-east:123456789012:function:f",
      "arn:aws:iam::123456789012:rol/admin"
    ]
  }]
}`,
      errors: [
        {
          messageId: 'accountNotAllowed',
          data: { value: '"arn:aws:s3::123456789012:my-bucket"', service: 's3', account: '123456789012', example: 'arn:${Partition}:s3:::${BucketName}' },
          line: 7, column: 7, endLine: 7, endColumn: 43,
        },
        { messageId: 'regionNotAllowed', data: { value: '"arn:aws:iam:us-east-1:123456789012:role/admin"', service: 'iam', region: 'us-east-1', example: 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}' }, line: 8, column: 7, endLine: 8, endColumn: 54 },
        { messageId: 'missingRegion', data: { value: '"arn:aws:lambda::123456789012:function:f"', service: 'lambda', example: 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}' }, line: 9, column: 7, endLine: 9, endColumn: 48 },
        { messageId: 'invalidRegion', data: { value: '"arn:aws:lambda:us-east:123456789012:function:f"', service: 'lambda', region: 'us-east' }, line: 10, column: 7, endLine: 10, endColumn: 55 },
        { messageId: 'invalidResource', data: { value: '"arn:aws:iam::123456789012:rol/admin"', service: 'iam', resource: 'rol/admin', example: 'arn:${Partition}:iam::${Account}:user/${AwsUserName}' }, line: 11, column: 7, endLine: 11, endColumn: 44 },
      ],
    },
    {
      // a region with a ? is still non-empty, and no IAM ARN has one.
      // prefix `{ "Statement": [{ "Effect": "Deny", "Action": "*", "NotResource": ` is 66 chars -> col 67;
      // "arn:aws:iam:u?-east-1:123456789012:role/x" = 4+4+4+10+13+6 = 41 (+2) -> end 110.
      name: 'a partly wild region in NotResource',
      code: `{ "Statement": [{ "Effect": "Deny", "Action": "*", "NotResource": "arn:aws:iam:u?-east-1:123456789012:role/x" }] }`,
      errors: [{ messageId: 'regionNotAllowed', data: { value: '"arn:aws:iam:u?-east-1:123456789012:role/x"', service: 'iam', region: 'u?-east-1', example: 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}' }, line: 1, column: 67, endLine: 1, endColumn: 110 }],
    },
  ],
});
