import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/operator-key-type-mismatch.js';

new RuleTester().run('operator-key-type-mismatch', rule, {
  valid: [
    {
      name: 'fitting families, Null, and the tolerated String/ARN/Bool pairs',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "DateGreaterThan": { "aws:CurrentTime": "2024-01-01T00:00:00Z" }, "NumericLessThan": { "aws:EpochTime": 1700000000 }, "Null": { "aws:CurrentTime": "false" }, "StringEquals": { "aws:SourceArn": "arn:aws:s3:::b", "aws:SecureTransport": "true" }, "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::*:role/a" }, "IpAddress": { "aws:SourceIp": "10.0.0.0/8" } } }] }`,
    },
    { name: 'multivalued keys use their element type', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "ForAnyValue:StringEquals": { "aws:TagKeys": "team" } } }] }` },
    { name: 'unknown and unlisted keys are skipped', code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "NumericEquals": { "s3:nosuchkey": 1, "token.actions.githubusercontent.com:sub": 2 } } }] }` },
  ],
  invalid: [
    {
      // line 5: 6 spaces, "StringEquals" (14), ': { ' (4) → col 25; "aws:CurrentTime" is 17 characters quoted: cols 25-41.
      // line 6: 6 spaces, "NumericLessThan" (17), ': { ' (4) → col 28; "s3:prefix" is 11 characters quoted: cols 28-38.
      name: 'String on a Date key; Numeric on a String key is uncertain',
      code: `{
  "Statement": [{
    "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
    "Condition": {
      "StringEquals": { "aws:CurrentTime": "2024-01-01" },
      "NumericLessThan": { "s3:prefix": "5" }
    }
  }]
}`,
      errors: [
        { messageId: 'typeMismatch', data: { operator: 'StringEquals', family: 'String', key: 'aws:CurrentTime', type: 'Date', expected: 'Date' }, line: 5, column: 25, endLine: 5, endColumn: 42 },
        // regression: was certain; a String key may hold a number (glacier:ArchiveAgeInDays in AWS's vault lock example)
        { messageId: 'textAs', data: { operator: 'NumericLessThan', family: 'Numeric', key: 's3:prefix', what: 'number' }, line: 6, column: 28, endLine: 6, endColumn: 39 },
      ],
    },
    {
      // prefix 95, "StringLike" (12), ': { ' (4): col 112; "aws:SourceIp" is 14 characters quoted: cols 112-125.
      name: 'String operator on the IP key',
      code: `{ "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringLike": { "aws:SourceIp": "10.*" } } }] }`,
      errors: [{ messageId: 'typeMismatch', data: { operator: 'StringLike', family: 'String', key: 'aws:SourceIp', type: 'IPAddress', expected: 'IpAddress' }, line: 1, column: 112, endLine: 1, endColumn: 126 }],
    },
    {
      // S3 Glacier vault lock example. line 6: 6 spaces, "NumericLessThan" (17), ': { ' (4) → col 28;
      // "glacier:ArchiveAgeInDays" (24 + 2 quotes = 26) cols 28-53 → end 54.
      name: 'Numeric operator on a String-typed key holding a number',
      code: `{
  "Statement": [{
    "Effect": "Deny", "Principal": "*", "Action": "glacier:DeleteArchive",
    "Resource": "arn:aws:glacier:us-west-2:123456789012:vaults/examplevault",
    "Condition": {
      "NumericLessThan": { "glacier:ArchiveAgeInDays": "365" }
    }
  }]
}`,
      errors: [{ messageId: 'textAs', data: { operator: 'NumericLessThan', family: 'Numeric', key: 'glacier:ArchiveAgeInDays', what: 'number' }, line: 6, column: 28, endLine: 6, endColumn: 54 }],
    },
  ],
});
