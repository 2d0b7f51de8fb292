import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/unknown-global-condition-key.js';

new RuleTester().run('unknown-global-condition-key', rule, {
  valid: [
    {
      name: 'global keys in any case, tag keys, and service keys',
      code: `{
  "Statement": [{
    "Effect": "Deny", "Action": "*", "Resource": "*",
    "Condition": {
      "StringNotEquals": { "aws:requestedregion": "eu-west-1", "aws:PrincipalTag/team": "ml", "sagemaker:InstanceTypes": "ml.m5.large" },
      "IpAddress": { "aws:SourceIp": "10.0.0.0/8" }
    }
  }]
}`,
    },
  ],
  invalid: [
    {
      // line 6: 8 spaces then the key "aws:RequestedRegions" (22 characters quoted): cols 9-30.
      name: 'misspelt region key in a Deny guard',
      code: `{
  "Statement": [{
    "Effect": "Deny", "Action": "*", "Resource": "*",
    "Condition": {
      "StringNotEquals": {
        "aws:RequestedRegions": ["eu-west-1"]
      }
    }
  }]
}`,
      errors: [
        {
          messageId: 'unknownKey',
          data: { key: 'aws:RequestedRegions', hint: ' (did you mean "aws:RequestedRegion"?)' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 31,
        },
      ],
    },
    {
      // independently of the engine: the key's index in the code string (113) + 1 = col 114; 23 characters quoted.
      name: 'misspelt tag key family',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "aws:PrincipleTag/team": "ml" } } }] }`,
      errors: [
        {
          messageId: 'unknownKey',
          data: { key: 'aws:PrincipleTag/team', hint: ' (did you mean "aws:PrincipalTag/<tag-key>"?)' },
          line: 1,
          column: 114,
          endLine: 1,
          endColumn: 137,
        },
      ],
    },
  ],
});
