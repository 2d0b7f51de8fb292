import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/improvable-ip-range.js';

/** One-line Deny statement up to the inside of its Condition object: the next character is at column 84. */
const P = '{ "Statement": [{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { ';
const policy = (operators: string) => `${P}${operators} } }] }`;

new RuleTester().run('improvable-ip-range', rule, {
  valid: [
    {
      name: 'network prefixes and bare addresses',
      code: policy('"IpAddress": { "aws:SourceIp": ["203.0.113.7", "203.0.113.7/32", "198.51.100.0/22", "2001:db8::/32", "2001:db8::1/128", "0.0.0.0/0"] }'),
    },
    { name: 'malformed values are left to invalid-condition-value', code: policy('"IpAddress": { "aws:SourceIp": ["x/24", "10.0.0.1/33"] }') },
    { name: 'string operators are not IP ranges', code: policy('"StringEquals": { "aws:UserAgent": "10.0.0.1/8" }') },
  ],
  invalid: [
    {
      // line 9: 8 spaces, "aws:SourceIp" (14 quoted) 9-22, "[" 25, "203.0.113.7/24" (16 quoted) 26-41 -> end 42,
      //   "198.51.101.0/22" (17 quoted) 44-60 -> end 61, "2001:DB8:1234:5678:ABCD::1/64" (29 + 2 quotes) 63-93 -> end 94.
      // 101 & 0b11111100 = 100, so 198.51.101.0/22 is 198.51.100.0/22; /64 keeps the first four groups.
      name: 'IPv4 and IPv6 ranges with host bits',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Deny",
    "Action": "*",
    "Resource": "*",
    "Condition": {
      "NotIpAddress": {
        "aws:SourceIp": ["203.0.113.7/24", "198.51.101.0/22", "2001:DB8:1234:5678:ABCD::1/64"]
      }
    }
  }]
}`,
      errors: [
        { messageId: 'hostBits', data: { value: '"203.0.113.7/24"', prefix: 24, network: '203.0.113.0/24' }, line: 9, column: 26, endLine: 9, endColumn: 42 },
        { messageId: 'hostBits', data: { value: '"198.51.101.0/22"', prefix: 22, network: '198.51.100.0/22' }, line: 9, column: 44, endLine: 9, endColumn: 61 },
        { messageId: 'hostBits', data: { value: '"2001:DB8:1234:5678:ABCD::1/64"', prefix: 64, network: '2001:db8:1234:5678::/64' }, line: 9, column: 63, endLine: 9, endColumn: 94 },
      ],
    },
    {
      // "IpAddress" (11 quoted) 84-94, "{" 97, "aws:SourceIp" (14 quoted) 99-112, "10.1.2.3/0" (12 quoted) 115-126 -> end 127.
      name: 'a /0 with any address is everything',
      code: policy('"IpAddress": { "aws:SourceIp": "10.1.2.3/0" }'),
      errors: [{ messageId: 'hostBits', data: { value: '"10.1.2.3/0"', prefix: 0, network: '0.0.0.0/0' }, line: 1, column: 115, endLine: 1, endColumn: 127 }],
    },
  ],
});
