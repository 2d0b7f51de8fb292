import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/for-all-values-without-key-guard.js';

const allow = '{ "Statement": [{ "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*", "Condition": { ';

new RuleTester().run('for-all-values-without-key-guard', rule, {
  valid: [
    { name: 'guarded by Null false', code: `${allow}"ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, "Null": { "aws:tagkeys": "false" } } }] }` },
    { name: 'guarded by a JSON false', code: `${allow}"ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, "Null": { "aws:TagKeys": false } } }] }` },
    { name: 'guarded by ForAnyValue', code: `${allow}"ForAllValues:StringEquals": { "aws:TagKeys": ["team"] }, "ForAnyValue:StringLike": { "aws:TagKeys": "*" } } }] }` },
    { name: 'Deny statements are safe', code: `${allow.replace('Allow', 'Deny')}"ForAllValues:StringEquals": { "aws:TagKeys": ["team"] } } }] }` },
    {
      // regression: reported together with oidc-audience-set-operator on the same key
      name: 'OIDC audience keys in trust policies are left to oidc-audience-set-operator',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "ForAllValues:StringEquals": { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" }, "StringEquals": { "token.actions.githubusercontent.com:sub": "repo:o/r:ref:refs/heads/main" } } }] }`,
    },
    {
      // regression: the IAM User Guide's tag example was reported although aws:RequestTag/environment requires tags
      name: 'a required request tag guards aws:TagKeys',
      code: `${allow}"ForAllValues:StringEquals": { "aws:TagKeys": ["environment", "cost-center"] }, "StringEquals": { "aws:RequestTag/environment": ["preprod", "production"] } } }] }`,
    },
    {
      // regression: reported here and by empty-element / missing-tag-key for the same condition
      name: 'an empty value list and a tag family without a tag key are left to other rules',
      code: `${allow}"ForAllValues:StringEquals": { "aws:TagKeys": [], "aws:ResourceTag/": "x" } } }] }`,
    },
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
    {
      // Cognito's amr is multivalued (AWS docs), though the IAM data lists it as a string.
      // line 6: 6 spaces, "ForAllValues:StringLike" (25) cols 7-31, ': { ' (4) → col 36;
      // "cognito-identity.amazonaws.com:amr" (34 + 2 quotes = 36) cols 36-71 → end 72.
      name: 'ForAllValues on Cognito amr without a guard',
      code: `{
  "Statement": [{
    "Effect": "Allow", "Principal": { "Federated": "cognito-identity.amazonaws.com" }, "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {
      "StringEquals": { "cognito-identity.amazonaws.com:aud": "us-east-1:1234" },
      "ForAllValues:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" }
    }
  }]
}`,
      errors: [{ messageId: 'noKeyGuard', data: { operator: 'ForAllValues:StringLike', key: 'cognito-identity.amazonaws.com:amr' }, line: 6, column: 36, endLine: 6, endColumn: 72 }],
    },
    {
      // A request tag tested with IfExists does not require the tag. line 5: 6 spaces, "ForAllValues:StringEquals" (27) cols 7-33,
      // ': { ' (4) → col 38; "aws:TagKeys" (13 quoted) cols 38-50 → end 51.
      name: 'an IfExists request tag is no guard',
      code: `{
  "Statement": [{
    "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
    "Condition": {
      "ForAllValues:StringEquals": { "aws:TagKeys": ["environment"] },
      "StringEqualsIfExists": { "aws:RequestTag/environment": "prod" }
    }
  }]
}`,
      errors: [{ messageId: 'noKeyGuard', data: { operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys' }, line: 5, column: 38, endLine: 5, endColumn: 51 }],
    },
  ],
});
