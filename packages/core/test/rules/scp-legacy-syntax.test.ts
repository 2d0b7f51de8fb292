import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/scp-legacy-syntax.js';

const LEGACY_SCP = `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "NotAction": ["iam:*", "s3:*Object"],
    "Resource": ["*", "arn:aws:s3:::logs/*"],
    "Condition": { "StringEquals": { "aws:RequestedRegion": "eu-west-1" } }
  }, {
    "Effect": "Deny",
    "Action": "*:Delete*",
    "NotResource": "arn:aws:s3:::keep/*"
  }]
}`;

new RuleTester().run('scp-legacy-syntax', rule, {
  valid: [
    {
      name: 'legacy-compatible SCP: Allow all, Deny with condition and ARNs, trailing wildcards',
      policyType: 'scp',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "*", "Resource": "*" },
    {
      "Effect": "Deny",
      "Action": ["s3:Delete*", "iam:*"],
      "Resource": "arn:aws:s3:::logs/*",
      "Condition": { "StringNotEquals": { "aws:PrincipalOrgID": "o-abc123def4" } }
    }
  ]
}`,
    },
    { name: 'identity policies are not checked', code: LEGACY_SCP },
  ],
  invalid: [
    {
      // line 5: "NotAction" cols 5-15, "[" 18, "iam:*" 19-25, "s3:*Object" (12 with quotes) 28-39.
      // line 6: "Resource" 5-14, "[" 17, "*" 18-20, "arn:aws:s3:::logs/*" (21) 23-43.
      // line 7: "Condition" 5-15.   line 10: "Action" 5-12, "*:Delete*" (11) 15-25.   line 11: "NotResource" 5-17.
      name: 'every legacy restriction',
      policyType: 'scp',
      code: LEGACY_SCP,
      errors: [
        { messageId: 'allowNotAction', line: 5, column: 5, endLine: 5, endColumn: 16 },
        { messageId: 'actionWildcard', data: { action: '"s3:*Object"' }, line: 5, column: 28, endLine: 5, endColumn: 40 },
        { messageId: 'allowResource', data: { resource: '"arn:aws:s3:::logs/*"' }, line: 6, column: 23, endLine: 6, endColumn: 44 },
        { messageId: 'allowCondition', line: 7, column: 5, endLine: 7, endColumn: 16 },
        { messageId: 'actionWildcard', data: { action: '"*:Delete*"' }, line: 10, column: 15, endLine: 10, endColumn: 26 },
        { messageId: 'notResource', line: 11, column: 5, endLine: 11, endColumn: 18 },
      ],
    },
  ],
});
