import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/private-ip-condition.js';

/** One-line Deny statement up to the inside of its Condition object: the next character is at column 84. */
const P = '{ "Statement": [{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { ';
const policy = (operators: string) => `${P}${operators} } }] }`;

new RuleTester().run('private-ip-condition', rule, {
  valid: [
    { name: 'public ranges', code: policy('"IpAddress": { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"] }') },
    { name: 'a mix is left to private-ip-condition-subset', code: policy('"IpAddress": { "aws:SourceIp": ["10.0.0.0/8", "203.0.113.0/24"] }') },
    { name: 'just outside 172.16.0.0/12', code: policy('"IpAddress": { "aws:SourceIp": "172.32.0.0/16" }') },
    { name: 'a range reaching outside 10.0.0.0/8 counts as public', code: policy('"IpAddress": { "aws:SourceIp": "10.0.0.0/7" }') },
    { name: 'a malformed value makes the key undecided', code: policy('"IpAddress": { "aws:SourceIp": ["10.0.0.0/8", "bogus"] }') },
    { name: 'aws:VpcSourceIp holds private addresses', code: policy('"IpAddress": { "aws:VpcSourceIp": "10.0.0.0/8" }') },
    { name: 'not an IP address operator', code: policy('"StringEquals": { "aws:SourceIp": "10.0.0.1" }') },
  ],
  invalid: [
    {
      // line 8: 6 spaces, "Condition" 7-17, "{" 20, "IpAddress" (11 quoted) 22-32, "{" 35, "aws:SourceIp" (14 quoted) 37-50 -> end 51.
      // line 14: "Condition" 7-17, "{" 20, "NotIpAddress" (14 quoted) 22-35, "{" 38, "AWS:SourceIP" (14 quoted) 40-53 -> end 54.
      // fd00::/8 lies in fc00::/7, fe80::1 in fe80::/10.
      name: 'IPv4 private ranges under IpAddress, IPv6 ones under NotIpAddress',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*",
      "Condition": { "IpAddress": { "aws:SourceIp": ["10.0.0.0/16", "192.168.1.0/24"] } }
    },
    {
      "Effect": "Deny",
      "Action": "*",
      "Resource": "*",
      "Condition": { "NotIpAddress": { "AWS:SourceIP": ["fd00::/8", "fe80::1"] } }
    }
  ]
}`,
      errors: [
        { messageId: 'neverMatches', data: { operator: 'IpAddress', key: 'aws:SourceIp' }, line: 8, column: 37, endLine: 8, endColumn: 51 },
        { messageId: 'alwaysMatches', data: { operator: 'NotIpAddress', key: 'AWS:SourceIP' }, line: 14, column: 40, endLine: 14, endColumn: 54 },
      ],
    },
    {
      // "IpAddressIfExists" (19 quoted) 84-102, "{" 105, "aws:SourceIp" (14 quoted) 107-120 -> end 121.
      name: 'a single private address with IfExists',
      code: policy('"IpAddressIfExists": { "aws:SourceIp": "172.31.255.255" }'),
      // regression: the message said "never matches", but IfExists matches when aws:SourceIp is absent
      errors: [{ messageId: 'onlyWithoutKey', data: { operator: 'IpAddressIfExists', key: 'aws:SourceIp' }, line: 1, column: 107, endLine: 1, endColumn: 121 }],
    },
    {
      // "ForAllValues:IpAddress" (24 quoted) 84-107, "{" 110, "aws:SourceIp" (14 quoted) 112-125 -> end 126.
      name: 'ForAllValues: is also true without the key',
      code: policy('"ForAllValues:IpAddress": { "aws:SourceIp": "10.1.0.0/16" }'),
      errors: [{ messageId: 'onlyWithoutKey', data: { operator: 'ForAllValues:IpAddress', key: 'aws:SourceIp' }, line: 1, column: 112, endLine: 1, endColumn: 126 }],
    },
    {
      // "NotIpAddressIfExists" (22 quoted) 84-105, "{" 108, "aws:SourceIp" (14 quoted) 110-123 -> end 124.
      name: 'NotIpAddressIfExists always matches',
      code: policy('"NotIpAddressIfExists": { "aws:SourceIp": "10.1.0.0/16" }'),
      errors: [{ messageId: 'alwaysMatches', data: { operator: 'NotIpAddressIfExists', key: 'aws:SourceIp' }, line: 1, column: 110, endLine: 1, endColumn: 124 }],
    },
  ],
});
