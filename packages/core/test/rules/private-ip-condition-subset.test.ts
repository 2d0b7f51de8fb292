import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/private-ip-condition-subset.js';

/** One-line Deny statement up to the inside of its Condition object: the next character is at column 84. */
const P = '{ "Statement": [{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { ';
const policy = (operators: string) => `${P}${operators} } }] }`;

new RuleTester().run('private-ip-condition-subset', rule, {
  valid: [
    { name: 'only public ranges', code: policy('"IpAddress": { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"] }') },
    { name: 'only private ranges are left to private-ip-condition', code: policy('"IpAddress": { "aws:SourceIp": ["10.0.0.0/8", "fc00::/7"] }') },
    { name: 'a malformed value is not public', code: policy('"IpAddress": { "aws:SourceIp": ["10.0.0.0/8", "bogus"] }') },
    { name: 'a range reaching outside the private ranges', code: policy('"IpAddress": { "aws:SourceIp": ["192.168.0.0/15", "203.0.113.0/24"] }') },
    { name: 'aws:VpcSourceIp holds private addresses', code: policy('"IpAddress": { "aws:VpcSourceIp": ["10.0.0.0/8", "203.0.113.0/24"] }') },
  ],
  invalid: [
    {
      // "IpAddress" (11 quoted) 84-94, "{" 97, "aws:SourceIp" 99-112, "[" 115, "203.0.113.0/24" (16 quoted) 116-131,
      // "172.16.5.0/24" (15 quoted) 134-148 -> end 149, "fc00::1" (9 quoted) 151-159 -> end 160.
      name: 'IPv4 and IPv6 private values beside a public one',
      code: policy('"IpAddress": { "aws:SourceIp": ["203.0.113.0/24", "172.16.5.0/24", "fc00::1"] }'),
      errors: [
        { messageId: 'privateValue', data: { value: '"172.16.5.0/24"', operator: 'IpAddress', key: 'aws:SourceIp' }, line: 1, column: 134, endLine: 1, endColumn: 149 },
        { messageId: 'privateValue', data: { value: '"fc00::1"', operator: 'IpAddress', key: 'aws:SourceIp' }, line: 1, column: 151, endLine: 1, endColumn: 160 },
      ],
    },
    {
      // line 11: 10 spaces, "192.168.0.0/16" (16 quoted) at 11-26 -> end 27.
      name: 'under NotIpAddressIfExists',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Deny",
    "Action": "*",
    "Resource": "*",
    "Condition": {
      "NotIpAddressIfExists": {
        "aws:SourceIp": [
          "198.51.100.0/24",
          "192.168.0.0/16"
        ]
      }
    }
  }]
}`,
      errors: [{ messageId: 'privateValue', data: { value: '"192.168.0.0/16"', operator: 'NotIpAddressIfExists', key: 'aws:SourceIp' }, line: 11, column: 11, endLine: 11, endColumn: 27 }],
    },
  ],
});
