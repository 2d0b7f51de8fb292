import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/empty-element.js';

new RuleTester().run('empty-element', rule, {
  valid: [
    {
      name: 'filled elements',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "Read",
    "Effect": "Allow",
    "Action": ["s3:GetObject"],
    "Resource": ["*"],
    "Condition": { "ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, "Null": { "aws:TagKeys": "false" } }
  }]
}`,
    },
    {
      name: 'principal forms with values',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "*", "Service": ["s3.amazonaws.com"] }, "Action": "s3:GetObject", "Resource": "*" }] }`,
    },
    { name: 'principal string', code: `{ "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" }] }` },
    { name: 'empty strings are not empty arrays', code: `{ "Statement": [{ "Effect": "Allow", "Action": "", "Resource": "" }] }` },
  ],
  invalid: [
    {
      // line 4: 4 spaces, "{" col 5, "Sid" cols 7-11, "" cols 14-15; "Effect" 18-25, "Allow" 28-34,
      //   "Action" 37-44, [] cols 47-48; "Resource" 51-60, [] cols 63-64.
      // line 5: "Effect" 7-14, "Deny" 17-22, "NotAction" 25-35, [] cols 38-39; "NotResource" 42-54, [] cols 57-58.
      name: 'empty Sid, Action, Resource, NotAction, NotResource',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "", "Effect": "Allow", "Action": [], "Resource": [] },
    { "Effect": "Deny", "NotAction": [], "NotResource": [] }
  ]
}`,
      errors: [
        { messageId: 'emptySid', line: 4, column: 14, endLine: 4, endColumn: 16 },
        { messageId: 'emptyList', data: { element: 'Action', what: 'action' }, line: 4, column: 47, endLine: 4, endColumn: 49 },
        { messageId: 'emptyList', data: { element: 'Resource', what: 'resource' }, line: 4, column: 63, endLine: 4, endColumn: 65 },
        { messageId: 'emptyNotList', data: { element: 'NotAction', what: 'action', positive: 'Action' }, line: 5, column: 38, endLine: 5, endColumn: 40 },
        {
          messageId: 'emptyNotList',
          data: { element: 'NotResource', what: 'resource', positive: 'Resource' },
          line: 5,
          column: 57,
          endLine: 5,
          endColumn: 59,
        },
      ],
    },
    {
      // line 4: "Principal" cols 5-15, "{" 18, "AWS" 20-24, [] cols 27-28.
      // line 9: "NotPrincipal" cols 5-18, {} cols 21-22.
      name: 'empty principal array and empty NotPrincipal object',
      code: `{
  "Statement": [{
    "Effect": "Allow",
    "Principal": { "AWS": [], "Service": "s3.amazonaws.com" },
    "Action": "s3:GetObject",
    "Resource": "*"
  }, {
    "Effect": "Deny",
    "NotPrincipal": {},
    "Action": "s3:GetObject",
    "Resource": "*"
  }]
}`,
      errors: [
        { messageId: 'emptyPrincipalArray', data: { principalType: 'AWS' }, line: 4, column: 27, endLine: 4, endColumn: 29 },
        { messageId: 'emptyPrincipalObject', data: { element: 'NotPrincipal' }, line: 9, column: 21, endLine: 9, endColumn: 23 },
      ],
    },
    {
      // 6 spaces indent; line 8: "StringEquals" 7-20, "s3:prefix" 25-35, [] 38-39.
      // line 9: "ForAllValues:StringEquals" (27 with quotes) 7-33, "aws:TagKeys" 38-50, [] 53-54.
      // line 10: "ForAnyValue:StringLike" (24) 7-30, "aws:TagKeys" 35-47, [] 50-51.
      // line 11: "StringEqualsIfExists" (22) 7-28, "aws:RequestedRegion" (21) 33-53, [] 56-57.
      // line 12: "Bool" 7-12, {} 15-16.
      name: 'empty condition values per operator form, and an empty operator',
      code: `{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Action": "s3:ListBucket",
    "Resource": "*",
    "Condition": {
      "StringEquals": { "s3:prefix": [] },
      "ForAllValues:StringEquals": { "aws:TagKeys": [] },
      "ForAnyValue:StringLike": { "aws:TagKeys": [] },
      "StringEqualsIfExists": { "aws:RequestedRegion": [] },
      "Bool": {}
    }
  }
}`,
      errors: [
        { messageId: 'emptyConditionValues', data: { key: 's3:prefix', operator: 'StringEquals' }, line: 8, column: 38, endLine: 8, endColumn: 40 },
        { messageId: 'emptyForAllValues', data: { key: 'aws:TagKeys', operator: 'ForAllValues:StringEquals' }, line: 9, column: 53, endLine: 9, endColumn: 55 },
        { messageId: 'emptyForAnyValue', data: { key: 'aws:TagKeys', operator: 'ForAnyValue:StringLike' }, line: 10, column: 50, endLine: 10, endColumn: 52 },
        { messageId: 'emptyIfExists', data: { key: 'aws:RequestedRegion', operator: 'StringEqualsIfExists' }, line: 11, column: 56, endLine: 11, endColumn: 58 },
        { messageId: 'emptyOperator', data: { operator: 'Bool' }, line: 12, column: 15, endLine: 12, endColumn: 17 },
      ],
    },
    {
      // "Statement" 3-13, "[" 16, "{" 17, "Effect" 19-26, "Allow" 29-35, "Action" 38-45, "s3:GetObject" 48-61,
      // "Resource" 64-73, "*" 76-78, "Condition" 81-91, {} cols 94-95.
      name: 'empty Condition object',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {} }] }`,
      errors: [{ messageId: 'emptyCondition', line: 1, column: 94, endLine: 1, endColumn: 96 }],
    },
    {
      // "Principal" 38-48, {} cols 51-52
      name: 'empty Principal object',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": {}, "Action": "s3:GetObject", "Resource": "*" }] }`,
      errors: [{ messageId: 'emptyPrincipalObject', data: { element: 'Principal' }, line: 1, column: 51, endLine: 1, endColumn: 53 }],
    },
  ],
});
