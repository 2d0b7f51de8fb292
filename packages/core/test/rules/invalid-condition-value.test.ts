import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/invalid-condition-value.js';

/** One-line Deny statement up to the inside of its Condition object: the next character is at column 84. */
const P = '{ "Statement": [{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { ';
const policy = (operators: string) => `${P}${operators} } }] }`;

new RuleTester().run('invalid-condition-value', rule, {
  valid: [
    { name: 'booleans in any case and as JSON', code: policy('"Bool": { "aws:SecureTransport": ["TRUE", false] }, "Null": { "aws:TokenIssueTime": "false" }') },
    {
      name: 'ISO 8601 dates and date-times, and epoch seconds (left to epoch-date-value)',
      code: policy('"DateGreaterThan": { "aws:CurrentTime": ["2020-01-01", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00.123+02:00", "2020-06", 1700000000, "1700000000"] }'),
    },
    { name: 'IPv4 and IPv6 addresses and ranges', code: policy('"IpAddress": { "aws:SourceIp": ["10.0.0.0/8", "203.0.113.7", "2001:DB8:1234:5678::/64", "::ffff:192.0.2.1", "::/0"] }') },
    { name: 'integers, decimals and exponents', code: policy('"NumericLessThan": { "s3:max-keys": ["10", -1.5, "+.5", "1e3"] }') },
    { name: 'base-64 with and without padding', code: policy('"BinaryEquals": { "aws:UserAgent": ["QmluYXJ5VmFsdWVJbkJhc2U2NA==", "QQ", ""] }') },
    { name: 'policy variables are left to variable-in-non-string-operator', code: policy('"NumericEquals": { "s3:max-keys": "${aws:PrincipalTag/max}" }') },
    { name: 'unknown operators are left to other rules', code: policy('"NumericFoo": { "s3:max-keys": "ten" }') },
    { name: 'string operators take any text', code: policy('"StringEquals": { "aws:SecureTransport": "yes" }') },
    { name: 'null and objects are left to invalid-condition-value-type', code: policy('"NumericEquals": { "s3:max-keys": [null, {}] }') },
  ],
  invalid: [
    {
      // Each line starts with 6 spaces, the operator in quotes at column 7.
      // line 8: "Bool" 7-12, ": {" 13-15, "aws:SecureTransport" (21 quoted) 17-37, then "yes" at 40, 5 long -> end 45.
      // line 9: "NumericLessThan" 7-23, "{" 26, "s3:max-keys" 28-40, "[" 43, "10" 44-47, "ten" at 50, 5 long -> end 55.
      // line 10: "DateGreaterThan" 7-23, "{" 26, "aws:CurrentTime" 28-44, "2020-13-01" at 47, 12 long -> end 59.
      // line 11: "IpAddress" 7-17, "{" 20, "aws:SourceIp" 22-35, "[" 38, first range 39-54, second at 57, 16 long -> end 73.
      // line 12: "BinaryEquals" 7-20, "{" 23, "aws:UserAgent" 25-39, "abc!" at 42, 6 long -> end 48.
      name: 'one malformed value per family',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": "s3:GetObject",
    "Resource": "*",
    "Condition": {
      "Bool": { "aws:SecureTransport": "yes" },
      "NumericLessThan": { "s3:max-keys": ["10", "ten"] },
      "DateGreaterThan": { "aws:CurrentTime": "2020-13-01" },
      "IpAddress": { "aws:SourceIp": ["203.0.113.0/24", "203.0.113.0/33"] },
      "BinaryEquals": { "aws:UserAgent": "abc!" }
    }
  }]
}`,
      errors: [
        { messageId: 'notBoolean', data: { operator: 'Bool', value: '"yes"', key: 'aws:SecureTransport' }, line: 8, column: 40, endLine: 8, endColumn: 45 },
        { messageId: 'notNumber', data: { operator: 'NumericLessThan', value: '"ten"', key: 's3:max-keys' }, line: 9, column: 50, endLine: 9, endColumn: 55 },
        { messageId: 'notDate', data: { operator: 'DateGreaterThan', value: '"2020-13-01"', key: 'aws:CurrentTime' }, line: 10, column: 47, endLine: 10, endColumn: 59 },
        { messageId: 'notIpRange', data: { operator: 'IpAddress', value: '"203.0.113.0/33"', key: 'aws:SourceIp' }, line: 11, column: 57, endLine: 11, endColumn: 73 },
        { messageId: 'notBase64', data: { operator: 'BinaryEquals', value: '"abc!"', key: 'aws:UserAgent' }, line: 12, column: 42, endLine: 12, endColumn: 48 },
      ],
    },
    {
      // "Null" 84-89, "{" 92, "aws:TokenIssueTime" (20 quoted) 94-113, "maybe" at 116, 7 long -> end 123.
      name: 'Null takes booleans too',
      code: policy('"Null": { "aws:TokenIssueTime": "maybe" }'),
      errors: [{ messageId: 'notBoolean', data: { operator: 'Null', value: '"maybe"', key: 'aws:TokenIssueTime' }, line: 1, column: 116, endLine: 1, endColumn: 123 }],
    },
    {
      // "Bool" 84-89, "{" 92, "aws:SecureTransport" 94-114, the number 1 at 117 -> end 118.
      name: 'a JSON number under Bool',
      code: policy('"Bool": { "aws:SecureTransport": 1 }'),
      errors: [{ messageId: 'notBoolean', data: { operator: 'Bool', value: '1', key: 'aws:SecureTransport' }, line: 1, column: 117, endLine: 1, endColumn: 118 }],
    },
    {
      // "NumericEquals" (15 quoted) 84-98, "{" 101, "s3:max-keys" (13 quoted) 103-115, true at 118-121 -> end 122.
      name: 'a JSON boolean under a Numeric operator',
      code: policy('"NumericEquals": { "s3:max-keys": true }'),
      errors: [{ messageId: 'notNumber', data: { operator: 'NumericEquals', value: 'true', key: 's3:max-keys' }, line: 1, column: 118, endLine: 1, endColumn: 122 }],
    },
    {
      // "NotIpAddressIfExists" (22 quoted) 84-105, "{" 108, "aws:SourceIp" (14 quoted) 110-123, "fe80::1%eth0" (14 quoted) 126-139 -> end 140.
      name: 'an IPv6 zone id is not accepted',
      code: policy('"NotIpAddressIfExists": { "aws:SourceIp": "fe80::1%eth0" }'),
      errors: [{ messageId: 'notIpRange', data: { operator: 'NotIpAddressIfExists', value: '"fe80::1%eth0"', key: 'aws:SourceIp' }, line: 1, column: 126, endLine: 1, endColumn: 140 }],
    },
  ],
});
