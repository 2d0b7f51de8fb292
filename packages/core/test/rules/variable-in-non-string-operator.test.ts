import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/variable-in-non-string-operator.js';

/** One-line Deny statement up to the inside of its Condition object: the next character is at column 84. */
const P = '{ "Statement": [{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { ';
const policy = (operators: string) => `${P}${operators} } }] }`;

new RuleTester().run('variable-in-non-string-operator', rule, {
  valid: [
    { name: 'String and ARN operators take variables', code: policy('"StringEquals": { "aws:PrincipalTag/team": "${aws:username}" }, "ArnLike": { "aws:SourceArn": "arn:aws:s3:::${aws:PrincipalTag/bucket}" }') },
    { name: 'escapes are not variables', code: policy('"NumericEquals": { "s3:max-keys": "${*}${?}${$}" }') },
    { name: 'unknown operators are left to other rules', code: policy('"NumericFoo": { "s3:max-keys": "${aws:username}" }') },
    { name: 'a dollar without a brace', code: policy('"IpAddress": { "aws:SourceIp": "$10.0.0.1" }') },
  ],
  invalid: [
    {
      // line 8: 6 spaces, "NumericLessThanEquals" (23 quoted) 7-29, "{" 32, "s3:max-keys" 34-46,
      //   "${aws:PrincipalTag/maxkeys}" (27 + 2 quotes) at 49-77 -> end 78.
      // line 9: "IpAddress" 7-17, "{" 20, "aws:SourceIp" 22-35, "[" 38, "203.0.113.0/24" 39-54,
      //   "${aws:PrincipalTag/ip}" (22 + 2 quotes) at 57-80 -> end 81.
      name: 'variables under Numeric and IpAddress',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "s3:ListBucket",
    "Resource": "*",
    "Condition": {
      "NumericLessThanEquals": { "s3:max-keys": "\${aws:PrincipalTag/maxkeys}" },
      "IpAddress": { "aws:SourceIp": ["203.0.113.0/24", "\${aws:PrincipalTag/ip}"] }
    }
  }]
}`,
      errors: [
        { messageId: 'unsupported', data: { variable: '${aws:PrincipalTag/maxkeys}', operator: 'NumericLessThanEquals' }, line: 8, column: 49, endLine: 8, endColumn: 78 },
        { messageId: 'unsupported', data: { variable: '${aws:PrincipalTag/ip}', operator: 'IpAddress' }, line: 9, column: 57, endLine: 9, endColumn: 81 },
      ],
    },
    {
      // "DateLessThan" (14 quoted) 84-97, "{" 100, "aws:CurrentTime" (17 quoted) 102-118, value (26 + 2 quotes) at 121-148 -> end 149.
      name: 'a variable under a Date operator',
      code: policy('"DateLessThan": { "aws:CurrentTime": "${aws:PrincipalTag/expiry}" }'),
      errors: [{ messageId: 'unsupported', data: { variable: '${aws:PrincipalTag/expiry}', operator: 'DateLessThan' }, line: 1, column: 121, endLine: 1, endColumn: 149 }],
    },
    {
      // "BinaryEquals" (14 quoted) 84-97, "{" 100, "aws:UserAgent" (15 quoted) 102-116, "${?}${aws:userid}" (17 + 2 quotes) at 119-137 -> end 138.
      name: 'a variable after an escape',
      code: policy('"BinaryEquals": { "aws:UserAgent": "${?}${aws:userid}" }'),
      errors: [{ messageId: 'unsupported', data: { variable: '${aws:userid}', operator: 'BinaryEquals' }, line: 1, column: 119, endLine: 1, endColumn: 138 }],
    },
    {
      // "Bool" 84-89, "{" 92, "aws:SecureTransport" 94-114, "${aws:PrincipalTag/tls}" (23 + 2 quotes) at 117-141 -> end 142.
      name: 'Bool is reported as uncertain, one level lower',
      code: policy('"Bool": { "aws:SecureTransport": "${aws:PrincipalTag/tls}" }'),
      errors: [{ messageId: 'boolVariable', data: { variable: '${aws:PrincipalTag/tls}', operator: 'Bool' }, level: 'warning', line: 1, column: 117, endLine: 1, endColumn: 142 }],
    },
  ],
});
