import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/redundant-statement.js';

const two = (a: string, b: string): string => `{ "Statement": [{ ${a} }, { ${b} }] }`;

new RuleTester().run('redundant-statement', rule, {
  valid: [
    {
      name: 'different Effect',
      code: two(`"Effect": "Allow", "Action": "s3:*", "Resource": "*"`, `"Effect": "Deny", "Action": "s3:*", "Resource": "*"`),
    },
    {
      name: 'one statement covering the other is not reported',
      code: two(`"Effect": "Allow", "Action": "s3:*", "Resource": "*"`, `"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"`),
    },
    {
      name: 'resource ARNs are case-sensitive',
      code: two(`"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b"`, `"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::B"`),
    },
    {
      name: 'different condition values',
      code: two(
        `"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "true" } }`,
        `"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } }`,
      ),
    },
    {
      name: 'different principals',
      policyType: 'resource',
      code: two(
        `"Effect": "Allow", "Principal": { "AWS": "111122223333" }, "Action": "s3:GetObject", "Resource": "*"`,
        `"Effect": "Allow", "Principal": { "AWS": "444455556666" }, "Action": "s3:GetObject", "Resource": "*"`,
      ),
    },
  ],
  invalid: [
    {
      // line 4: `{` at col 5; … `"Action": ` , `[` 55, "S3:ListBucket" (13+2) 56-70, `, `, "s3:GetObject" 73-86, `]` 87, ` `, `}` 89.
      // lines 5-10: the statement from `{` at 5:5 to `}` at 10:5.
      // line 11: `{` at col 5; … "Condition" 69-79, `: { ` , "StringEquals" 84-97, `: { `, "AWS:sourcevpc" (13+2) 102-116,
      //   `: `, `[` 119, "vpc-2" 120-126, `, `, "vpc-1" 129-135, `]` 136, then ` } } }` with the last `}` at col 142.
      name: 'reordered elements and values, case of actions and keys, one-item array',
      code: `{
  "Statement": [
    { "Sid": "A", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*" },
    { "Effect": "Allow", "Resource": ["*"], "Action": ["S3:ListBucket", "s3:GetObject"] },
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*",
      "Condition": { "StringEquals": { "aws:SourceVpc": ["vpc-1", "vpc-2"] } }
    },
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "AWS:sourcevpc": ["vpc-2", "vpc-1"] } } }
  ]
}`,
      errors: [
        { messageId: 'duplicate', data: { other: '#1 (Sid "A")' }, line: 4, column: 5, endLine: 4, endColumn: 90 },
        { messageId: 'duplicate', data: { other: '#3' }, line: 11, column: 5, endLine: 11, endColumn: 143 },
      ],
    },
  ],
});
