import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/conflicting-elements.js';

new RuleTester().run('conflicting-elements', rule, {
  valid: [
    { name: 'Action with NotResource', code: `{ "Statement": [{ "Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::b" }] }` },
  ],
  invalid: [
    {
      // reported on the key of the Not element: "NotAction" at line 5 cols 7-17, "NotResource" line 7 cols 7-19.
      name: 'both pairs in one statement',
      code: `{
  "Statement": [
    {
      "Effect": "Allow",
      "NotAction": "iam:*",
      "Action": "s3:*",
      "NotResource": "arn:aws:s3:::b",
      "Resource": "*"
    }
  ]
}`,
      errors: [
        { messageId: 'conflict', data: { element: 'Action', negated: 'NotAction' }, line: 5, column: 7, endLine: 5, endColumn: 18 },
        { messageId: 'conflict', data: { element: 'Resource', negated: 'NotResource' }, line: 7, column: 7, endLine: 7, endColumn: 20 },
      ],
    },
    {
      name: 'Principal and NotPrincipal',
      code: `{ "Statement": [{ "Effect": "Deny", "Principal": "*", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*" }] }`,
      errors: [{ messageId: 'conflict', data: { element: 'Principal', negated: 'NotPrincipal' }, line: 1, column: 55, endLine: 1, endColumn: 69 }],
    },
  ],
});
