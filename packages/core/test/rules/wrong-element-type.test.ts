import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/wrong-element-type.js';

new RuleTester().run('wrong-element-type', rule, {
  valid: [
    {
      name: 'strings, arrays of strings, condition objects',
      code: `{
  "Version": "2012-10-17",
  "Id": "Policy1",
  "Statement": [{
    "Effect": "Allow",
    "Principal": { "AWS": "123456789012" },
    "Action": ["s3:GetObject"],
    "Resource": "*",
    "Condition": { "NumericLessThan": { "s3:max-keys": 10 } }
  }]
}`,
    },
    {
      name: 'a numeric Sid of an IAM policy is left to invalid-sid',
      code: `{ "Statement": [{ "Sid": 1, "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }`,
    },
  ],
  invalid: [
    {
      // line 3: "Id" 3-6, 42 at cols 9-10.      line 6: "Action" 5-12, 7 at col 15.
      // line 7: "Resource" 5-14, "[" 17, "arn:aws:s3:::a" (16) 18-33, null 36-39, ["b"] 42-46.
      // line 8: "Condition" 5-15, [] 18-19.     line 11: "NotAction" 5-15, {} 18-19.
      // line 12: "NotResource" 5-17, true 20-23. line 13: "Condition" 5-15, "{" 18, "StringEquals" 20-33, "x" 36-38.
      name: 'wrong types in every checked element',
      code: `{
  "Version": "2012-10-17",
  "Id": 42,
  "Statement": [{
    "Effect": "Allow",
    "Action": 7,
    "Resource": ["arn:aws:s3:::a", null, ["b"]],
    "Condition": []
  }, {
    "Effect": "Deny",
    "NotAction": {},
    "NotResource": true,
    "Condition": { "StringEquals": "x", "Bool": { "aws:SecureTransport": "false" } }
  }]
}`,
      errors: [
        { messageId: 'notAString', data: { element: 'Id', type: 'number' }, line: 3, column: 9, endLine: 3, endColumn: 11 },
        { messageId: 'notAList', data: { element: 'Action', type: 'number' }, line: 6, column: 15, endLine: 6, endColumn: 16 },
        { messageId: 'itemNotAString', data: { element: 'Resource', type: 'null' }, line: 7, column: 36, endLine: 7, endColumn: 40 },
        { messageId: 'itemNotAString', data: { element: 'Resource', type: 'array' }, line: 7, column: 42, endLine: 7, endColumn: 47 },
        { messageId: 'conditionNotAnObject', data: { type: 'array' }, line: 8, column: 18, endLine: 8, endColumn: 20 },
        { messageId: 'notAList', data: { element: 'NotAction', type: 'object' }, line: 11, column: 18, endLine: 11, endColumn: 20 },
        { messageId: 'notAList', data: { element: 'NotResource', type: 'boolean' }, line: 12, column: 20, endLine: 12, endColumn: 24 },
        { messageId: 'operatorNotAnObject', data: { operator: 'StringEquals', type: 'string' }, line: 13, column: 36, endLine: 13, endColumn: 39 },
      ],
    },
    {
      // "Statement" 3-13, "[" 16, "{" 17, "Sid" 19-23, 1 at col 26.
      name: 'a numeric Sid of a resource policy',
      code: `{ "Statement": [{ "Sid": 1, "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*" }] }`,
      errors: [{ messageId: 'notAString', data: { element: 'Sid', type: 'number' }, line: 1, column: 26, endLine: 1, endColumn: 27 }],
    },
  ],
});
