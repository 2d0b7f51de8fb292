import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/s3-scope.js';

// Columns in the one-line statements below, counted by hand: `  "Statement": [{ "Effect": "Allow", "Action": `
// puts the Action value at col 48; with an Action string of L characters (unquoted) the Resource value
// starts at col 64 + L and the NotResource value at col 67 + L. With "NotAction" instead of "Action" the
// value starts at col 51 and the Resource value at col 67 + L. End columns are exclusive: start + quoted length.
const DATA = 'ml-data-lake-*, ml-artifacts-*';

new RuleTester().run('ml/s3-scope', rule, {
  valid: [
    {
      name: 'the seed execution role uses only the data and artifact buckets',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
      "Resource": ["arn:aws:s3:::ml-data-lake-*", "arn:aws:s3:::ml-artifacts-*"]
    }
  ]
}`,
    },
    {
      name: 'wildcard-only S3 actions on "*" reach no bucket',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": ["s3:ListAllMyBuckets", "s3:GetAccountPublicAccessBlock"], "Resource": "*" }]
}`,
    },
    {
      name: 'Deny with NotResource confines Action "*" to the data buckets',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "*", "Resource": "*" },
    { "Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::ml-data-lake-*", "arn:aws:s3:::ml-artifacts-*"] }
  ]
}`,
    },
    {
      name: 'a Deny statement is not a grant',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Deny", "Action": "s3:*", "Resource": "*" }]
}`,
    },
    {
      name: 'NotAction that excludes all of S3',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "NotAction": ["s3:*", "iam:*"], "Resource": "*" }]
}`,
    },
    {
      name: 'mixed-case actions inside the data buckets',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": ["S3:getobject", "s3:PUTOBJECT"], "Resource": "arn:aws:s3:::ml-artifacts-*/*" }]
}`,
    },
    {
      name: 'a policy variable below the bucket stays inside it (the seed data scientist)',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data-lake-*/\${aws:username}/*" }]
}`,
    },
    {
      name: 'data buckets from settings, with a wildcard inside the name',
      settings: { ml: { dataBuckets: ['team-*-ml'] } },
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::team-*-ml" },
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::team-a-ml/*" }
  ]
}`,
    },
    {
      name: 'access points are not buckets or objects (left out)',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:us-east-1:123456789012:accesspoint/*" }]
}`,
    },
    {
      name: 'a conditional Allow inside the data buckets',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::ml-data-lake-*", "Condition": { "Bool": { "aws:SecureTransport": "true" } } }]
}`,
    },
    {
      name: 'a permissions boundary only caps access',
      policyType: 'boundary',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
}`,
    },
    {
      name: 'ARNs of another partition grant nothing in the configured one',
      settings: { partition: 'aws-cn' },
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::*" }]
}`,
    },
    {
      name: 'a sensitive bucket the policy does not reach',
      settings: { ml: { sensitiveBuckets: ['ml-data-lake-hr'] } },
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data-lake-hr-public/*" }]
}`,
    },
  ],
  invalid: [
    {
      // L = 12 ("s3:GetObject"): "*" at cols 76-78, end 79.
      name: 'every object of the account',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }]
}`,
      errors: [
        {
          messageId: 'outsideScope',
          level: 'error',
          data: { element: 'Resource', action: 's3:GetObject', witness: 'arn:aws:s3:::example/example', dataBuckets: DATA },
          line: 3,
          column: 76,
          endLine: 3,
          endColumn: 79,
        },
      ],
    },
    {
      // only the second item opens the gap (bucket "ml-data-lake" lacks the dash): line 9 from col 9;
      // the ARN is 26 characters, 28 quoted, so end 37.
      name: 'a prefix without the dash reaches the bucket ml-data-lake',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": [
        "arn:aws:s3:::ml-data-lake-*",
        "arn:aws:s3:::ml-data-lake*"
      ]
    }
  ]
}`,
      errors: [
        {
          messageId: 'outsideScope',
          data: { element: 'Resource', action: 's3:GetObject', witness: 'arn:aws:s3:::ml-data-lake/example', dataBuckets: DATA },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 37,
        },
      ],
    },
    {
      // a "*" inside the name may span "/": ml-/-data/ is the object "-data/" of bucket "ml-". L = 12, Resource value
      // at col 76; "arn:aws:s3:::ml-*-data/*" is 24 characters, 26 quoted: end 102.
      name: 'a wildcard inside the bucket name reaches other buckets',
      settings: { ml: { dataBuckets: ['ml-*-data'] } },
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-*-data/*" }]
}`,
      errors: [
        {
          messageId: 'outsideScope',
          data: { element: 'Resource', action: 's3:GetObject', witness: 'arn:aws:s3:::ml-/-data/', dataBuckets: 'ml-*-data' },
          line: 3,
          column: 76,
          endLine: 3,
          endColumn: 102,
        },
      ],
    },
    {
      // Allow + NotResource: L = 13 ("s3:ListBucket"), so the NotResource value starts at col 80;
      // "arn:aws:s3:::ml-data-lake-*" quoted is 29 characters: end 109.
      name: 'NotResource allows every other bucket',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:ListBucket", "NotResource": "arn:aws:s3:::ml-data-lake-*" }]
}`,
      errors: [
        {
          messageId: 'outsideScope',
          data: { element: 'NotResource', action: 's3:ListBucket', witness: 'arn:aws:s3:::example', dataBuckets: DATA },
          line: 3,
          column: 80,
          endLine: 3,
          endColumn: 109,
        },
      ],
    },
    {
      // NotAction "iam:*" (L = 5, quoted 7, cols 51-57) grants all of S3: the Resource value starts at
      // col 72; "arn:aws:s3:::*" quoted is 16 characters: end 88.
      name: 'NotAction grants every S3 action',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "NotAction": "iam:*", "Resource": "arn:aws:s3:::*" }]
}`,
      errors: [
        {
          messageId: 'outsideScope',
          data: { element: 'Resource', action: 's3:AbortMultipartUpload', witness: 'arn:aws:s3:::example/example', dataBuckets: DATA },
          line: 3,
          column: 72,
          endLine: 3,
          endColumn: 88,
        },
      ],
    },
    {
      // L = 12 ("S3:getOBJECT"): "*" at col 76, end 79.
      name: 'mixed-case action names match case-insensitively',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "S3:getOBJECT", "Resource": "*" }]
}`,
      errors: [
        {
          messageId: 'outsideScope',
          data: { element: 'Resource', action: 's3:GetObject', witness: 'arn:aws:s3:::example/example', dataBuckets: DATA },
          line: 3,
          column: 76,
          endLine: 3,
          endColumn: 79,
        },
      ],
    },
    {
      // the Deny leaves the bucket "ml-data-lake" (no dash) and its objects open: the gap is on the
      // Allow's "*" (line 4: `    { "Effect": "Allow", "Action": "s3:*", "Resource": ` puts it at col 56, end 59).
      name: 'Deny confinement with a gap of one bucket name',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:*", "Resource": "*" },
    { "Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::ml-data-lake*", "arn:aws:s3:::ml-artifacts-*"] }
  ]
}`,
      errors: [
        {
          messageId: 'outsideScope',
          data: { element: 'Resource', action: 's3:AbortMultipartUpload', witness: 'arn:aws:s3:::ml-data-lake/example', dataBuckets: DATA },
          line: 4,
          column: 56,
          endLine: 4,
          endColumn: 59,
        },
      ],
    },
    {
      // a condition on the Allow decides: "may", warning. L = 12: "*" at col 76, end 79.
      name: 'conditional Allow outside the data buckets',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceAccount": "111122223333" } } }]
}`,
      errors: [
        {
          messageId: 'mayBeOutsideScope',
          level: 'warning',
          data: { element: 'Resource', action: 's3:PutObject', witness: 'arn:aws:s3:::example/example', dataBuckets: DATA },
          line: 3,
          column: 76,
          endLine: 3,
          endColumn: 79,
        },
      ],
    },
    {
      // a conditional Deny may not apply: "may". Line 4 as above: col 56, end 59.
      name: 'conditional Deny confinement leaves a possible gap',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:*", "Resource": "*" },
    {
      "Effect": "Deny",
      "Action": "s3:*",
      "NotResource": ["arn:aws:s3:::ml-data-lake-*", "arn:aws:s3:::ml-artifacts-*"],
      "Condition": { "StringNotEquals": { "aws:PrincipalTag/team": "ml" } }
    }
  ]
}`,
      errors: [
        {
          messageId: 'mayBeOutsideScope',
          level: 'warning',
          data: { element: 'Resource', action: 's3:AbortMultipartUpload', witness: 'arn:aws:s3:::example/example', dataBuckets: DATA },
          line: 4,
          column: 56,
          endLine: 4,
          endColumn: 59,
        },
      ],
    },
    {
      // the bucket is the caller's name: "may". L = 12: value at col 76; it is 30 characters, 32 quoted: end 108.
      name: 'policy variable in the bucket name',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::\${aws:username}/*" }]
}`,
      errors: [
        {
          messageId: 'mayBeOutsideScope',
          level: 'warning',
          data: { element: 'Resource', action: 's3:GetObject', witness: 'arn:aws:s3:::example/example', dataBuckets: DATA },
          line: 3,
          column: 76,
          endLine: 3,
          endColumn: 108,
        },
      ],
    },
    {
      // inside dataBuckets, but ml-data-lake-hr is sensitive. L = 12: value at col 76; the ARN is 29
      // characters, 31 quoted: end 107.
      name: 'a sensitive bucket inside the data buckets',
      settings: { ml: { sensitiveBuckets: ['ml-data-lake-hr'] } },
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ml-data-lake-*/*" }]
}`,
      errors: [
        {
          messageId: 'sensitive',
          data: { element: 'Resource', action: 's3:GetObject', witness: 'arn:aws:s3:::ml-data-lake-hr/example', sensitiveBuckets: 'ml-data-lake-hr' },
          line: 3,
          column: 76,
          endLine: 3,
          endColumn: 107,
        },
      ],
    },
    {
      // "*" reaches both other buckets and the sensitive ones: two results on the same element, the
      // outside one first (L = 13, "s3:ListBucket": "*" at col 77, end 80).
      name: 'Resource "*" with sensitive buckets configured',
      settings: { ml: { sensitiveBuckets: ['hr-*', 'finance'] } },
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*" }]
}`,
      errors: [
        {
          messageId: 'outsideScope',
          data: { element: 'Resource', action: 's3:ListBucket', witness: 'arn:aws:s3:::example', dataBuckets: DATA },
          line: 3,
          column: 77,
          endLine: 3,
          endColumn: 80,
        },
        {
          messageId: 'sensitive',
          data: { element: 'Resource', action: 's3:ListBucket', witness: 'arn:aws:s3:::hr-example', sensitiveBuckets: 'hr-*, finance' },
          line: 3,
          column: 77,
          endLine: 3,
          endColumn: 80,
        },
      ],
    },
    {
      // the Deny of the sensitive bucket is conditional: "may". Line 4: col 56, end 59 (the first
      // result: the Allow "*" also reaches other buckets).
      name: 'conditional Deny of a sensitive bucket',
      settings: { ml: { sensitiveBuckets: ['ml-data-lake-hr'] } },
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::ml-data-lake-*" },
    { "Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::ml-data-lake-hr*", "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "false" } } }
  ]
}`,
      errors: [
        {
          // "arn:aws:s3:::ml-data-lake-*" quoted is 29 characters: cols 56-84, end 85.
          messageId: 'maySensitive',
          level: 'warning',
          data: { element: 'Resource', action: 's3:AbortMultipartUpload', witness: 'arn:aws:s3:::ml-data-lake-hr/example', sensitiveBuckets: 'ml-data-lake-hr' },
          line: 4,
          column: 56,
          endLine: 4,
          endColumn: 85,
        },
      ],
    },
    {
      // sixteen "?" after a colon-crossing "*" explode the search: reported as undecided ("may") for both
      // questions, not dropped. L = 12: value at col 76; 21 characters, 23 quoted: end 99.
      name: 'a pattern too complex to decide within the analysis limit',
      settings: { ml: { sensitiveBuckets: ['hr'] } },
      code: `{
  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*:*a????????????????0" }]
}`,
      errors: [
        {
          messageId: 'undecided',
          level: 'warning',
          data: { element: 'Resource', action: 's3:GetObject', dataBuckets: DATA },
          line: 2,
          column: 76,
          endLine: 2,
          endColumn: 99,
        },
        {
          messageId: 'sensitiveUndecided',
          level: 'warning',
          data: { element: 'Resource', action: 's3:GetObject', sensitiveBuckets: 'hr' },
          line: 2,
          column: 76,
          endLine: 2,
          endColumn: 99,
        },
      ],
    },
  ],
});
