import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/malformed-arn.js';

const policy = (resource: string) => `{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": ${JSON.stringify(resource)} }] }`;

new RuleTester().run('malformed-arn', rule, {
  valid: [
    { name: 'the lone star', code: policy('*') },
    { name: 'a well-formed ARN', code: policy('arn:aws:s3:::bucket/*') },
    { name: 'a segment-final * may stand for "arn" and supply the missing fields', code: policy('*:*') },
    { name: 'a trailing * may run past colons', code: policy('arn:aws:s3:*') },
    { name: 'wildcards in partition and account', code: policy('arn:*:ec2:*:12345678901?:instance/*') },
    { name: 'AWS managed policies have the account "aws"', code: policy('arn:aws:iam::aws:policy/ReadOnlyAccess') },
    { name: 'every listed partition', code: policy('arn:aws-eusc:s3:::bucket') },
    { name: 'a variable is not judged here', code: policy('arn:${aws:partition}:s3:::bucket') },
    { name: 'a service field with a wildcard is not judged', code: policy('arn:aws:S*:::bucket') },
    // regression: the API Gateway resource-policy short form was reported as "not an ARN"
    { name: 'API Gateway short form execute-api:/…', code: policy('execute-api:/prod/GET/pets/*') },
  ],
  invalid: [
    {
      // Resource items are indented 6 spaces, so every string starts at col 7; end = 7 + quoted length.
      // line 7: "s3:::bucket/*" = 13 chars + 2 quotes = 15 -> end 22.
      // line 8: "arn:aws:iam::123456789012" = 4+4+4+1+12 = 25 (+2) -> end 34; fields arn,aws,iam,"",123456789012 = 5.
      // line 9: "arn:aws:ec2:us-east-1:12345:instance/*" = 4+4+4+10+6+10 = 38 (+2) -> end 47.
      // line 10: "arn:aws-us-gv:s3:::bucket" = 4+10+5+6 = 25 (+2) -> end 34.
      // line 11: "arn:aws:S3:::bucket" = 13+6 = 19 (+2) -> end 28.
      name: 'one of each on its own line',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "s3:GetObject",
    "Resource": [
      "s3:::bucket/*",
      "arn:aws:iam::123456789012",
      "arn:aws:ec2:us-east-1:12345:instance/*",
      "arn:aws-us-gv:s3:::bucket",
      "arn:aws:S3:::bucket"
    ]
  }]
}`,
      errors: [
        { messageId: 'invalidPrefix', data: { value: '"s3:::bucket/*"' }, line: 7, column: 7, endLine: 7, endColumn: 22 },
        { messageId: 'missingField', data: { value: '"arn:aws:iam::123456789012"', count: 5 }, line: 8, column: 7, endLine: 8, endColumn: 34 },
        { messageId: 'invalidAccount', data: { value: '"arn:aws:ec2:us-east-1:12345:instance/*"', account: '12345' }, line: 9, column: 7, endLine: 9, endColumn: 47 },
        { messageId: 'invalidPartition', data: { value: '"arn:aws-us-gv:s3:::bucket"', partition: 'aws-us-gv', hint: ' (did you mean "aws-us-gov"?)', partitions: 'aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc' }, line: 10, column: 7, endLine: 10, endColumn: 34 },
        { messageId: 'serviceCase', data: { value: '"arn:aws:S3:::bucket"', service: 'S3', lower: 's3' }, line: 11, column: 7, endLine: 11, endColumn: 28 },
      ],
    },
    {
      // a * inside a field (not before a colon) cannot supply colons; fields arn,aws,s3,*x = 4.
      // prefix `{ "Statement": [{ "Effect": "Deny", "Action": "*", "NotResource": ` is 66 chars -> col 67;
      // "arn:aws:s3:*x" = 13 (+2) -> end 82.
      name: 'a mid-field wildcard in NotResource',
      code: `{ "Statement": [{ "Effect": "Deny", "Action": "*", "NotResource": "arn:aws:s3:*x" }] }`,
      errors: [{ messageId: 'missingField', data: { value: '"arn:aws:s3:*x"', count: 4 }, line: 1, column: 67, endLine: 1, endColumn: 82 }],
    },
  ],
});
