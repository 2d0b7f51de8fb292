import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/invalid-condition-value-format.js';

/** One-line Deny statement up to the inside of its Condition object: the next character is at column 84. */
const P = '{ "Statement": [{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { ';
const policy = (operators: string) => `${P}${operators} } }] }`;

new RuleTester().run('invalid-condition-value-format', rule, {
  valid: [
    { name: 'VPC IDs of 8 and 17 characters', code: policy('"StringEquals": { "aws:SourceVpc": ["vpc-1a2b3c4d", "vpc-0123456789abcdef0"], "aws:SourceVpce": "vpce-1a2b3c4d" }') },
    { name: 'patterns that could match an ID', code: policy('"StringLike": { "aws:SourceVpc": ["vpc-*", "vpc-????????", "*"], "aws:SourceVpce": "vpce-0123*" }') },
    { name: 'region codes of every partition, including unknown ones', code: policy('"StringEquals": { "aws:RequestedRegion": ["us-gov-west-1", "cn-north-1", "us-isob-east-1", "eu-isoe-west-1", "eusc-de-east-1", "xx-newplace-9"] }') },
    { name: 'region wildcards under StringLike', code: policy('"StringLike": { "aws:RequestedRegion": ["eu-*", "us-????-1"] }') },
    { name: 'upper case under StringEqualsIgnoreCase', code: policy('"StringEqualsIgnoreCase": { "aws:RequestedRegion": "US-EAST-1" }') },
    { name: 'service principals', code: policy('"StringEquals": { "aws:PrincipalServiceName": ["ec2.amazonaws.com", "logs.us-east-1.amazonaws.com", "elasticmapreduce.amazonaws.com.cn"] }') },
    { name: 'policy variables are not checked', code: policy('"StringEquals": { "aws:SourceVpc": "${aws:PrincipalTag/vpc}" }') },
    {
      // regression: also reported by wildcard-without-like-operator on the same value
      name: 'wildcards under exact-match operators are left to wildcard-without-like-operator',
      code: policy('"StringNotEquals": { "aws:SourceVpc": "vpc-*", "aws:RequestedRegion": "eu-*", "aws:PrincipalServiceName": "*.amazonaws.com" }'),
    },
    { name: 'other keys and operators', code: policy('"StringEquals": { "aws:SourceAccount": "vpc-1" }, "Null": { "aws:SourceVpc": "true" }') },
  ],
  invalid: [
    {
      // line 8: 6 spaces, "StringNotEquals" (17 quoted) 7-23, "{" 26, "aws:SourceVpc" (15 quoted) 28-42, "[" 45,
      //   "vpc-1a2b3c4d" 46-59, "vpc-123" (9 quoted) 62-70 -> end 71.
      // line 9: "StringNotLike" (15 quoted) 7-21, "{" 24, "aws:SourceVpce" (16 quoted) 26-41, "[" 44, "vpce-*" 45-52,
      //   "vpc-*" (7 quoted) 55-61 -> end 62 (its "-" stands where "vpce-" has "e").
      // line 10: "StringEquals" (14 quoted) 7-20, "{" 23, "aws:RequestedRegion" (21 quoted) 25-45, "[" 48, "eu-west-1" 49-59,
      //   "US-EAST-1" (11 quoted) 62-72 -> end 73, "us-east-1a" (12 quoted) 75-86 -> end 87, "europe" (8 quoted) 89-96 -> end 97.
      name: 'VPC, VPC endpoint and region values',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Deny",
    "Action": "*",
    "Resource": "*",
    "Condition": {
      "StringNotEquals": { "aws:SourceVpc": ["vpc-1a2b3c4d", "vpc-123"] },
      "StringNotLike": { "aws:SourceVpce": ["vpce-*", "vpc-*"] },
      "StringEquals": { "aws:RequestedRegion": ["eu-west-1", "US-EAST-1", "us-east-1a", "europe"] }
    }
  }]
}`,
      errors: [
        { messageId: 'vpcFormat', data: { key: 'aws:SourceVpc', value: '"vpc-123"' }, line: 8, column: 62, endLine: 8, endColumn: 71 },
        { messageId: 'vpceFormat', data: { key: 'aws:SourceVpce', value: '"vpc-*"' }, line: 9, column: 55, endLine: 9, endColumn: 62 },
        { messageId: 'regionFormat', data: { key: 'aws:RequestedRegion', value: '"US-EAST-1"', hint: ' (did you mean "us-east-1"?)' }, line: 10, column: 62, endLine: 10, endColumn: 73 },
        { messageId: 'regionFormat', data: { key: 'aws:RequestedRegion', value: '"us-east-1a"', hint: ' (did you mean "us-east-1"?)' }, line: 10, column: 75, endLine: 10, endColumn: 87 },
        { messageId: 'regionFormat', data: { key: 'aws:RequestedRegion', value: '"europe"', hint: '' }, line: 10, column: 89, endLine: 10, endColumn: 97 },
      ],
    },
    {
      // "ForAnyValue:StringEquals" (26 quoted) 84-109, "{" 112, "aws:PrincipalServiceNamesList" (31 quoted) 114-144, "[" 147,
      // "ec2.amazonaws.com" (19 quoted) 148-166, "lambda" (8 quoted) 169-176 -> end 177, "arn:aws:iam::1:role/x" (23 quoted) 179-201 -> end 202.
      name: 'service principal values',
      code: policy('"ForAnyValue:StringEquals": { "aws:PrincipalServiceNamesList": ["ec2.amazonaws.com", "lambda", "arn:aws:iam::1:role/x"] }'),
      errors: [
        { messageId: 'servicePrincipalFormat', data: { key: 'aws:PrincipalServiceNamesList', value: '"lambda"', hint: ' (did you mean "lambda.amazonaws.com"?)' }, line: 1, column: 169, endLine: 1, endColumn: 177 },
        { messageId: 'servicePrincipalFormat', data: { key: 'aws:PrincipalServiceNamesList', value: '"arn:aws:iam::1:role/x"', hint: '' }, line: 1, column: 179, endLine: 1, endColumn: 202 },
      ],
    },
  ],
});
