import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/missing-statement-element.js';

new RuleTester().run('missing-statement-element', rule, {
  valid: [
    { name: 'Effect and Action', code: `{ "Statement": { "Effect": "Allow", "Action": "s3:*", "Resource": "*" } }` },
    { name: 'Effect and NotAction', code: `{ "Statement": [{ "Effect": "Deny", "NotAction": "s3:*", "Resource": "*" }] }` },
  ],
  invalid: [
    {
      // the statement object spans line 3 col 5 to line 5 col 6 (exclusive end after "}").
      name: 'no Effect',
      code: `{
  "Statement": [
    {
      "Action": "s3:GetObject", "Resource": "*"
    }
  ]
}`,
      errors: [{ messageId: 'missingElement', data: { element: 'Effect' }, line: 3, column: 5, endLine: 5, endColumn: 6 }],
    },
    {
      // results at one position are ordered by rule id, then message text.
      // counted by hand: the object runs from col 17 to the "}" at col 35 (end 36); "s3:*" is cols 38-43.
      name: 'neither Effect nor Action, and a statement that is a string',
      code: `{ "Statement": [{ "Resource": "*" }, "s3:*"] }`,
      errors: [
        { messageId: 'missingElement', data: { element: 'Action or NotAction' }, line: 1, column: 17, endLine: 1, endColumn: 36 },
        { messageId: 'missingElement', data: { element: 'Effect' }, line: 1, column: 17, endLine: 1, endColumn: 36 },
        { messageId: 'notAnObject', data: { type: 'string' }, line: 1, column: 38, endLine: 1, endColumn: 44 },
      ],
    },
  ],
});
