import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/pass-role-wildcard.js';

const allow = (rest: string): string => `{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", ${rest} }] }`;

new RuleTester().run('pass-role-wildcard', rule, {
  valid: [
    { name: 'named roles', code: allow(`"Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app-*"`) },
    { name: 'all roles of one account are not every role', code: allow(`"Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/*"`) },
    { name: 'a Deny', code: `{ "Statement": [{ "Effect": "Deny", "Action": "iam:PassRole", "Resource": "*" }] }` },
    { name: 'a wildcard that does not match PassRole', code: allow(`"Action": "iam:Get*", "Resource": "*"`) },
    { name: 'NotAction excluding PassRole', code: allow(`"NotAction": ["s3:*", "IAM:*"], "Resource": "*"`) },
    { name: 'NotResource excluding every role', code: allow(`"Action": "iam:PassRole", "NotResource": "arn:aws:iam::*:role/*"`) },
    { name: 'a policy variable is one role per caller', code: allow(`"Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/\${aws:username}"`) },
    {
      name: 'aws partition ARNs do not cover aws-cn roles',
      settings: { partition: 'aws-cn' },
      code: allow(`"Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/*"`),
    },
    {
      name: 'not checked in resource policies',
      policyType: 'resource',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "iam:PassRole", "Resource": "*" }] }`,
    },
  ],
  invalid: [
    {
      // line 4: 4 spaces, `{ ` (5-6), "Effect" 7-14, `: ` , "Allow" 17-23, `, `, "Action" 26-33, `: `,
      //   "iam:PassRole" 36-49, `, `, "Resource" 52-61, `: `, "*" at 64-66.
      // line 5: … "Action" 26-33, `: `, `[` 36, "ec2:RunInstances" 37-54, `, `, "iam:Pass*" 57-67, `]` 68, `, `,
      //   "Resource" 71-80, `: `, `[` 83, "arn:aws:ec2:*:*:instance/*" (26+2) 84-111, `, `, "arn:aws:iam::*:role/*" (21+2) 114-136.
      // line 6: … "NotAction" 26-36, `: `, "s3:*" 39-44, `, `, "Resource" 47-56, `: `, "*" at 59-61.
      name: 'named, wildcard and NotAction on every role',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" },
    { "Effect": "Allow", "Action": ["ec2:RunInstances", "iam:Pass*"], "Resource": ["arn:aws:ec2:*:*:instance/*", "arn:aws:iam::*:role/*"] },
    { "Effect": "Allow", "NotAction": "s3:*", "Resource": "*" }
  ]
}`,
      errors: [
        { messageId: 'actionOnAnyResource', data: { resource: '"*"', limit: '' }, line: 4, column: 64, endLine: 4, endColumn: 67 },
        {
          messageId: 'wildcardActionOnAnyResource',
          data: { resource: '"arn:aws:iam::*:role/*"', actionItem: '"iam:Pass*"', limit: '' },
          line: 5,
          column: 114,
          endLine: 5,
          endColumn: 137,
        },
        { messageId: 'notActionOnAnyResource', data: { resource: '"*"', limit: '' }, line: 6, column: 59, endLine: 6, endColumn: 62 },
      ],
    },
    {
      // `{ "Statement": [{ "Effect": "Allow", ` ends at col 37; "Action" 38-45, `: `, "iam:PassRole" 48-61, `, `,
      // "NotResource" (13) 64-76, `: `, "arn:aws:iam::*:role/admin" (25+2) 79-105.
      name: 'named with NotResource',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::*:role/admin" }] }`,
      errors: [{ messageId: 'actionWithNotResource', line: 1, column: 79, endLine: 1, endColumn: 106 }],
    },
    {
      // "Action" 38-45, `: `, "iam:*" 48-54, `, `, "NotResource" 57-69, `: `, `[` 72, "arn:aws:s3:::b/*" (16+2) 73-90, `]` 91.
      name: 'wildcard with NotResource (reported on the whole NotResource value)',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "iam:*", "NotResource": ["arn:aws:s3:::b/*"] }] }`,
      errors: [{ messageId: 'wildcardActionWithNotResource', data: { actionItem: '"iam:*"', limit: '' }, line: 1, column: 72, endLine: 1, endColumn: 92 }],
    },
    {
      // "NotAction" 38-48, `: `, "s3:*" 51-56, `, `, "NotResource" 59-71, `: `, "arn:aws:s3:::b" (14+2) 74-89.
      name: 'NotAction with NotResource',
      code: `{ "Statement": [{ "Effect": "Allow", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::b" }] }`,
      errors: [{ messageId: 'notActionWithNotResource', line: 1, column: 74, endLine: 1, endColumn: 90 }],
    },
    {
      // "iam:PassRole" 48-61, `, `, "Resource" 64-73, `: `, "*" 76-78.
      name: 'iam:PassedToService makes it uncertain (one level lower)',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": { "StringEquals": { "iam:PassedToService": "ec2.amazonaws.com" } } }] }`,
      errors: [
        {
          messageId: 'actionOnAnyResource',
          data: { resource: '"*"', limit: ', but the iam:PassedToService condition may limit it to intended uses' },
          level: 'warning',
          line: 1,
          column: 76,
          endLine: 1,
          endColumn: 79,
        },
      ],
    },
    {
      // regression: a condition on the role's tag limits which roles may be passed, but was reported as certain.
      // "iam:PassRole" 48-61, `, `, "Resource" 64-73, `: `, "*" 76-78.
      name: 'a role tag condition makes it uncertain',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Condition": { "StringEquals": { "iam:ResourceTag/team": "ml" } } }] }`,
      errors: [
        {
          messageId: 'actionOnAnyResource',
          data: { resource: '"*"', limit: ', but the iam:ResourceTag/team condition may limit it to intended uses' },
          level: 'warning',
          line: 1,
          column: 76,
          endLine: 1,
          endColumn: 79,
        },
      ],
    },
  ],
});
