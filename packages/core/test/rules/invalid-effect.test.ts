import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/invalid-effect.js';

new RuleTester().run('invalid-effect', rule, {
  valid: [
    {
      name: 'Allow and Deny',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },
    { "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*" }
  ]
}`,
    },
  ],
  invalid: [
    {
      // line 5 is 6 spaces + "Effect": (cols 7-15) + space; the value "allow" spans cols 17-23.
      name: 'lower-case allow',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    }
  ]
}`,
      errors: [{ messageId: 'invalidEffect', data: { value: '"allow"' }, line: 5, column: 17, endLine: 5, endColumn: 24 }],
    },
    {
      // "Effect": true at cols 26-29 (4 characters), then "Effect": {} at cols 26-27 on the next statement.
      name: 'wrong JSON types, two statements',
      code: `{
  "Statement": [
    { "Action": "*", "Effect": true, "Resource": "*" },
    { "Action": "*", "Effect": {}, "Resource": "*" }
  ]
}`,
      errors: [
        { messageId: 'invalidEffect', data: { value: 'a JSON boolean' }, line: 3, column: 32, endLine: 3, endColumn: 36 },
        { messageId: 'invalidEffect', data: { value: 'a JSON object' }, line: 4, column: 32, endLine: 4, endColumn: 34 },
      ],
    },
  ],
});
