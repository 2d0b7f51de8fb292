import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/variable-without-version.js';

new RuleTester().run('variable-without-version', rule, {
  valid: [
    {
      name: 'variables with Version 2012-10-17',
      code: `{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/\${aws:username}/*" }] }`,
    },
    { name: 'no variables without Version', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/*" }] }` },
  ],
  invalid: [
    {
      // line 7: 6 spaces, "Resource" (cols 7-16), ": ", then the 37-character quoted value at cols 19-55.
      name: 'legacy Version with a variable in Resource',
      code: `{
  "Version": "2008-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::home/\${aws:username}/*"
    }
  ]
}`,
      errors: [{ messageId: 'literalVariable', data: { variable: '${aws:username}' }, line: 7, column: 19, endLine: 7, endColumn: 56 }],
    },
    {
      // counted independently: the value's index in the one-line code is 126, so cols 127-143.
      name: 'no Version, variable in a condition value',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "s3:prefix": "\${aws:username}" } } }] }`,
      errors: [{ messageId: 'literalVariable', data: { variable: '${aws:username}' }, line: 1, column: 127, endLine: 1, endColumn: 144 }],
    },
  ],
});
