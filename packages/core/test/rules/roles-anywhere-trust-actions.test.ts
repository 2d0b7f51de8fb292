import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/roles-anywhere-trust-actions.js';

new RuleTester().run('roles-anywhere-trust-actions', rule, {
  valid: [
    {
      name: 'all three actions, names case-insensitive',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": "rolesanywhere.amazonaws.com" }, "Action": ["sts:AssumeRole", "STS:setsourceidentity", "sts:TagSession"] }] }`,
    },
    {
      name: 'sts:* covers all three',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": "rolesanywhere.amazonaws.com" }, "Action": "sts:*" }] }`,
    },
    {
      name: 'actions spread over two statements',
      code: `{ "Statement": [
        { "Effect": "Allow", "Principal": { "Service": "rolesanywhere.amazonaws.com" }, "Action": "sts:AssumeRole" },
        { "Effect": "Allow", "Principal": { "Service": "rolesanywhere.amazonaws.com" }, "Action": ["sts:SetSourceIdentity", "sts:TagSession"] }
      ] }`,
    },
    {
      name: 'other service principals need only sts:AssumeRole',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }] }`,
    },
  ],
  invalid: [
    {
      // line 5: 6 spaces, "Principal" cols 7-17, ": " , "{" col 20, "Service" cols 22-30, ": ",
      // then "rolesanywhere.amazonaws.com" (27 + 2 quotes = 29 units) at cols 33-61 → end 62.
      name: 'sts:SetSourceIdentity missing',
      code: `{
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Service": "rolesanywhere.amazonaws.com" },
      "Action": ["sts:AssumeRole", "sts:TagSession"]
    }
  ]
}`,
      errors: [
        {
          messageId: 'missingActions',
          data: { missing: 'sts:SetSourceIdentity', principal: '"rolesanywhere.amazonaws.com"' },
          line: 5,
          column: 33,
          endLine: 5,
          endColumn: 62,
        },
      ],
    },
    {
      // "{ " 1-2, "Statement" 3-13, ": [{ " 14-18, "Effect" 19-26, ": " , "Allow" 29-35, ", " 36-37,
      // "Principal" 38-48, ": { " 49-52, "Service" 53-61, ": [" 62-64, "ec2.amazonaws.com" (19 units) 65-83,
      // ", " 84-85, "rolesanywhere.amazonaws.com" (29 units) 86-114 → end 115.
      name: 'second service of an array, only sts:AssumeRole; a Deny grants nothing',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": ["ec2.amazonaws.com", "rolesanywhere.amazonaws.com"] }, "Action": "sts:AssumeRole" },
  { "Effect": "Deny", "Principal": { "Service": "rolesanywhere.amazonaws.com" }, "Action": "sts:TagSession" }] }`,
      errors: [
        {
          messageId: 'missingActions',
          data: { missing: 'sts:SetSourceIdentity, sts:TagSession', principal: '"rolesanywhere.amazonaws.com"' },
          line: 1,
          column: 86,
          endLine: 1,
          endColumn: 115,
        },
      ],
    },
  ],
});
