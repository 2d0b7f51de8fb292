import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/null-with-if-exists.js';

new RuleTester().run('null-with-if-exists', rule, {
  valid: [
    { name: 'plain Null', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "Null": { "aws:TagKeys": "false" } } }] }` },
    { name: 'IfExists on other operators', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEqualsIfExists": { "aws:PrincipalTag/team": "ml" } } }] }` },
  ],
  invalid: [
    {
      // line 4: 4 spaces, "Condition": (13), a space and "{ " → the operator starts at col 20; "NullIfExists" is 14 characters quoted: cols 20-33.
      name: 'NullIfExists in a Deny',
      code: `{
  "Statement": [{
    "Effect": "Deny", "Action": "*", "Resource": "*",
    "Condition": { "NullIfExists": { "aws:MultiFactorAuthAge": "true" } }
  }]
}`,
      errors: [{ messageId: 'nullIfExists', data: { operator: 'NullIfExists', fix: 'Null' }, line: 4, column: 20, endLine: 4, endColumn: 34 }],
    },
    {
      // the prefix up to `"Condition": { ` is 95 characters, so the operator starts at col 96; "ForAnyValue:nullifexists" is 26 characters quoted: cols 96-121.
      name: 'qualified and miscased',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAnyValue:nullifexists": { "aws:TagKeys": "true" } } }] }`,
      // regression: the fix kept the qualifier, which null-with-qualifier then reported on the same operator
      errors: [{ messageId: 'nullIfExists', data: { operator: 'ForAnyValue:nullifexists', fix: 'Null' }, line: 1, column: 96, endLine: 1, endColumn: 122 }],
    },
  ],
});
