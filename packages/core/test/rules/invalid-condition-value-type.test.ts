import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/invalid-condition-value-type.js';

/** One-line Deny statement up to the inside of its Condition object: the next character is at column 84. */
const P = '{ "Statement": [{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { ';
const policy = (operators: string) => `${P}${operators} } }] }`;

new RuleTester().run('invalid-condition-value-type', rule, {
  valid: [
    { name: 'all JSON numbers', code: policy('"NumericLessThan": { "s3:max-keys": [10, 20.5] }') },
    { name: 'numbers written as strings', code: policy('"NumericLessThan": { "s3:max-keys": ["10", "20"] }') },
    { name: 'one Bool value, string or JSON boolean', code: policy('"Bool": { "aws:SecureTransport": false, "aws:ViaAWSService": ["true"] }') },
    { name: 'several values of a String key', code: policy('"StringEquals": { "aws:PrincipalTag/team": ["a", "b"] }') },
    { name: 'an empty array is left to empty-element', code: policy('"StringEquals": { "aws:PrincipalTag/team": [] }') },
  ],
  invalid: [
    {
      // line 8: 6 spaces, "NumericLessThan" 7-23, "{" 26, "s3:max-keys" 28-40, "[" 43, 10 at 44-45, "20" at 48-51 (end 52), null at 54-57 (end 58).
      // line 10: 8 spaces, "aws:SecureTransport" (21 quoted) at 9-29 -> end 30.
      name: 'mixed types, a null, and two Bool values',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "s3:ListBucket",
    "Resource": "*",
    "Condition": {
      "NumericLessThan": { "s3:max-keys": [10, "20", null] },
      "Bool": {
        "aws:SecureTransport": ["true", "false"]
      }
    }
  }]
}`,
      errors: [
        { messageId: 'mixedTypes', data: { value: '"20"', key: 's3:max-keys', type: 'string', firstType: 'number' }, line: 8, column: 48, endLine: 8, endColumn: 52 },
        { messageId: 'notScalar', data: { key: 's3:max-keys', type: 'null' }, line: 8, column: 54, endLine: 8, endColumn: 58 },
        { messageId: 'multipleBooleans', data: { operator: 'Bool', key: 'aws:SecureTransport', count: 2 }, line: 10, column: 9, endLine: 10, endColumn: 30 },
      ],
    },
    {
      // "StringEquals" (14 quoted) 84-97, "{" 100, "aws:PrincipalTag/team" (23 quoted) 102-124, the object {"a": "b"} (10 chars) at 127-136 -> end 137.
      name: 'an object as the value',
      code: policy('"StringEquals": { "aws:PrincipalTag/team": {"a": "b"} }'),
      errors: [{ messageId: 'notScalar', data: { key: 'aws:PrincipalTag/team', type: 'object' }, line: 1, column: 127, endLine: 1, endColumn: 137 }],
    },
    {
      // as above up to "[" at 127; "a" 128-130, ["b"] (5 chars) at 133-137 -> end 138.
      name: 'a nested array',
      code: policy('"StringEquals": { "aws:PrincipalTag/team": ["a", ["b"]] }'),
      errors: [{ messageId: 'notScalar', data: { key: 'aws:PrincipalTag/team', type: 'array' }, line: 1, column: 133, endLine: 1, endColumn: 138 }],
    },
    {
      // "Bool" 84-89, "{" 92, "aws:SecureTransport" 94-114 (end 115), "[" 117, "true" 118-123, true at 126-129 -> end 130.
      name: 'a string and a JSON boolean under Bool',
      code: policy('"Bool": { "aws:SecureTransport": ["true", true] }'),
      errors: [
        { messageId: 'multipleBooleans', data: { operator: 'Bool', key: 'aws:SecureTransport', count: 2 }, line: 1, column: 94, endLine: 1, endColumn: 115 },
        { messageId: 'mixedTypes', data: { value: 'true', key: 'aws:SecureTransport', type: 'boolean', firstType: 'string' }, line: 1, column: 126, endLine: 1, endColumn: 130 },
      ],
    },
  ],
});
