import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/epoch-date-value.js';

/** One-line Deny statement up to the inside of its Condition object: the next character is at column 84. */
const P = '{ "Statement": [{ "Effect": "Deny", "Action": "*", "Resource": "*", "Condition": { ';
const policy = (operators: string) => `${P}${operators} } }] }`;

new RuleTester().run('epoch-date-value', rule, {
  valid: [
    { name: 'ISO 8601 dates and date-times', code: policy('"DateGreaterThan": { "aws:CurrentTime": ["2024-01-01", "2024-01-01T00:00:00Z"] }') },
    { name: 'epoch seconds under a Numeric operator', code: policy('"NumericGreaterThan": { "aws:EpochTime": 1700000000 }') },
    { name: 'a JSON boolean is left to invalid-condition-value', code: policy('"DateEquals": { "aws:CurrentTime": true }') },
    { name: 'digits under a String operator', code: policy('"StringEquals": { "aws:CurrentTime": "1700000000" }') },
  ],
  invalid: [
    {
      // line 8: 6 spaces, "DateGreaterThan" 7-23, "{" 26, "aws:EpochTime" (15 quoted) 28-42, 1700000000 (10 digits) at 45-54 -> end 55.
      // line 9: "DateLessThanIfExists" (22 quoted) 7-28, "{" 31, "aws:TokenIssueTime" (20 quoted) 33-52, "[" 55,
      //   "2024-01-01" 56-67, "0" at 70-72 -> end 73.
      // 1700000000 s = 19676 days + 80000 s = 2023-11-14 + 22:13:20.
      name: 'a JSON number and a digit string',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Deny",
    "Action": "*",
    "Resource": "*",
    "Condition": {
      "DateGreaterThan": { "aws:EpochTime": 1700000000 },
      "DateLessThanIfExists": { "aws:TokenIssueTime": ["2024-01-01", "0"] }
    }
  }]
}`,
      errors: [
        { messageId: 'epochValue', data: { operator: 'DateGreaterThan', value: '1700000000', key: 'aws:EpochTime', hint: ' ("2023-11-14T22:13:20Z")' }, line: 8, column: 45, endLine: 8, endColumn: 55 },
        { messageId: 'epochValue', data: { operator: 'DateLessThanIfExists', value: '"0"', key: 'aws:TokenIssueTime', hint: ' ("1970-01-01T00:00:00Z")' }, line: 9, column: 70, endLine: 9, endColumn: 73 },
      ],
    },
    {
      // "DateEquals" (12 quoted) 84-95, "{" 98, "aws:CurrentTime" (17 quoted) 100-116, 17 digits + 2 quotes at 119-137 -> end 138.
      name: 'beyond the dates JavaScript can show: no hint',
      code: policy('"DateEquals": { "aws:CurrentTime": "99999999999999999" }'),
      errors: [{ messageId: 'epochValue', data: { operator: 'DateEquals', value: '"99999999999999999"', key: 'aws:CurrentTime', hint: '' }, line: 1, column: 119, endLine: 1, endColumn: 138 }],
    },
    {
      // regression: "2024" is an ISO 8601 year as well as 2024 epoch seconds; it was reported as certainly epoch.
      // "DateGreaterThan" (17 quoted) 84-100, "{" 103, "aws:CurrentTime" (17 quoted) 105-121, "2024" (6 quoted) 124-129 -> end 130.
      // 2024 s = 00:33:44 on 1970-01-01.
      name: 'four digits: year or epoch seconds',
      code: policy('"DateGreaterThan": { "aws:CurrentTime": "2024" }'),
      errors: [{ messageId: 'yearOrEpoch', data: { operator: 'DateGreaterThan', value: '"2024"', key: 'aws:CurrentTime', hint: ' ("1970-01-01T00:33:44Z")', year: '2024' }, line: 1, column: 124, endLine: 1, endColumn: 130 }],
    },
  ],
});
