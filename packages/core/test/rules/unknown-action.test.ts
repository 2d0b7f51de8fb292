import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/unknown-action.js';

new RuleTester().run('unknown-action', rule, {
  valid: [
    {
      name: 'known actions in any case, patterns that match, "*", and a service wildcard',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:GetObject", "S3:PUTOBJECT", "sagemaker:Describe*", "ec2:Describe?pcs", "*", "*code*:Get*"], "Resource": "*" }
  ]
}`,
    },
    {
      // regression: also reported by variable-in-unsupported-element on the same value
      name: 'policy variables in actions are left to variable-in-unsupported-element',
      code: `{ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": "s3:\${aws:username}", "Resource": "*" }] }`,
    },
  ],
  invalid: [
    {
      // line 6: 8 spaces then "s3:GetObjct" (13 characters quoted): cols 9-21, end 22.
      name: 'misspelt action, with a suggestion',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "Action": [
        "s3:GetObjct",
        "sagemkr:CreateTrainingJob"
      ],
      "Resource": "*"
    }
  ]
}`,
      errors: [
        { messageId: 'unknownAction', data: { value: '"s3:GetObjct"', hint: ' (did you mean "s3:GetObject"?)' }, line: 7, column: 9, endLine: 7, endColumn: 22 },
        {
          // "sagemkr:CreateTrainingJob" is 25 characters, 27 quoted: cols 9-35, end 36.
          messageId: 'unknownService',
          data: { value: '"sagemkr:CreateTrainingJob"', service: 'sagemkr', hint: ' (did you mean "sagemaker"?)' },
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 36,
        },
      ],
    },
    {
      // counted by hand: "NotAction" is cols 37-47, then ": [", so "s3:Gte*" (9 quoted) is cols 51-59
      // and "s3" (4 quoted) cols 62-65.
      name: 'a pattern that matches nothing, and a value without a colon',
      code: `{
  "Statement": [{ "Effect": "Deny", "NotAction": ["s3:Gte*", "s3"], "Resource": "*" }]
}`,
      errors: [
        { messageId: 'matchesNothing', data: { value: '"s3:Gte*"', service: 's3' }, line: 2, column: 51, endLine: 2, endColumn: 60 },
        { messageId: 'malformedAction', data: { value: '"s3"' }, line: 2, column: 62, endLine: 2, endColumn: 66 },
      ],
    },
  ],
});
