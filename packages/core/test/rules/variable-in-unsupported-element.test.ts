import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/variable-in-unsupported-element.js';

new RuleTester().run('variable-in-unsupported-element', rule, {
  valid: [
    {
      name: 'variables in Resource and condition values',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::home/\${aws:username}/*",
    "Condition": { "StringEquals": { "aws:PrincipalTag/team": "\${aws:PrincipalTag/team}" } }
  }]
}`,
    },
    {
      name: 'Sid of an IAM policy is left to invalid-sid',
      code: `{ "Version": "2012-10-17", "Statement": [{ "Sid": "A\${x}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }`,
    },
    { name: 'a dollar sign alone', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:Get$", "Resource": "*" }] }` },
  ],
  invalid: [
    {
      // line 4: "Sid" 5-9, value "Home${aws:username}" (4 + 15 + 2 quotes = 21) at cols 12-32.
      // line 6: "Principal" 5-15, "{" 18, "AWS" 20-24, value "arn:aws:iam::${aws:PrincipalAccount}:root"
      //   (13 + 23 + 5 + 2 = 43) at cols 27-69.
      // line 7: "NotAction" 5-15, "[" 18, "s3:Get*" 19-27, "s3:${aws:username}" (3 + 15 + 2 = 20) at cols 30-49.
      // line 9: "Condition" 5-15, "StringEquals" 20-33, key "aws:PrincipalTag/${aws:username}" (17 + 15 + 2 = 34) at cols 38-71.
      name: 'Sid of a resource policy, Principal, NotAction and a condition key',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "Home\${aws:username}",
    "Effect": "Allow",
    "Principal": { "AWS": "arn:aws:iam::\${aws:PrincipalAccount}:root" },
    "NotAction": ["s3:Get*", "s3:\${aws:username}"],
    "Resource": "arn:aws:s3:::home/\${aws:username}/*",
    "Condition": { "StringEquals": { "aws:PrincipalTag/\${aws:username}": "yes" } }
  }]
}`,
      errors: [
        { messageId: 'unsupported', data: { variable: '${aws:username}', element: 'Sid' }, line: 4, column: 12, endLine: 4, endColumn: 33 },
        { messageId: 'unsupported', data: { variable: '${aws:PrincipalAccount}', element: 'Principal' }, line: 6, column: 27, endLine: 6, endColumn: 70 },
        { messageId: 'unsupported', data: { variable: '${aws:username}', element: 'NotAction' }, line: 7, column: 30, endLine: 7, endColumn: 50 },
        { messageId: 'unsupported', data: { variable: '${aws:username}', element: 'a condition key' }, line: 9, column: 38, endLine: 9, endColumn: 72 },
      ],
    },
    {
      // "Statement" 3-13, "[" 16, "{" 17, "Effect" 19-26, "Allow" 29-35, "Action" 38-45, "[" 48,
      // "ec2:${*}" (8 + 2 = 10) at cols 49-58: escapes are variables too.
      name: 'an escape in Action, without Version',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": ["ec2:\${*}"], "Resource": "*" }] }`,
      errors: [{ messageId: 'unsupported', data: { variable: '${*}', element: 'Action' }, line: 1, column: 49, endLine: 1, endColumn: 59 }],
    },
  ],
});
