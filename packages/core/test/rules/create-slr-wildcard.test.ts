import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/create-slr-wildcard.js';

new RuleTester().run('create-slr-wildcard', rule, {
  valid: [
    {
      name: 'service-linked roles of one service',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "arn:aws:iam::*:role/aws-service-role/ecs.amazonaws.com/*" }] }`,
    },
    {
      name: 'every service-linked role is still not every role',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "arn:aws:iam::*:role/aws-service-role/*" }] }`,
    },
    { name: 'a Deny', code: `{ "Statement": [{ "Effect": "Deny", "Action": "iam:CreateServiceLinkedRole", "Resource": "*" }] }` },
    { name: 'NotAction excluding it', code: `{ "Statement": [{ "Effect": "Allow", "NotAction": "iam:Create*", "Resource": "*" }] }` },
    { name: 'another wildcard action', code: `{ "Statement": [{ "Effect": "Allow", "Action": "iam:CreateRole*", "Resource": "*" }] }` },
  ],
  invalid: [
    {
      // Every line starts `    { "Effect": "Allow", ` (cols 1-25), so the next key starts at col 26.
      // line 3: "Action" 26-33, `: `, "iam:CreateServiceLinkedRole" (27+2) 36-64, `, `, "Resource" 67-76, `: `, "*" 79-81.
      // line 4: "iam:Create*" (11+2) 36-48, `, `, "Resource" 51-60, `: `, "*" 63-65.
      // line 5: "NotAction" 26-36, `: `, "s3:*" 39-44, `, `, "Resource" 47-56, `: `, `[` 59, "arn:aws:s3:::b" 60-75, `, `, "*" 78-80.
      // line 6: "iam:createservicelinkedrole" 36-64, `, `, "NotResource" (11+2) 67-79, `: `, "arn:aws:s3:::b" (14+2) 82-97.
      // line 7: "*" 36-38, `, `, "NotResource" 41-53, `: `, "arn:aws:s3:::b" 56-71.
      // line 8: "NotAction" 26-36, `: `, "iam:Delete*" (11+2) 39-51, `, `, "NotResource" 54-66, `: `, "arn:aws:s3:::b" 69-84.
      name: 'all six shapes',
      code: `{
  "Statement": [
    { "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*" },
    { "Effect": "Allow", "Action": "iam:Create*", "Resource": "*" },
    { "Effect": "Allow", "NotAction": "s3:*", "Resource": ["arn:aws:s3:::b", "*"] },
    { "Effect": "Allow", "Action": "iam:createservicelinkedrole", "NotResource": "arn:aws:s3:::b" },
    { "Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::b" },
    { "Effect": "Allow", "NotAction": "iam:Delete*", "NotResource": "arn:aws:s3:::b" }
  ]
}`,
      errors: [
        { messageId: 'actionOnAnyResource', data: { resource: '"*"', limit: '' }, line: 3, column: 79, endLine: 3, endColumn: 82 },
        {
          messageId: 'wildcardActionOnAnyResource',
          data: { resource: '"*"', actionItem: '"iam:Create*"', limit: '' },
          line: 4,
          column: 63,
          endLine: 4,
          endColumn: 66,
        },
        { messageId: 'notActionOnAnyResource', line: 5, column: 78, endLine: 5, endColumn: 81 },
        { messageId: 'actionWithNotResource', line: 6, column: 82, endLine: 6, endColumn: 98 },
        { messageId: 'wildcardActionWithNotResource', data: { actionItem: '"*"', limit: '' }, line: 7, column: 56, endLine: 7, endColumn: 72 },
        { messageId: 'notActionWithNotResource', line: 8, column: 69, endLine: 8, endColumn: 85 },
      ],
    },
    {
      // "iam:CreateServiceLinkedRole" 48-76, `, `, "Resource" 79-88, `: `, "*" 91-93.
      name: 'iam:AWSServiceName makes it uncertain',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "iam:CreateServiceLinkedRole", "Resource": "*", "Condition": { "StringLike": { "iam:AWSServiceName": "ecs.*" } } }] }`,
      errors: [{ messageId: 'actionOnAnyResource', level: 'warning', line: 1, column: 91, endLine: 1, endColumn: 94 }],
    },
  ],
});
