import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/redundant-numeric-condition-value.js';

/** One-line Deny statement up to the inside of its Condition object: the next character is at column 84. */
const P = '{ "Statement": [{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { ';
const policy = (operators: string) => `${P}${operators} } }] }`;

new RuleTester().run('redundant-numeric-condition-value', rule, {
  valid: [
    { name: 'one value', code: policy('"NumericLessThan": { "s3:max-keys": [10] }') },
    { name: 'NumericEquals values are all needed', code: policy('"NumericEquals": { "s3:max-keys": [10, 20] }') },
    { name: 'NumericNotEquals values are all needed', code: policy('"NumericNotEquals": { "s3:max-keys": [10, 20] }') },
    { name: 'a non-number makes the key undecided', code: policy('"NumericLessThan": { "s3:max-keys": [10, "ten"] }') },
    { name: 'a variable makes the key undecided', code: policy('"NumericLessThan": { "s3:max-keys": [10, "${aws:PrincipalTag/n}"] }') },
  ],
  invalid: [
    {
      // line 8: 6 spaces, "NumericLessThanEquals" (23 quoted) 7-29, "{" 32, "s3:max-keys" (13 quoted) 34-46, "[" 49,
      //   10 at 50-51 (end 52), "100" at 54-58 (end 59), 50 at 61-62 (end 63). Greatest: "100".
      // line 9: "ForAnyValue:NumericGreaterThan" (32 quoted) 7-38, "{" 41, "aws:MultiFactorAuthAge" (24 quoted) 43-66, "[" 69,
      //   3600 at 70-73, 60 at 76-77, 60 at 80-81 (end 82). Least: the first 60; the second 60 is redundant.
      name: 'all but the greatest or least value',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Deny",
    "Action": "*",
    "Resource": "*",
    "Condition": {
      "NumericLessThanEquals": { "s3:max-keys": [10, "100", 50] },
      "ForAnyValue:NumericGreaterThan": { "aws:MultiFactorAuthAge": [3600, 60, 60] }
    }
  }]
}`,
      errors: [
        { messageId: 'redundant', data: { operator: 'NumericLessThanEquals', value: '10', key: 's3:max-keys', kept: '"100"' }, line: 8, column: 50, endLine: 8, endColumn: 52 },
        { messageId: 'redundant', data: { operator: 'NumericLessThanEquals', value: '50', key: 's3:max-keys', kept: '"100"' }, line: 8, column: 61, endLine: 8, endColumn: 63 },
        { messageId: 'redundant', data: { operator: 'ForAnyValue:NumericGreaterThan', value: '3600', key: 'aws:MultiFactorAuthAge', kept: '60' }, line: 9, column: 70, endLine: 9, endColumn: 74 },
        { messageId: 'redundant', data: { operator: 'ForAnyValue:NumericGreaterThan', value: '60', key: 'aws:MultiFactorAuthAge', kept: '60' }, line: 9, column: 80, endLine: 9, endColumn: 82 },
      ],
    },
  ],
});
