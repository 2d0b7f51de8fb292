import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/invalid-principal.js';

const bucket = (principal: string) =>
  `{ "Statement": [{ "Effect": "Allow", "Principal": ${principal}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }] }`;

new RuleTester().run('invalid-principal', rule, {
  valid: [
    { name: 'the string "*"', code: bucket('"*"') },
    { name: 'AWS "*"', code: bucket('{ "AWS": "*" }') },
    {
      name: 'all four principal types, strings and arrays',
      code: bucket(`{ "AWS": ["111122223333"], "Service": "cloudfront.amazonaws.com", "Federated": "cognito-identity.amazonaws.com",
  "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" }`),
    },
    { name: 'an empty object and an empty array are suggestions, not errors', code: bucket('{ "AWS": [] }') },
    { name: 'Principal {} is accepted', code: bucket('{}') },
  ],
  invalid: [
    {
      // "Principal" quoted 38-48, ": " 49-50, then the ARN quoted (13 + 12 + 5 + 2 = 32 units) 51-82 (end 83).
      name: 'a bare ARN string',
      code: bucket('"arn:aws:iam::111122223333:root"'),
      errors: [
        {
          messageId: 'bareString',
          data: { element: 'Principal', value: '"arn:aws:iam::111122223333:root"', hint: ' (did you mean {"AWS": "arn:aws:iam::111122223333:root"}?)' },
          line: 1,
          column: 51,
          endLine: 1,
          endColumn: 83,
        },
      ],
    },
    {
      // "Principal": then the service name quoted (19 units) 51-69 (end 70).
      name: 'a bare service principal string',
      code: bucket('"ec2.amazonaws.com"'),
      errors: [
        {
          messageId: 'bareString',
          data: { element: 'Principal', value: '"ec2.amazonaws.com"', hint: ' (did you mean {"Service": "ec2.amazonaws.com"}?)' },
          line: 1,
          column: 51,
          endLine: 1,
          endColumn: 70,
        },
      ],
    },
    {
      // line 3: 4 spaces, "{ " 5-6, "Effect" quoted 7-14, ": " 15-16, "Deny" quoted 17-22, ", " 23-24,
      //   "NotPrincipal" quoted 25-38, ": " 39-40, then ["111122223333"] (1 + 14 + 1 = 16 units) 41-56 (end 57).
      // line 7: 8 spaces, "aws" quoted 9-13 (end 14).
      // line 8: "Services" quoted 9-18 (end 19), ": [" 19-21, "ec2.amazonaws.com" quoted 22-40, ", " 41-42, 7 at 43 (end 44).
      // line 9: "Users" quoted 9-15 (end 16), ": " 16-17, { "name": "x" } (2 + 6 + 2 + 3 + 2 = 15 units) 18-32 (end 33).
      name: 'an array, misspelt keys and non-string values',
      code: `{
  "Statement": [
    { "Effect": "Deny", "NotPrincipal": ["111122223333"], "Action": "s3:*", "Resource": "*" },
    {
      "Effect": "Allow",
      "Principal": {
        "aws": "111122223333",
        "Services": ["ec2.amazonaws.com", 7],
        "Users": { "name": "x" }
      },
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::b/*"
    }
  ]
}`,
      errors: [
        { messageId: 'wrongType', data: { element: 'NotPrincipal', type: 'array' }, line: 3, column: 41, endLine: 3, endColumn: 57 },
        { messageId: 'unknownKey', data: { key: '"aws"', element: 'Principal', hint: ' (did you mean "AWS"?)' }, line: 7, column: 9, endLine: 7, endColumn: 14 },
        { messageId: 'unknownKey', data: { key: '"Services"', element: 'Principal', hint: ' (did you mean "Service"?)' }, line: 8, column: 9, endLine: 8, endColumn: 19 },
        { messageId: 'valueType', data: { key: 'Services', element: 'Principal', value: 'a JSON number' }, line: 8, column: 43, endLine: 8, endColumn: 44 },
        { messageId: 'unknownKey', data: { key: '"Users"', element: 'Principal', hint: '' }, line: 9, column: 9, endLine: 9, endColumn: 16 },
        { messageId: 'valueType', data: { key: 'Users', element: 'Principal', value: 'a JSON object' }, line: 9, column: 18, endLine: 9, endColumn: 33 },
      ],
    },
  ],
});
