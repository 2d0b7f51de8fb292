import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/ecr-scope.js';

// Columns in the one-line statements below, counted by hand: `  "Statement": [{ "Effect": "Allow", "Action": `
// puts the Action value at col 48; with an Action string of L characters (unquoted) the Resource value
// starts at col 64 + L and the NotResource value at col 67 + L. With "NotAction" instead of "Action" the
// value starts at col 51 and the Resource value at col 67 + L. End columns are exclusive: start + quoted length.
const EXAMPLE = 'arn:aws:ecr:us-east-1:123456789012:repository/example';

new RuleTester().run('ml/ecr-scope', rule, {
  valid: [
    {
      name: 'the seed training-instance role pulls from ml-* and logs in on "*"',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:BatchCheckLayerAvailability"],
      "Resource": "arn:aws:ecr:*:*:repository/ml-*"
    },
    { "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*" }
  ]
}`,
    },
    {
      name: 'Deny with NotResource confines pulls on "*" to ml-*',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], "Resource": "*" },
    { "Effect": "Deny", "Action": "ecr:*", "NotResource": "arn:aws:ecr:*:*:repository/ml-*" }
  ]
}`,
    },
    {
      name: 'a Deny of the push removes it from an Action list',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:PutImage"], "Resource": "arn:aws:ecr:*:*:repository/ml-*" },
    { "Effect": "Deny", "Action": "ecr:PutImage", "Resource": "*" }
  ]
}`,
    },
    {
      name: 'a Deny statement is not a grant',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Deny", "Action": "ecr:*", "Resource": "*" }]
}`,
    },
    {
      name: 'NotAction that excludes all of ECR',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "NotAction": ["ecr:*", "iam:*"], "Resource": "*" }]
}`,
    },
    {
      name: 'mixed-case pull actions inside the scope',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": ["ECR:batchgetimage", "ecr:GETDOWNLOADURLFORLAYER"], "Resource": "arn:aws:ecr:*:*:repository/ml-*" }]
}`,
    },
    {
      name: 'repositories from settings, with namespaces',
      settings: { ml: { ecrRepositories: ['team/*'] } },
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:eu-west-1:111122223333:repository/team/train/*" }]
}`,
    },
    {
      name: 'pushes inside the scope with allowWrite (an image-build role)',
      options: { allowWrite: true },
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": ["ecr:PutImage", "ecr:InitiateLayerUpload"], "Resource": "arn:aws:ecr:*:*:repository/ml-*" }]
}`,
    },
    {
      name: 'wildcard-only ECR actions on "*" reach no repository',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": ["ecr:GetAuthorizationToken", "ecr:DescribeRegistry"], "Resource": "*" }]
}`,
    },
    {
      name: 'a permissions boundary only caps access',
      policyType: 'boundary',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "ecr:*", "Resource": "*" }]
}`,
    },
  ],
  invalid: [
    {
      // L = 17 ("ecr:BatchGetImage"): "*" at cols 81-83, end 84.
      name: 'pulls from every repository',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*" }]
}`,
      errors: [
        {
          messageId: 'outsideScope',
          level: 'error',
          data: { element: 'Resource', action: 'ecr:BatchGetImage', witness: EXAMPLE, repositories: 'ml-*' },
          line: 3,
          column: 81,
          endLine: 3,
          endColumn: 84,
        },
      ],
    },
    {
      // the push is reported on its Action item: line 6, `      "Action": [` puts the first item at col 18;
      // "ecr:BatchGetImage" quoted is 19 characters, then ", ": "ecr:PutImage" at cols 39-52, end 53.
      name: 'a push inside the scope',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ecr:BatchGetImage", "ecr:PutImage"],
      "Resource": "arn:aws:ecr:*:*:repository/ml-*"
    }
  ]
}`,
      errors: [
        {
          messageId: 'write',
          data: { element: 'Action', action: 'ecr:PutImage', witness: 'arn:aws:ecr:us-east-1:123456789012:repository/ml-' },
          line: 6,
          column: 39,
          endLine: 6,
          endColumn: 53,
        },
      ],
    },
    {
      // L = 5 ("ecr:*"): the Action value at cols 48-54 (end 55), the Resource "*" at col 69, end 72.
      name: 'ecr:* on "*": a write on the Action, a pull outside on the Resource',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "ecr:*", "Resource": "*" }]
}`,
      errors: [
        {
          messageId: 'write',
          data: { element: 'Action', action: 'ecr:BatchDeleteImage', witness: EXAMPLE },
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 55,
        },
        {
          messageId: 'outsideScope',
          data: { element: 'Resource', action: 'ecr:BatchCheckLayerAvailability', witness: EXAMPLE, repositories: 'ml-*' },
          line: 3,
          column: 69,
          endLine: 3,
          endColumn: 72,
        },
      ],
    },
    {
      // L = 12 ("Ecr:putImage"): the Action value at cols 48-61, end 62.
      name: 'mixed-case push action',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "Ecr:putImage", "Resource": "arn:aws:ecr:*:*:repository/ml-*" }]
}`,
      errors: [
        {
          messageId: 'write',
          data: { element: 'Action', action: 'ecr:PutImage', witness: 'arn:aws:ecr:us-east-1:123456789012:repository/ml-' },
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 62,
        },
      ],
    },
    {
      // NotAction "s3:*" (L = 4, quoted cols 51-56, end 57) grants every ECR write inside ml-*.
      name: 'NotAction grants repository writes',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "NotAction": "s3:*", "Resource": "arn:aws:ecr:*:*:repository/ml-*" }]
}`,
      errors: [
        {
          messageId: 'write',
          data: { element: 'NotAction', action: 'ecr:BatchDeleteImage', witness: 'arn:aws:ecr:us-east-1:123456789012:repository/ml-' },
          line: 3,
          column: 51,
          endLine: 3,
          endColumn: 57,
        },
      ],
    },
    {
      // Allow + NotResource: L = 17, so the NotResource value starts at col 84; the ARN is 31
      // characters ("arn:aws:ecr:" 12, "*:*:" 4, "repository/" 11, "ml-*" 4), 33 quoted: end 117.
      name: 'NotResource allows every other repository',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "ecr:BatchGetImage", "NotResource": "arn:aws:ecr:*:*:repository/ml-*" }]
}`,
      errors: [
        {
          messageId: 'outsideScope',
          data: { element: 'NotResource', action: 'ecr:BatchGetImage', witness: EXAMPLE, repositories: 'ml-*' },
          line: 3,
          column: 84,
          endLine: 3,
          endColumn: 117,
        },
      ],
    },
    {
      // the Deny confines pulls to repository/ml* which still holds "mlx": line 4,
      // `    { "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": ` puts "*" at col 69, end 72.
      name: 'Deny confinement with a gap',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*" },
    { "Effect": "Deny", "Action": "ecr:*", "NotResource": "arn:aws:ecr:*:*:repository/ml*" }
  ]
}`,
      errors: [
        {
          messageId: 'outsideScope',
          data: { element: 'Resource', action: 'ecr:BatchGetImage', witness: 'arn:aws:ecr:us-east-1:123456789012:repository/ml', repositories: 'ml-*' },
          line: 4,
          column: 69,
          endLine: 4,
          endColumn: 72,
        },
      ],
    },
    {
      // a condition on the Allow decides both findings: "may", warning. L = 5: Action cols 48-54
      // (end 55), Resource "*" at col 69, end 72.
      name: 'conditional Allow',
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "ecr:*", "Resource": "*", "Condition": { "StringEquals": { "aws:RequestedRegion": "eu-west-1" } } }]
}`,
      errors: [
        {
          messageId: 'mayWrite',
          level: 'warning',
          data: { element: 'Action', action: 'ecr:BatchDeleteImage', witness: EXAMPLE },
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 55,
        },
        {
          messageId: 'mayBeOutsideScope',
          level: 'warning',
          data: { element: 'Resource', action: 'ecr:BatchCheckLayerAvailability', witness: EXAMPLE, repositories: 'ml-*' },
          line: 3,
          column: 69,
          endLine: 3,
          endColumn: 72,
        },
      ],
    },
    {
      // with allowWrite only the scope is checked; the repository is the caller's name: "may".
      // L = 12 ("ecr:PutImage"): value at col 76; 27 + 15 = 42 characters, 44 quoted: end 120.
      name: 'policy variable in the repository name',
      options: { allowWrite: true },
      code: `{
  "Version": "2012-10-17",
  "Statement": [{ "Effect": "Allow", "Action": "ecr:PutImage", "Resource": "arn:aws:ecr:*:*:repository/\${aws:username}" }]
}`,
      errors: [
        {
          messageId: 'mayBeOutsideScope',
          level: 'warning',
          data: { element: 'Resource', action: 'ecr:PutImage', witness: EXAMPLE, repositories: 'ml-*' },
          line: 3,
          column: 76,
          endLine: 3,
          endColumn: 120,
        },
      ],
    },
    {
      // sixteen "?" after a colon-crossing "*" explode the search: both questions come back undecided
      // ("may"), not dropped. The Action value at col 48 is 12 characters, 14 quoted: end 62; the
      // Resource value at col 76 is 21 characters, 23 quoted: end 99.
      name: 'a pattern too complex to decide within the analysis limit',
      code: `{
  "Statement": [{ "Effect": "Allow", "Action": "ecr:PutImage", "Resource": "*:*a????????????????0" }]
}`,
      errors: [
        {
          messageId: 'writeUndecided',
          level: 'warning',
          data: { element: 'Action', action: 'ecr:PutImage' },
          line: 2,
          column: 48,
          endLine: 2,
          endColumn: 62,
        },
        {
          messageId: 'undecided',
          level: 'warning',
          data: { element: 'Resource', action: 'ecr:PutImage', repositories: 'ml-*' },
          line: 2,
          column: 76,
          endLine: 2,
          endColumn: 99,
        },
      ],
    },
  ],
});
