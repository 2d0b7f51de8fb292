import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/for-all-values-without-key-guard.js';

const allow = '{ "Statement": [{ "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": { ';

new RuleTester().run('for-all-values-without-key-guard', rule, {
  valid: [
    { name: 'guarded by Null false', code: `${allow}"ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, "Null": { "aws:tagkeys": "false" } } }] }` },
    { name: 'guarded by a JSON false', code: `${allow}"ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, "Null": { "aws:TagKeys": false } } }] }` },
    { name: 'guarded by ForAnyValue', code: `${allow}"ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, "ForAnyValue:StringLike": { "aws:TagKeys": "*" } } }] }` },
    { name: 'Deny statements are safe', code: `${allow.replace('Allow', 'Deny')}"ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } } }] }` },
    { name: 'single-valued keys are left to for-all-values-single-valued-key', code: `${allow}"ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-a" } } }] }` },
  ],
  invalid: [
    {
      // line 5: 6 spaces, "ForAllValues:StringEquals" (27), ': { ' (4) → col 38; "aws:TagKeys" is 13 characters quoted: cols 38-50.
      name: 'tag-key allow list without a guard',
      code: `{
  "Statement": [{
    "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
    "Condition": {
      "ForAllValues:StringEquals": { "aws:TagKeys": ["team", "env"] }
    }
  }]
}`,
      errors: [{ messageId: 'noKeyGuard', data: { operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys' }, line: 5, column: 38, endLine: 5, endColumn: 51 }],
    },
    {
      // the prefix is 97 characters ("ec2:CreateTags", is 2 longer than "s3:GetObject",); "ForAllValues:StringLike" (25) and ': { ' (4): col 127;
      // "aws:TagKeys" is 13 characters quoted: cols 127-139. Null with "true" and an IfExists ForAnyValue do not guard.
      name: 'Null true and ForAnyValue IfExists are no guard',
      code: `${allow}"ForAllValues:StringLike": { "aws:TagKeys": "t*" }, "Null": { "aws:TagKeys": "true" }, "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": "t*" } } }] }`,
      errors: [{ messageId: 'noKeyGuard', data: { operator: 'ForAllValues:StringLike', key: 'aws:TagKeys' }, line: 1, column: 127, endLine: 1, endColumn: 140 }],
    },
  ],
});
