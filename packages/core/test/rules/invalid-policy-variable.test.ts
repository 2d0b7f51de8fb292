import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/invalid-policy-variable.js';

new RuleTester().run('invalid-policy-variable', rule, {
  valid: [
    {
      name: 'variables, defaults with spaces and a brace, escapes',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "s3:GetObject",
    "Resource": ["arn:aws:s3:::home/\${aws:username}/*", "arn:aws:s3:::q/\${*}\${?}\${$}", "arn:aws:s3:::price$list"],
    "Condition": { "StringLike": { "s3:prefix": ["\${aws:PrincipalTag/team, 'company wide'}", "\${aws:username, 'a}b'}/*"] } }
  }]
}`,
    },
    {
      name: 'text is literal without Version 2012-10-17',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/\${aws:username/*" }] }`,
    },
    {
      name: 'Action is not checked here',
      code: `{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:\${}", "Resource": "*" }] }`,
    },
  ],
  invalid: [
    {
      // 6-space indent: items start at col 7. "arn:aws:s3:::home/" is 18 characters.
      // line 7: 18 + "${aws:username/*" (16) + 2 quotes = 36 -> cols 7-42.
      // line 8: 18 + "${}/*" (5) + 2 = 25 -> cols 7-31.
      // line 9: 18 + "${aws: username}/*" (18) + 2 = 38 -> cols 7-44.
      // line 11: "Condition" 5-15, "StringEquals" 20-33, "aws:PrincipalTag/team" (23) 38-60,
      //   then "${aws:username, none}" (21 + 2) at cols 63-85.
      name: 'missing brace, empty, space in name, unquoted default',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "s3:GetObject",
    "Resource": [
      "arn:aws:s3:::home/\${aws:username/*",
      "arn:aws:s3:::home/\${}/*",
      "arn:aws:s3:::home/\${aws: username}/*"
    ],
    "Condition": { "StringEquals": { "aws:PrincipalTag/team": "\${aws:username, none}" } }
  }]
}`,
      errors: [
        { messageId: 'missingBrace', data: { variable: '${aws:username/*' }, line: 7, column: 7, endLine: 7, endColumn: 43 },
        { messageId: 'empty', data: { variable: '${}' }, line: 8, column: 7, endLine: 8, endColumn: 32 },
        { messageId: 'spaceInName', data: { variable: '${aws: username}' }, line: 9, column: 7, endLine: 9, endColumn: 45 },
        { messageId: 'missingQuote', data: { variable: '${aws:username, none}' }, line: 11, column: 63, endLine: 11, endColumn: 86 },
      ],
    },
    {
      // "Version" 3-11, "2012-10-17" 14-25, "Statement" 28-38, "[" 41, "{" 42, "Effect" 44-51, "Deny" 54-59,
      // "Action" 62-69, "*" 72-74, "NotResource" 77-89, then the value at col 92:
      // "arn:aws:s3:::b/${aws:userid${aws:username}" = 15 + 12 + 15 + 2 quotes = 44 -> cols 92-135.
      name: 'a variable opened inside another, in NotResource',
      code: `{ "Version": "2012-10-17", "Statement": [{ "Effect": "Deny", "Action": "*", "NotResource": "arn:aws:s3:::b/\${aws:userid\${aws:username}" }] }`,
      errors: [{ messageId: 'missingBrace', data: { variable: '${aws:userid' }, line: 1, column: 92, endLine: 1, endColumn: 136 }],
    },
  ],
});
