import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/unknown-condition-operator.js';

new RuleTester().run('unknown-condition-operator', rule, {
  valid: [
    {
      name: 'canonical operators with qualifiers and IfExists',
      code: `{
  "Statement": [{
    "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
    "Condition": {
      "StringEquals": { "aws:PrincipalAccount": "123456789012" },
      "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": "team*" },
      "ArnLike": { "aws:SourceArn": "arn:aws:s3:::b" },
      "BoolIfExists": { "aws:MultiFactorAuthPresent": "true" }
    }
  }]
}`,
    },
    {
      name: 'NullIfExists is left to null-with-if-exists',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "NullIfExists": { "aws:TagKeys": "true" } } }] }`,
    },
  ],
  invalid: [
    {
      // line 5: 6 spaces, then "StringEqual" (13 characters quoted) at cols 7-19.
      // line 6: 6 spaces, then "stringequals" (14 characters quoted) at cols 7-20; uncertain, so error → warning.
      name: 'misspelt and miscased operators',
      code: `{
  "Statement": [{
    "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
    "Condition": {
      "StringEqual": { "aws:PrincipalAccount": "123456789012" },
      "stringequals": { "aws:PrincipalOrgID": "o-abc" }
    }
  }]
}`,
      errors: [
        { messageId: 'unknownOperator', data: { operator: 'StringEqual', hint: ' (did you mean "StringEquals"?)' }, line: 5, column: 7, endLine: 5, endColumn: 20 },
        { messageId: 'miscasedOperator', data: { operator: 'stringequals', canonical: 'StringEquals' }, level: 'warning', line: 6, column: 7, endLine: 6, endColumn: 21 },
      ],
    },
    {
      // the prefix up to `"Condition": { ` is 95 characters ({ 2, "Statement": 13, [{ 3, "Effect": 10, "Allow", 9, "Action": 10,
      // "s3:GetObject", 16, "Resource": 12, "*", 5, "Condition": 13, { 2), so the operator starts at col 96;
      // "ForAllValue:StringLike" is 24 characters quoted: cols 96-119.
      name: 'misspelt qualifier',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAllValue:StringLike": { "aws:TagKeys": "a*" } } }] }`,
      errors: [
        { messageId: 'unknownOperator', data: { operator: 'ForAllValue:StringLike', hint: ' (did you mean "ForAllValues:StringLike"?)' }, line: 1, column: 96, endLine: 1, endColumn: 120 },
      ],
    },
    {
      // same 95-character prefix as above: col 96; "Whatever" is 10 characters quoted: cols 96-105.
      name: 'nothing close enough to suggest',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "Whatever": { "aws:TagKeys": "a" } } }] }`,
      errors: [{ messageId: 'unknownOperator', data: { operator: 'Whatever', hint: '' }, line: 1, column: 96, endLine: 1, endColumn: 106 }],
    },
  ],
});
