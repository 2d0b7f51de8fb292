import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/unknown-element.js';

new RuleTester().run('unknown-element', rule, {
  valid: [
    {
      name: 'every known element',
      code: `{
  "Version": "2012-10-17",
  "Id": "Policy1",
  "Statement": [{
    "Sid": "A", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*",
    "Condition": { "Bool": { "aws:SecureTransport": "true" } }
  }, {
    "Effect": "Deny", "NotPrincipal": { "AWS": "123456789012" }, "NotAction": "s3:GetObject", "NotResource": "*"
  }]
}`,
    },
    { name: 'a statement that is not an object', code: `{ "Statement": ["x"] }` },
  ],
  invalid: [
    {
      // line 3: "statement2" (12 with quotes) at cols 3-14.
      // line 5: "effect" at cols 5-12; line 7: "Resources" (11) at cols 5-15; line 8: "Foo" at cols 5-9.
      name: 'misspelt and lower-case elements at both levels',
      code: `{
  "Version": "2012-10-17",
  "statement2": [],
  "Statement": [{
    "effect": "Allow",
    "Action": "s3:GetObject",
    "Resources": "*",
    "Foo": 1
  }]
}`,
      errors: [
        { messageId: 'unknownPolicyElement', data: { name: 'statement2', hint: ' (did you mean "Statement"?)' }, line: 3, column: 3, endLine: 3, endColumn: 15 },
        { messageId: 'unknownStatementElement', data: { name: 'effect', hint: ' (did you mean "Effect"?)' }, line: 5, column: 5, endLine: 5, endColumn: 13 },
        { messageId: 'unknownStatementElement', data: { name: 'Resources', hint: ' (did you mean "Resource"?)' }, line: 7, column: 5, endLine: 7, endColumn: 16 },
        { messageId: 'unknownStatementElement', data: { name: 'Foo', hint: '' }, line: 8, column: 5, endLine: 8, endColumn: 10 },
      ],
    },
    {
      // "Statement" 3-13, ":" 14, "{" 16, "Effect" 18-25, "Deny" 28-33, "Action" 36-43, "*" 46-48,
      // "Resource" 51-60, "*" 63-65, "NotPrincipal " (with a trailing space, 15 with quotes) at cols 68-82.
      name: 'single statement object, name with a trailing space',
      code: `{ "Statement": { "Effect": "Deny", "Action": "*", "Resource": "*", "NotPrincipal ": "*" } }`,
      errors: [
        { messageId: 'unknownStatementElement', data: { name: 'NotPrincipal ', hint: ' (did you mean "NotPrincipal"?)' }, line: 1, column: 68, endLine: 1, endColumn: 83 },
      ],
    },
  ],
});
