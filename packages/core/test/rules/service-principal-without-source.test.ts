import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/service-principal-without-source.js';

const topic = (condition: string): string =>
  `{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": "s3.amazonaws.com" }, "Action": "sns:Publish", "Resource": "*"${condition} }] }`;

new RuleTester().run('service-principal-without-source', rule, {
  valid: [
    { name: 'aws:SourceAccount', code: topic(', "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } }') },
    { name: 'aws:SourceArn in any case', code: topic(', "Condition": { "ArnLike": { "AWS:SOURCEARN": "arn:aws:s3:::uploads" } }') },
    { name: 'aws:SourceOrgID', code: topic(', "Condition": { "StringEquals": { "aws:SourceOrgID": "o-a1b2c3d4e5" } }') },
    { name: 'restricted only by aws:Referer: left to service-principal-weak-condition', code: topic(', "Condition": { "StringEquals": { "aws:Referer": "x" } }') },
    { name: 'Deny statements grant nothing', code: `{ "Statement": [{ "Effect": "Deny", "Principal": { "Service": "s3.amazonaws.com" }, "Action": "sns:Publish", "Resource": "*" }] }` },
    { name: 'AWS principals are not service principals', code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "111122223333" }, "Action": "sns:Publish", "Resource": "*" }] }` },
    {
      name: 'trust policies are not checked',
      policyType: 'trust',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }] }`,
    },
  ],
  invalid: [
    {
      // "s3.amazonaws.com" (18 units) starts at column 64 of the one-line topic policy (counted:
      // '{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": ' is 63 units), so it ends at 82
      name: 'an IfExists test lets requests without the key through',
      code: topic(', "Condition": { "StringEqualsIfExists": { "aws:SourceArn": "arn:aws:s3:::uploads" } }'),
      errors: [{ messageId: 'missingSource', data: { principal: '"s3.amazonaws.com"' }, line: 1, column: 64, endLine: 1, endColumn: 82 }],
    },
    {
      // line 5: 6 spaces, "Principal" (11) 7-17, ": " 18-19, "{ " 20-21, "Service" (9) 22-30, ": " 31-32, "[" 33,
      // "sns.amazonaws.com" (19 units) cols 34-52 → end 53, ", " 53-54, "events.amazonaws.com" (22 units) cols 55-76 → end 77.
      name: 'a Null test does not restrict the source',
      code: `{
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Service": ["sns.amazonaws.com", "events.amazonaws.com"] },
      "Action": "sqs:SendMessage",
      "Resource": "arn:aws:sqs:us-east-1:111122223333:queue",
      "Condition": { "Null": { "aws:SourceArn": "false" } }
    }
  ]
}`,
      errors: [
        { messageId: 'missingSource', data: { principal: '"sns.amazonaws.com"' }, line: 5, column: 34, endLine: 5, endColumn: 53 },
        { messageId: 'missingSource', data: { principal: '"events.amazonaws.com"' }, line: 5, column: 55, endLine: 5, endColumn: 77 },
      ],
    },
  ],
});
