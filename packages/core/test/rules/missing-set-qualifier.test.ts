import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/missing-set-qualifier.js';

new RuleTester().run('missing-set-qualifier', rule, {
  valid: [
    { name: 'qualified multivalued keys', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAnyValue:StringEquals": { "aws:TagKeys": "team" }, "ForAllValues:StringLike": { "aws:CalledVia": "*" } } }] }` },
    { name: 'Null needs no qualifier', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "Null": { "aws:TagKeys": "false" } } }] }` },
    { name: 'single-valued and unlisted keys', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a", "token.actions.githubusercontent.com:sub": "x" } } }] }` },
  ],
  invalid: [
    {
      // line 5: 6 spaces, "StringNotEqualsIfExists" (25), ': { ' (4) → the key starts at col 36; "aws:CalledVia" is 15 characters quoted: cols 36-50.
      name: 'IfExists operator on aws:CalledVia',
      code: `{
  "Statement": [{
    "Effect": "Deny", "Action": "*", "Resource": "*",
    "Condition": {
      "StringNotEqualsIfExists": { "aws:CalledVia": "athena.amazonaws.com" }
    }
  }]
}`,
      errors: [
        {
          messageId: 'missingQualifier',
          data: { key: 'aws:CalledVia', type: 'ArrayOfString', operator: 'StringNotEqualsIfExists', base: 'StringNotEqualsIfExists' },
          line: 5,
          column: 36,
          endLine: 5,
          endColumn: 51,
        },
      ],
    },
    {
      // prefix 95, "StringEquals" (14), ': { ' (4): col 114; "aws:TagKeys" is 13 characters quoted: cols 114-126.
      name: 'StringEquals on aws:TagKeys',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:TagKeys": "team" } } }] }`,
      errors: [{ messageId: 'missingQualifier', data: { key: 'aws:TagKeys', type: 'ArrayOfString', operator: 'StringEquals', base: 'StringEquals' }, line: 1, column: 114, endLine: 1, endColumn: 127 }],
    },
    {
      // Cognito's amr is multivalued per AWS docs (the IAM data says String).
      // line 4: 6 spaces, "StringLike" (12) cols 7-18, ': { ' (4) → col 23; "cognito-identity.amazonaws.com:amr" (36 quoted) cols 23-58 → end 59.
      name: 'StringLike on Cognito amr',
      code: `{
  "Statement": [{
    "Effect": "Allow", "Principal": { "Federated": "cognito-identity.amazonaws.com" }, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {
      "StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" }
    }
  }]
}`,
      errors: [{ messageId: 'missingQualifier', data: { key: 'cognito-identity.amazonaws.com:amr', type: 'ArrayOfString', operator: 'StringLike', base: 'StringLike' }, line: 4, column: 23, endLine: 4, endColumn: 59 }],
    },
  ],
});
