import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/missing-version.js';

new RuleTester().run('missing-version', rule, {
  valid: [
    { name: 'current version', code: `{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }` },
    { name: 'legacy version is present (invalid-version and variable-without-version judge it)', code: `{ "Version": "2008-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }` },
    { name: 'a wrong Version is present (invalid-version reports it)', code: `{ "Version": 7, "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }` },
  ],
  invalid: [
    {
      // the policy object opens at line 1, column 1; the result covers that one "{"
      name: 'no Version',
      code: `{
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]
}`,
      errors: [{ messageId: 'missingVersion', line: 1, column: 1, endLine: 1, endColumn: 2 }],
    },
    {
      // two spaces of indentation before "{" on line 2: column 3
      name: 'indented policy after a blank line',
      code: `
  { "Statement": [{ "Effect": "Deny", "Action": "*", "Resource": "*" }] }`,
      errors: [{ messageId: 'missingVersion', line: 2, column: 3, endLine: 2, endColumn: 4 }],
    },
  ],
});
