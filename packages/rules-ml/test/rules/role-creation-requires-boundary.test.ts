import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/role-creation-requires-boundary.js';

/** A policy with the given statements, one per line from line 4. */
const policy = (...statements: string[]) => `{
  "Version": "2012-10-17",
  "Statement": [
${statements.map((s) => `    ${s}`).join(',\n')}
  ]
}`;

const BOUNDARY = 'arn:aws:iam::111122223333:policy/ml-boundary';
const ROLE = 'arn:aws:iam::123456789012:role/example';
const NO_BOUNDARY = 'no permissions boundary';
const ALL_GRANTING = ' (also "iam:CreateUser", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutUserPolicy", "iam:AttachUserPolicy")';

new RuleTester().run('ml/role-creation-requires-boundary', rule, {
  valid: [
    {
      name: 'role creation and policy changes that require the ML boundary',
      code: policy(
        `{ "Effect": "Allow", "Action": ["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy"], "Resource": "arn:aws:iam::*:role/ml-*", "Condition": { "StringEquals": { "iam:PermissionsBoundary": "${BOUNDARY}" } } }`,
      ),
    },
    {
      name: 'Deny confinement: iam:* with boundary and tampering guards',
      code: policy(
        '{ "Effect": "Allow", "Action": "iam:*", "Resource": "*" }',
        `{ "Effect": "Deny", "Action": ["iam:CreateRole", "iam:CreateUser", "iam:Put*Policy", "iam:Attach*Policy", "iam:Put*PermissionsBoundary"], "Resource": "*", "Condition": { "StringNotEquals": { "iam:PermissionsBoundary": "${BOUNDARY}" } } }`,
        '{ "Effect": "Deny", "Action": ["iam:Delete*PermissionsBoundary", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"], "Resource": "*" }',
      ),
    },
    {
      name: 'NotAction that excludes all of IAM',
      code: policy('{ "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }'),
    },
    {
      name: 'NotResource that excludes every role and user',
      code: policy('{ "Effect": "Allow", "Action": "iam:CreateRole", "NotResource": ["arn:aws:iam::*:role/*", "arn:aws:iam::*:user/*"] }'),
    },
    {
      name: 'read-only IAM',
      code: policy('{ "Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*" }'),
    },
  ],
  invalid: [
    {
      // `    { "Effect": "Allow", "Action": "iam:*", "Resource": ` is 56 characters: "*" at cols 57-59, end 60.
      name: 'iam:* on everything: no boundary, and boundary removal',
      code: policy('{ "Effect": "Allow", "Action": "iam:*", "Resource": "*" }'),
      errors: [
        {
          messageId: 'withoutBoundary',
          data: { element: 'Resource "*"', action: 'iam:CreateRole', more: ALL_GRANTING, resource: ROLE, boundary: NO_BOUNDARY },
          line: 4,
          column: 57,
          endLine: 4,
          endColumn: 60,
        },
        {
          messageId: 'boundaryTampering',
          data: {
            element: 'Resource "*"',
            action: 'iam:DeleteRolePermissionsBoundary',
            more: ' (also "iam:DeleteUserPermissionsBoundary", "iam:PutRolePermissionsBoundary", "iam:PutUserPermissionsBoundary")',
            resource: ROLE,
          },
          line: 4,
          column: 57,
          endLine: 4,
          endColumn: 60,
        },
      ],
    },
    {
      // IfExists passes a request without a boundary. Mixed-case action. Line 4:
      // `    { "Effect": "Allow", "Action": "IAM:createrole", "Resource": ` is 65 characters, so the value is at
      // col 66; "arn:aws:iam::*:role/ml-*" is 26 characters quoted: end 92.
      name: 'StringEqualsIfExists does not require a boundary (mixed-case action)',
      code: policy(
        `{ "Effect": "Allow", "Action": "IAM:createrole", "Resource": "arn:aws:iam::*:role/ml-*", "Condition": { "StringEqualsIfExists": { "iam:PermissionsBoundary": "${BOUNDARY}" } } }`,
      ),
      errors: [
        {
          messageId: 'withoutBoundary',
          data: { element: 'Resource "arn:aws:iam::*:role/ml-*"', action: 'iam:CreateRole', more: '', resource: 'arn:aws:iam::123456789012:role/ml-', boundary: NO_BOUNDARY },
          line: 4,
          column: 66,
          endLine: 4,
          endColumn: 92,
        },
      ],
    },
    {
      // Null false accepts any boundary, even AdministratorAccess. Value at col 66 (as above), "*" quoted: end 69.
      name: 'a Null test accepts any boundary',
      code: policy('{ "Effect": "Allow", "Action": "iam:CreateRole", "Resource": "*", "Condition": { "Null": { "iam:PermissionsBoundary": "false" } } }'),
      errors: [
        {
          messageId: 'withoutBoundary',
          data: {
            element: 'Resource "*"',
            action: 'iam:CreateRole',
            more: '',
            resource: ROLE,
            boundary: 'a permissions boundary it does not name, e.g. "arn:aws:iam::aws:policy/AdministratorAccess"',
          },
          line: 4,
          column: 66,
          endLine: 4,
          endColumn: 69,
        },
      ],
    },
    {
      // NotAction + NotResource: `    { "Effect": "Allow", "NotAction": "s3:*", "NotResource": ` is 61 characters
      // (4 + 2 + 10 + 9 + 13 + 8 + 15), the value is at col 62 and "arn:aws:s3:::x" is 16 characters quoted: end 78.
      name: 'NotAction and NotResource',
      code: policy('{ "Effect": "Allow", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::x" }'),
      errors: [
        {
          messageId: 'withoutBoundary',
          data: { element: 'NotResource', action: 'iam:CreateRole', more: ALL_GRANTING, resource: ROLE, boundary: NO_BOUNDARY },
          line: 4,
          column: 62,
          endLine: 4,
          endColumn: 78,
        },
        {
          messageId: 'boundaryTampering',
          data: {
            element: 'NotResource',
            action: 'iam:DeleteRolePermissionsBoundary',
            more: ' (also "iam:DeleteUserPermissionsBoundary", "iam:PutRolePermissionsBoundary", "iam:PutUserPermissionsBoundary")',
            resource: ROLE,
          },
          line: 4,
          column: 62,
          endLine: 4,
          endColumn: 78,
        },
      ],
    },
    {
      // conditional statement (MFA): "may". Value "*" at col 66 as above: end 69.
      name: 'conditional statement: role creation with only an MFA condition',
      code: policy('{ "Effect": "Allow", "Action": "iam:CreateRole", "Resource": "*", "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } } }'),
      errors: [
        {
          messageId: 'mayWithoutBoundary',
          level: 'warning',
          data: { element: 'Resource "*"', action: 'iam:CreateRole', more: '', resource: ROLE, boundary: NO_BOUNDARY },
          line: 4,
          column: 66,
          endLine: 4,
          endColumn: 69,
        },
      ],
    },
    {
      // the boundary policy can be rewritten. Line 5:
      // `    { "Effect": "Allow", "Action": "iam:SetDefaultPolicyVersion", "Resource": ` is 78 characters:
      // value at col 79, "arn:aws:iam::111122223333:policy/ml-*" is 39 characters quoted: end 118.
      name: 'SetDefaultPolicyVersion on the boundary policy',
      code: policy(
        `{ "Effect": "Allow", "Action": "iam:CreateRole", "Resource": "arn:aws:iam::*:role/ml-*", "Condition": { "StringEquals": { "iam:PermissionsBoundary": "${BOUNDARY}" } } }`,
        '{ "Effect": "Allow", "Action": "iam:SetDefaultPolicyVersion", "Resource": "arn:aws:iam::111122223333:policy/ml-*" }',
      ),
      errors: [
        {
          messageId: 'boundaryTampering',
          data: { element: 'Resource "arn:aws:iam::111122223333:policy/ml-*"', action: 'iam:SetDefaultPolicyVersion', more: '', resource: BOUNDARY },
          line: 5,
          column: 79,
          endLine: 5,
          endColumn: 118,
        },
      ],
    },
    {
      // a conditional Deny of boundary removal may not apply: "may". Line 4 value "*" at cols 57-59.
      name: 'conditional Deny of boundary removal',
      code: policy(
        '{ "Effect": "Allow", "Action": "iam:*", "Resource": "*" }',
        `{ "Effect": "Deny", "Action": ["iam:CreateRole", "iam:CreateUser", "iam:Put*Policy", "iam:Attach*Policy", "iam:Put*PermissionsBoundary"], "Resource": "*", "Condition": { "StringNotEquals": { "iam:PermissionsBoundary": "${BOUNDARY}" } } }`,
        '{ "Effect": "Deny", "Action": ["iam:Delete*PermissionsBoundary", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"], "Resource": "*", "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "false" } } }',
      ),
      errors: [
        {
          messageId: 'mayBoundaryTampering',
          level: 'warning',
          data: { element: 'Resource "*"', action: 'iam:DeleteRolePermissionsBoundary', more: ' (also "iam:DeleteUserPermissionsBoundary", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion")', resource: ROLE },
          line: 4,
          column: 57,
          endLine: 4,
          endColumn: 60,
        },
      ],
    },
  ],
});
