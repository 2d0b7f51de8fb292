import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/for-all-values-single-valued-key.js';

new RuleTester().run('for-all-values-single-valued-key', rule, {
  valid: [
    { name: 'ForAllValues on a multivalued key', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "aws:TagKeys": "team" }, "Null": { "aws:TagKeys": "false" } } }] }` },
    { name: 'ForAllValues:Null is left to null-with-qualifier', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAllValues:Null": { "aws:PrincipalOrgID": "false" } } }] }` },
    { name: 'unlisted keys are skipped', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAllValues:StringLike": { "token.actions.githubusercontent.com:sub": "repo:o/*" } } }] }` },
    {
      // regression: reported together with oidc-audience-set-operator on the same key
      name: 'OIDC audience keys in trust policies are left to oidc-audience-set-operator',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "accounts.google.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "ForAllValues:StringEquals": { "accounts.google.com:aud": "app" } } }] }`,
    },
    {
      // regression: the IAM data lists Cognito's amr as a string, AWS documents it as multivalued
      name: 'Cognito amr is multivalued',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Federated": "cognito-identity.amazonaws.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": { "ForAllValues:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } } }] }`,
    },
    {
      // regression: reported here and by empty-element on the same condition
      name: 'an empty value list is left to empty-element',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": [] } } }] }`,
    },
    { name: 'ForAnyValue on a single-valued key', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAnyValue:StringEquals": { "aws:PrincipalOrgID": "o-a" } } }] }` },
  ],
  invalid: [
    {
      // prefix 95, "ForAllValues:StringEquals" (27), ': { ' (4): col 127; "aws:PrincipalOrgID" is 20 characters quoted: cols 127-146.
      name: 'aws:PrincipalOrgID',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-a" } } }] }`,
      errors: [
        { messageId: 'singleValued', data: { key: 'aws:PrincipalOrgID', operator: 'ForAllValues:StringEquals', fix: 'StringEquals' }, line: 1, column: 127, endLine: 1, endColumn: 147 },
      ],
    },
    {
      // line 7: 8 spaces, then "s3:prefix" (11 characters quoted) at cols 9-19; aws:TagKeys on line 6 is multivalued.
      name: 'one single-valued key among multivalued ones',
      code: `{
  "Statement": [{
    "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
    "Condition": {
      "ForAllValues:StringLikeIfExists": {
        "aws:TagKeys": "team*",
        "s3:prefix": "home/*"
      }
    }
  }]
}`,
      errors: [{ messageId: 'singleValued', data: { key: 's3:prefix', operator: 'ForAllValues:StringLikeIfExists', fix: 'StringLikeIfExists' }, line: 7, column: 9, endLine: 7, endColumn: 20 }],
    },
    {
      // Outside trust policies an audience key is an ordinary single-valued key.
      // prefix 95 (as above), "ForAllValues:StringEquals" (27), ': { ' (4): col 127; "accounts.google.com:aud" is 25 characters quoted: cols 127-151.
      name: 'audience key outside a trust policy',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "accounts.google.com:aud": "app" } } }] }`,
      errors: [
        { messageId: 'singleValued', data: { key: 'accounts.google.com:aud', operator: 'ForAllValues:StringEquals', fix: 'StringEquals' }, line: 1, column: 127, endLine: 1, endColumn: 152 },
      ],
    },
  ],
});
