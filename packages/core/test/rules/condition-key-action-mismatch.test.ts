import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/condition-key-action-mismatch.js';

const statement = (action: string, condition: string, extra = '') =>
  `{ "Statement": [{ "Effect": "Allow", ${extra}"Action": ${action}, "Resource": "*", "Condition": ${condition} }] }`;

new RuleTester().run('condition-key-action-mismatch', rule, {
  valid: [
    { name: 'the only action carries the key', code: statement('"s3:ListBucket"', '{ "StringLike": { "s3:prefix": "home/" } }') },
    { name: 'a wildcard item where some actions carry the key', code: statement('"s3:List*"', '{ "StringLike": { "s3:prefix": "home/" } }') },
    { name: '...IfExists is written for a missing key', code: statement('["s3:ListBucket", "s3:GetObject"]', '{ "StringLikeIfExists": { "s3:prefix": "home/" } }') },
    { name: 'Null tests presence', code: statement('["s3:ListBucket", "s3:GetObject"]', '{ "Null": { "s3:prefix": "false" } }') },
    { name: 'NotAction is not checked', code: `{ "Statement": [{ "Effect": "Deny", "NotAction": "s3:ListBucket", "Resource": "*", "Condition": { "StringLike": { "s3:prefix": "x" } } }] }` },
    { name: '"*" is not checked', code: statement('"*"', '{ "StringLike": { "s3:prefix": "home/" } }') },
    { name: 'global keys are not checked', code: statement('"ec2:DescribeSubnets"', '{ "StringEquals": { "aws:ResourceTag/team": "a" } }') },
    { name: 'actions of another service than the key', code: statement('"s3:GetObject"', '{ "StringEquals": { "kms:ViaService": "s3.us-east-1.amazonaws.com" } }') },
    { name: 'a key that no action of its service lists (data gap)', code: statement('"lakeformation:GetDataAccess"', '{ "ArnEquals": { "lakeformation:GlueARN": "arn:aws:glue:us-east-1:111122223333:table/d/t" } }') },
    { name: 'unknown actions are left to unknown-action', code: statement('"s3:GetObjekt"', '{ "StringLike": { "s3:prefix": "home/" } }') },
  ],
  invalid: [
    {
      // line 6: 4 spaces, "Condition" (11) cols 5-15, ": " 16-17, "{ " 18-19, "StringLike" (12) cols 20-31,
      // ": " 32-33, "{ " 34-35, "s3:prefix" (11 with quotes) cols 36-46 → end 47.
      // s3:GetObject* matches only object actions, none of which carries s3:prefix; s3:ListBucket does.
      name: 'a wildcard item none of whose actions carries the key',
      code: `{
  "Statement": [{
    "Effect": "Allow",
    "Action": ["s3:ListBucket", "s3:GetObject*"],
    "Resource": "*",
    "Condition": { "StringLike": { "s3:prefix": "home/" } }
  }]
}`,
      errors: [{ messageId: 'unsupportedActions', data: { key: 's3:prefix', actions: '"s3:GetObject*"' }, line: 6, column: 36, endLine: 6, endColumn: 47 }],
    },
    {
      // '{ "Statement": [{ "Effect": "Deny", "Action": ' = 2+11+2+3+8+2+6+2+8+2 = 46 units;
      // '["ec2:DescribeSubnets", "ec2:RunInstances"]' = 1+21+2+18+1 = 43 → 47-89;
      // ', "Resource": "*", "Condition": { ' = 2+10+2+3+2+11+2+2 = 34 → 90-123;
      // "StringNotEquals" (17) 124-140, ": { " 141-144, "ec2:Vpc" (9) cols 145-153 → end 154.
      // A negated operator is reported too: the key is missing for DescribeSubnets, so the Deny always applies.
      name: 'an explicitly named action without the key, negated operator',
      code: `{ "Statement": [{ "Effect": "Deny", "Action": ["ec2:DescribeSubnets", "ec2:RunInstances"], "Resource": "*", "Condition": { "StringNotEquals": { "ec2:Vpc": "arn:aws:ec2:us-east-1:111122223333:vpc/vpc-1" } } }] }`,
      errors: [{ messageId: 'unsupportedActions', data: { key: 'ec2:Vpc', actions: '"ec2:DescribeSubnets"' }, line: 1, column: 145, endLine: 1, endColumn: 154 }],
    },
  ],
});
