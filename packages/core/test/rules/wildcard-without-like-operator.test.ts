import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/wildcard-without-like-operator.js';

new RuleTester().run('wildcard-without-like-operator', rule, {
  valid: [
    { name: 'Like and ARN operators honour wildcards', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringLike": { "s3:prefix": "home/*" }, "ArnEquals": { "aws:SourceArn": "arn:aws:s3:::b*" } } }] }` },
    { name: 'escapes and policy variables are not wildcards', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "s3:prefix": ["\${*}", "home/\${aws:username}", "a\${?}"] } } }] }` },
    { name: 'non-string values', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "s3:max-keys": 10 } } }] }` },
  ],
  invalid: [
    {
      // line 6: 8 spaces, "aws:PrincipalArn" (18), ': [' (3) → the first value starts at col 30;
      // "arn:aws:iam::*:role/admin" is 27 characters quoted: cols 30-56. The second value has no wildcard.
      name: 'asterisk under StringNotEquals in a Deny',
      code: `{
  "Statement": [{
    "Effect": "Deny", "Action": "*", "Resource": "*",
    "Condition": {
      "StringNotEquals": {
        "aws:PrincipalArn": ["arn:aws:iam::*:role/admin", "arn:aws:iam::123456789012:role/ops"]
      }
    }
  }]
}`,
      errors: [
        {
          messageId: 'literalWildcard',
          data: { value: '"arn:aws:iam::*:role/admin"', operator: 'StringNotEquals', wildcard: '*', fix: 'StringNotLike' },
          line: 6,
          column: 30,
          endLine: 6,
          endColumn: 57,
        },
      ],
    },
    {
      // prefix 95, "ForAnyValue:StringEqualsIgnoreCase" (36), ': { ' (4): the key at col 136; "aws:TagKeys" (13) and ': ' (2) → value at col 151;
      // "team?" is 7 characters quoted: cols 151-157.
      name: 'question mark under a qualified IgnoreCase operator',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAnyValue:StringEqualsIgnoreCase": { "aws:TagKeys": "team?" } } }] }`,
      errors: [
        { messageId: 'literalWildcard', data: { value: '"team?"', operator: 'ForAnyValue:StringEqualsIgnoreCase', wildcard: '?', fix: 'ForAnyValue:StringLike' }, line: 1, column: 151, endLine: 1, endColumn: 158 },
      ],
    },
  ],
});
