import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/github-sub-wildcard.js';

const trust = (condition: string) =>
  `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "token.actions.githubusercontent.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": ${condition} }] }`;

new RuleTester().run('github-sub-wildcard', rule, {
  valid: [
    { name: 'any branch of one repository', code: trust(`{ "StringLike": { "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:*" } }`) },
    { name: 'exact subject', code: trust(`{ "StringEquals": { "token.actions.githubusercontent.com:sub": "repo:octo-org/octo-repo:ref:refs/heads/main" } }`) },
    { name: 'StringEquals compares * literally', code: trust(`{ "StringEquals": { "token.actions.githubusercontent.com:sub": "repo:octo-org/*" } }`) },
    { name: 'negated operators exclude', code: trust(`{ "StringNotLike": { "token.actions.githubusercontent.com:sub": "repo:*" } }`) },
    { name: 'customized subject format', code: trust(`{ "StringLike": { "token.actions.githubusercontent.com:sub": "repository_owner_id:12345:*" } }`) },
    { name: 'other keys of the provider', code: trust(`{ "StringLike": { "token.actions.githubusercontent.com:aud": "*" } }`) },
  ],
  invalid: [
    {
      // line 11: 12 spaces, "repo:octo-org/*" (15 + 2 quotes = 17 units) at cols 13-29 → end 30.
      // line 12: "*" at cols 13-15 → end 16.
      // line 15: 8 spaces, "ForAnyValue:StringLikeIfExists" (32 units) cols 9-40, ": { " 41-44,
      // "TOKEN.actions.githubusercontent.com:SUB" (41 units) cols 45-85, ": " 86-87,
      // "repo:octo-org/app?:ref:refs/heads/main" (38 + 2 = 40 units) cols 88-127 → end 128.
      name: 'organization wildcard, bare wildcard, ? in the repository name',
      code: `{
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Federated": "token.actions.githubusercontent.com" },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringLike": {
          "token.actions.githubusercontent.com:sub": [
            "repo:octo-org/octo-repo:*",
            "repo:octo-org/*",
            "*"
          ]
        },
        "ForAnyValue:StringLikeIfExists": { "TOKEN.actions.githubusercontent.com:SUB": "repo:octo-org/app?:ref:refs/heads/main" }
      }
    }
  ]
}`,
      errors: [
        { messageId: 'wildcardRepository', data: { value: '"repo:octo-org/*"' }, line: 11, column: 13, endLine: 11, endColumn: 30 },
        { messageId: 'wildcardRepository', data: { value: '"*"' }, line: 12, column: 13, endLine: 12, endColumn: 16 },
        { messageId: 'wildcardRepository', data: { value: '"repo:octo-org/app?:ref:refs/heads/main"' }, line: 15, column: 88, endLine: 15, endColumn: 128 },
      ],
    },
  ],
});
