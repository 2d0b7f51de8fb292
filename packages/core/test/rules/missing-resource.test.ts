import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/missing-resource.js';

new RuleTester().run('missing-resource', rule, {
  valid: [
    { name: 'Resource', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }] }` },
    { name: 'NotResource', code: `{ "Statement": [{ "Effect": "Deny", "Action": "s3:*", "NotResource": "arn:aws:s3:::ml-data/*" }] }` },
    {
      name: 'a trust policy implies its resource',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "Service": "sagemaker.amazonaws.com" }, "Action": "sts:AssumeRole" }] }`,
    },
  ],
  invalid: [
    {
      // the statement object: from its "{" at col 17 to the "}" before "]" at col 63 (end 64).
      name: 'identity statement without resources',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject" }] }`,
      errors: [{ messageId: 'missingResource', line: 1, column: 17, endLine: 1, endColumn: 64 }],
    },
  ],
});
