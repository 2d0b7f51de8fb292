import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/allow-with-unsupported-tag-key.js';

new RuleTester().run('allow-with-unsupported-tag-key', rule, {
  valid: [
    {
      name: 'ABAC on actions whose resource types carry aws:ResourceTag',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances"], "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/team": "ml" } } }] }`,
    },
    {
      name: 'StringNotEquals allows regardless of the key, so nothing is lost',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "ec2:DescribeInstances", "Resource": "*", "Condition": { "StringNotEquals": { "aws:ResourceTag/team": "ml" } } }] }`,
    },
    {
      name: 'Deny statements belong to deny-with-unsupported-tag-key',
      code: `{ "Statement": [{ "Effect": "Deny", "Action": "ec2:DescribeInstances", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/team": "ml" } } }] }`,
    },
    {
      name: 'key names are case-insensitive',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "EC2:createtags", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "AWS:TAGKEYS": ["team"] }, "StringEquals": { "aws:requesttag/team": "ml" } } }] }`,
    },
  ],
  invalid: [
    {
      // line 7: 6 spaces, "Condition" (11) cols 7-17, ": " 18-19, "{" 20, then line 8: 8 spaces, "StringEquals" (14) 9-22,
      // ": " 23-24, "{ " 25-26, "aws:ResourceTag/team" (22 units) cols 27-48 → end 49.
      // ec2:Describe* take only "*" and list no tag keys; 3 of the 4 expanded actions are shown.
      name: 'a wildcard expands to describe actions that never see the tag',
      code: `{
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ec2:StartInstances", "ec2:DescribeInstanceStatus", "ec2:DescribeVolumes", "ec2:DescribeTags", "ec2:DescribeImages"],
      "Resource": "*",
      "Condition": {
        "StringEquals": { "aws:ResourceTag/team": "ml" }
      }
    }
  ]
}`,
      errors: [
        {
          messageId: 'withAction',
          data: { count: 4, examples: '"ec2:DescribeInstanceStatus", "ec2:DescribeVolumes", "ec2:DescribeTags"', key: 'aws:ResourceTag/team' },
          line: 8,
          column: 27,
          endLine: 8,
          endColumn: 49,
        },
      ],
    },
    {
      // '{ "Statement": [{ "Effect": "Allow", "NotAction": "s3:*", "Resource": "*", "Condition": { ' =
      // 2 + 11 + 3 + 2 + 8 + 2 + 7 + 2 + 11 + 2 + 6 + 2 + 10 + 2 + 3 + 2 + 11 + 2 + 2 = 90 units; "Null" (6) 91-96,
      // ": { " 97-100, "aws:RequestTag/team" (21 units) cols 101-121 → end 122. Null "false" requires the key.
      name: 'NotAction with a Null "false" test on a request tag',
      code: `{ "Statement": [{ "Effect": "Allow", "NotAction": "s3:*", "Resource": "*", "Condition": { "Null": { "aws:RequestTag/team": "false" } } }] }`,
      errors: [{ messageId: 'withNotAction', line: 1, column: 101, endLine: 1, endColumn: 122 }],
    },
  ],
});
