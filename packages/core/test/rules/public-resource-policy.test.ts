import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/public-resource-policy.js';

const statement = (body: string) => `{ "Version": "2012-10-17", "Statement": [{ ${body} }] }`;

new RuleTester().run('public-resource-policy', rule, {
  valid: [
    {
      name: 'bucket policy restricted to an organization',
      code: statement(
        `"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": { "StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } }`,
      ),
    },
    {
      name: 'bucket policy restricted to a VPC endpoint, next to a condition that does not restrict',
      code: statement(
        `"Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*", "Condition": { "Bool": { "aws:SecureTransport": "true" }, "StringEquals": { "aws:SourceVpce": "vpce-1a2b3c4d" } }`,
      ),
    },
    {
      name: 'CloudFront origin access control: a service principal is not the public',
      code: statement(
        `"Effect": "Allow", "Principal": { "Service": "cloudfront.amazonaws.com" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": { "StringEquals": { "AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE" } }`,
      ),
    },
    {
      name: 'account principal',
      code: statement(`"Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sqs:*", "Resource": "arn:aws:sqs:us-east-1:111122223333:q"`),
    },
    {
      name: 'Deny with the wildcard principal grants nothing',
      code: statement(
        `"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*", "Condition": { "Bool": { "aws:SecureTransport": "false" } }`,
      ),
    },
    {
      name: 'NotPrincipal is left to allow-with-not-principal',
      code: statement(`"Effect": "Allow", "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"`),
    },
    {
      name: 'KMS key policy restricted by kms:CallerAccount and kms:ViaService',
      code: statement(
        `"Effect": "Allow", "Principal": { "AWS": "*" }, "Action": ["kms:Encrypt", "kms:Decrypt"], "Resource": "*", "Condition": { "StringEquals": { "kms:CallerAccount": "111122223333", "kms:ViaService": "s3.us-east-1.amazonaws.com" } }`,
      ),
    },
    {
      name: 'organization paths under ForAnyValue:StringLike, key spelled in lower case',
      code: statement(
        `"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": { "ForAnyValue:StringLike": { "aws:principalorgpaths": ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"] } }`,
      ),
    },
    {
      name: 'a public IP range restricts the network of the caller',
      code: statement(
        `"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*", "Condition": { "IpAddress": { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"] } }`,
      ),
    },
    {
      name: 'bucket policy delegating to access points of one account',
      code: statement(
        `"Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], "Condition": { "StringEquals": { "s3:DataAccessPointAccount": "111122223333" } }`,
      ),
    },
    {
      name: 'ArnLike with a pattern narrower than "*"',
      code: statement(
        `"Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "Resource": "arn:aws:sns:us-east-1:111122223333:t", "Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/*" } }`,
      ),
    },
    {
      name: 'role trust policies are left to trust-policy-wildcard-principal',
      policyType: 'trust',
      code: statement(`"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"`),
    },
  ],
  invalid: [
    {
      // line 6: 6 spaces, "Principal" (11 chars) at cols 7-17, ":" 18, space 19, "*" at cols 20-22.
      name: 'public read of a bucket, multi-line; the first Action and Resource items are named',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": "*",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::b"]
    }
  ]
}`,
      errors: [{ messageId: 'publicAccess', data: { action: '"s3:GetObject"', resource: '"arn:aws:s3:::b/*"' }, line: 6, column: 20, endLine: 6, endColumn: 23 }],
    },
    {
      // `{ "Statement": [{ ` is cols 1-18; "Effect" 19-26, ":" 27, "Allow" 29-35, "," 36, "Principal" 38-48,
      // ":" 49, "{" 51, "AWS" 53-57, ":" 58, then "*" at cols 60-62.
      name: '{"AWS": "*"} with s3:*; aws:SecureTransport does not restrict the caller',
      code: `{ "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "*" }, "Action": "s3:*", "Resource": "arn:aws:s3:::b/*", "Condition": { "Bool": { "aws:SecureTransport": "true" } } }] }`,
      errors: [{ messageId: 'publicAccess', data: { action: '"s3:*"', resource: '"arn:aws:s3:::b/*"' }, line: 1, column: 60, endLine: 1, endColumn: 63 }],
    },
    {
      // line 9: 8 spaces, then "*" at cols 9-11.
      name: 'KMS key policy with "*" inside an AWS array',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "Everyone",
    "Effect": "Allow",
    "Principal": {
      "AWS": [
        "arn:aws:iam::111122223333:root",
        "*"
      ]
    },
    "Action": "kms:*",
    "Resource": "*"
  }]
}`,
      errors: [{ messageId: 'publicAccess', data: { action: '"kms:*"', resource: '"*"' }, line: 9, column: 9, endLine: 9, endColumn: 12 }],
    },
    {
      // `{ "Version": "2012-10-17", "Statement": [{ ` is cols 1-43 (statement() prefix: "{ " 1-2,
      // "Version" 3-11, ": " 12-13, "2012-10-17" 14-25, ", " 26-27, "Statement" 28-38, ": " 39-40, "[{ " 41-43);
      // "Effect" 44-51, ": " 52-53, "Allow" 54-60, ", " 61-62, "Principal" 63-73, ": " 74-75, "{ " 76-77,
      // "AWS" 78-82, ": " 83-84, "*" at cols 85-87.
      name: 'SQS queue with NotAction and conditions that do not exclude the public',
      code: statement(
        `"Effect": "Allow", "Principal": { "AWS": "*" }, "NotAction": "sqs:DeleteQueue", "Resource": "arn:aws:sqs:us-east-1:111122223333:q", "Condition": { "StringNotEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" }, "StringEqualsIfExists": { "aws:SourceVpce": "vpce-1a2b3c4d" }, "ForAllValues:StringEquals": { "aws:PrincipalOrgPaths": ["o-a1b2c3d4e5/r-ab12/"] }, "Null": { "aws:PrincipalAccount": "false" } }`,
      ),
      errors: [
        {
          messageId: 'publicAccess',
          data: { action: 'every action except "sqs:DeleteQueue"', resource: '"arn:aws:sqs:us-east-1:111122223333:q"' },
          line: 1,
          column: 85,
          endLine: 1,
          endColumn: 88,
        },
      ],
    },
    {
      // "Effect" 44-51, ": " 52-53, "Allow" 54-60, ", " 61-62, "Principal" 63-73, ": " 74-75, "*" at cols 76-78.
      name: 'values that match every caller: StringLike "*", ArnLike "*", IpAddress 0.0.0.0/0; NotResource',
      code: statement(
        `"Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "NotResource": "arn:aws:sns:us-east-1:111122223333:private", "Condition": { "StringLike": { "aws:PrincipalAccount": "*" }, "ArnLike": { "aws:PrincipalArn": ["arn:aws:iam::111122223333:role/*", "*"] }, "IpAddress": { "aws:SourceIp": "0.0.0.0/0" } }`,
      ),
      errors: [
        {
          messageId: 'publicAccess',
          data: { action: '"sns:Publish"', resource: 'every resource except "arn:aws:sns:us-east-1:111122223333:private"' },
          line: 1,
          column: 76,
          endLine: 1,
          endColumn: 79,
        },
      ],
    },
    {
      // "*" at cols 76-78 as above.
      name: 'ECR repository policy without a Resource element',
      code: statement(`"Effect": "Allow", "Principal": "*", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]`),
      errors: [{ messageId: 'publicAccess', data: { action: '"ecr:BatchGetImage"', resource: 'this resource' }, line: 1, column: 76, endLine: 1, endColumn: 79 }],
    },
  ],
});
