import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/null-with-qualifier.js';

new RuleTester().run('null-with-qualifier', rule, {
  valid: [
    { name: 'plain Null on a multivalued key', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "Null": { "aws:TagKeys": "false" } } }] }` },
    {
      // regression: reported here and by null-with-if-exists on the same operator
      name: 'a qualified NullIfExists is left to null-with-if-exists',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAnyValue:NullIfExists": { "aws:TagKeys": "true" } } }] }`,
    },
    { name: 'qualifiers on other operators', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "aws:TagKeys": "team" } } }] }` },
  ],
  invalid: [
    {
      // the prefix up to `"Condition": { ` is 95 characters: col 96; "ForAllValues:Null" is 19 characters quoted: cols 96-114.
      name: 'ForAllValues:Null',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAllValues:Null": { "aws:TagKeys": "false" } } }] }`,
      errors: [{ messageId: 'nullWithQualifier', data: { operator: 'ForAllValues:Null' }, line: 1, column: 96, endLine: 1, endColumn: 115 }],
    },
    {
      // line 6: 6 spaces, then "ForAnyValue:Null" (18 characters quoted) at cols 7-24.
      name: 'ForAnyValue:Null next to a valid operator',
      code: `{
  "Statement": [{
    "Effect": "Deny", "Action": "*", "Resource": "*",
    "Condition": {
      "StringEquals": { "aws:PrincipalTag/team": "ml" },
      "ForAnyValue:Null": { "aws:TagKeys": "true" }
    }
  }]
}`,
      errors: [{ messageId: 'nullWithQualifier', data: { operator: 'ForAnyValue:Null' }, line: 6, column: 7, endLine: 6, endColumn: 25 }],
    },
  ],
});
