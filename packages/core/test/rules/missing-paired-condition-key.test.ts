import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/missing-paired-condition-key.js';

/** One-line Allow statement up to the inside of its Condition object: the next character is at column 85. */
const P = '{ "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*", "Condition": { ';
const policy = (operators: string) => `${P}${operators} } }] }`;

new RuleTester().run('missing-paired-condition-key', rule, {
  valid: [
    { name: 'paired with aws:SourceVpc', code: policy('"IpAddress": { "aws:VpcSourceIp": "10.0.0.0/16" }, "StringEquals": { "aws:SourceVpc": "vpc-1a2b3c4d" }') },
    { name: 'paired with aws:SourceVpce, any case', code: policy('"IpAddress": { "aws:VpcSourceIp": "10.0.0.0/16" }, "StringLike": { "AWS:SOURCEVPCE": "vpce-*" }') },
    { name: 'paired with aws:SourceVpcArn', code: policy('"IpAddress": { "aws:VpcSourceIp": "10.0.0.0/16" }, "ArnEquals": { "aws:SourceVpcArn": "arn:aws:ec2:us-east-1:111122223333:vpc/vpc-1a2b3c4d" }') },
    { name: 'no aws:VpcSourceIp', code: policy('"IpAddress": { "aws:SourceIp": "203.0.113.0/24" }') },
  ],
  invalid: [
    {
      // line 8: 6 spaces, "Condition" 7-17, "{" 20, "IpAddress" (11 quoted) 22-32, "{" 35, "aws:VpcSourceIp" (17 quoted) 37-53 -> end 54.
      // line 14: "Condition" 7-17, "{" 20, "Null" (6 quoted) 22-27, "{" 30, "aws:SourceVpc" 32-46, "}" 57, "," 58,
      //   "NotIpAddress" (14 quoted) 60-73, "{" 76, "AWS:VPCSOURCEIP" (17 quoted) 78-94 -> end 95.
      name: 'alone, and with only a Null check on aws:SourceVpc',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*",
      "Condition": { "IpAddress": { "aws:VpcSourceIp": "10.0.0.0/16" } }
    },
    {
      "Effect": "Deny",
      "Action": "s3:GetObject",
      "Resource": "*",
      "Condition": { "Null": { "aws:SourceVpc": "false" }, "NotIpAddress": { "AWS:VPCSOURCEIP": "10.0.0.0/16" } }
    }
  ]
}`,
      errors: [
        { messageId: 'unpaired', data: { key: 'aws:VpcSourceIp' }, line: 8, column: 37, endLine: 8, endColumn: 54 },
        { messageId: 'unpaired', data: { key: 'AWS:VPCSOURCEIP' }, line: 14, column: 78, endLine: 14, endColumn: 95 },
      ],
    },
  ],
});
