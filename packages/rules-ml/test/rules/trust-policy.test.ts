import { RuleTester } from '@iamscope/core/testing';
import rule from '../../src/rules/trust-policy.js';

/** A trust policy with the given statements, one per line from line 4. */
const trust = (...statements: string[]) => `{
  "Version": "2012-10-17",
  "Statement": [
${statements.map((s) => `    ${s}`).join(',\n')}
  ]
}`;

const OWN = { accounts: ['111122223333'] };

new RuleTester().run('ml/trust-policy', rule, {
  valid: [
    {
      name: 'SageMaker trust tied to the account with aws:SourceAccount',
      policyType: 'trust',
      code: trust(
        '{ "Effect": "Allow", "Principal": { "Service": "sagemaker.amazonaws.com" }, "Action": "sts:AssumeRole", "Condition": { "StringEquals": { "aws:SourceAccount": "111122223333" } } }',
      ),
    },
    {
      name: 'SageMaker trust tied to a resource with aws:SourceArn',
      policyType: 'trust',
      code: trust(
        '{ "Effect": "Allow", "Principal": { "Service": "sagemaker.amazonaws.com" }, "Action": "sts:AssumeRole", "Condition": { "ArnLike": { "aws:SourceArn": "arn:aws:sagemaker:eu-west-1:111122223333:*" } } }',
      ),
    },
    {
      name: 'a principal of an own account',
      policyType: 'trust',
      options: OWN,
      code: trust('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:role/DataScientist" }, "Action": "sts:AssumeRole" }'),
    },
    {
      name: 'a third party with an external ID (mixed-case action and key)',
      policyType: 'trust',
      options: OWN,
      code: trust(
        '{ "Effect": "Allow", "Principal": { "AWS": "444455556666" }, "Action": "STS:assumerole", "Condition": { "StringEquals": { "STS:EXTERNALID": "ml-vendor-7" } } }',
      ),
    },
    {
      name: 'Deny confinement: every principal outside the organization is denied',
      policyType: 'trust',
      options: OWN,
      code: trust(
        '{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::444455556666:root" }, "Action": "sts:AssumeRole" }',
        '{ "Effect": "Deny", "Principal": "*", "Action": "sts:*", "Condition": { "StringNotEquals": { "aws:PrincipalOrgID": "o-abc123" } } }',
      ),
    },
    {
      name: 'Deny confinement with NotPrincipal (trust policies have no Resource, so no NotResource)',
      policyType: 'trust',
      options: OWN,
      code: trust(
        '{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::444455556666:root" }, "Action": "sts:AssumeRole" }',
        '{ "Effect": "Deny", "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" }',
      ),
    },
    {
      name: 'the wildcard principal is left to trust-policy-wildcard-principal',
      policyType: 'trust',
      code: trust('{ "Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole" }'),
    },
    {
      name: 'NotAction that excludes sts:AssumeRole',
      policyType: 'trust',
      options: OWN,
      code: trust('{ "Effect": "Allow", "Principal": { "AWS": "444455556666" }, "NotAction": "sts:Assume*" }'),
    },
  ],
  invalid: [
    {
      // line 4: `    { "Effect": "Allow", "Principal": { "Service": ` is 51 characters, so the value starts at
      // col 52; "sagemaker.amazonaws.com" is 25 characters quoted: end 77. Always "may": warning at error.
      name: 'SageMaker trust without source keys',
      policyType: 'trust',
      code: trust('{ "Effect": "Allow", "Principal": { "Service": "sagemaker.amazonaws.com" }, "Action": "sts:AssumeRole" }'),
      errors: [{ messageId: 'serviceWithoutSource', level: 'warning', data: { principal: '"sagemaker.amazonaws.com"' }, line: 4, column: 52, endLine: 4, endColumn: 77 }],
    },
    {
      // StringLike "*" on aws:SourceAccount admits every account: same place as above.
      name: 'a source-account pattern that admits every account',
      policyType: 'trust',
      code: trust(
        '{ "Effect": "Allow", "Principal": { "Service": "sagemaker.amazonaws.com" }, "Action": "sts:AssumeRole", "Condition": { "StringLike": { "aws:SourceAccount": "*" } } }',
      ),
      errors: [{ messageId: 'serviceWithoutSource', level: 'warning', data: { principal: '"sagemaker.amazonaws.com"' }, line: 4, column: 52, endLine: 4, endColumn: 77 }],
    },
    {
      // line 4: `    { "Effect": "Allow", "Principal": { "AWS": ` is 47 characters, the value starts at col 48 and
      // "arn:aws:iam::444455556666:root" is 32 characters quoted: end 80.
      name: 'another account without external ID or organization',
      policyType: 'trust',
      options: OWN,
      code: trust('{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::444455556666:root" }, "Action": "sts:AssumeRole" }'),
      errors: [
        {
          messageId: 'crossAccount',
          data: { principal: '"arn:aws:iam::444455556666:root"', account: '444455556666' },
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 80,
        },
      ],
    },
    {
      // without the accounts option the account may be the role's own: "may". The array opens at col 48,
      // "111122223333" (14 quoted) is cols 49-62 and is reported too; ", " then the role ARN at col 65,
      // "arn:aws:iam::444455556666:role/x" is 34 characters quoted: end 99.
      name: 'account principals without the accounts option',
      policyType: 'trust',
      code: trust('{ "Effect": "Allow", "Principal": { "AWS": ["111122223333", "arn:aws:iam::444455556666:role/x"] }, "Action": "sts:AssumeRole" }'),
      errors: [
        {
          messageId: 'mayCrossAccount',
          level: 'warning',
          data: { principal: '"111122223333"', account: '111122223333', why: 'list your account IDs in the accounts option' },
          line: 4,
          column: 49,
          endLine: 4,
          endColumn: 63,
        },
        {
          messageId: 'mayCrossAccount',
          level: 'warning',
          data: { principal: '"arn:aws:iam::444455556666:role/x"', account: '444455556666', why: 'list your account IDs in the accounts option' },
          line: 4,
          column: 65,
          endLine: 4,
          endColumn: 99,
        },
      ],
    },
    {
      // IfExists lets a request without an external ID through. Value at cols 48-61 ("444455556666" quoted).
      name: 'StringEqualsIfExists on sts:ExternalId does not require it',
      policyType: 'trust',
      options: OWN,
      code: trust(
        '{ "Effect": "Allow", "Principal": { "AWS": "444455556666" }, "Action": "sts:AssumeRole", "Condition": { "StringEqualsIfExists": { "sts:ExternalId": "x" } } }',
      ),
      errors: [{ messageId: 'crossAccount', data: { principal: '"444455556666"', account: '444455556666' }, line: 4, column: 48, endLine: 4, endColumn: 62 }],
    },
    {
      // a NotAction that leaves sts:AssumeRole in; same place as above.
      name: 'NotAction that does not exclude sts:AssumeRole',
      policyType: 'trust',
      options: OWN,
      code: trust('{ "Effect": "Allow", "Principal": { "AWS": "444455556666" }, "NotAction": "sts:TagSession" }'),
      errors: [{ messageId: 'crossAccount', data: { principal: '"444455556666"', account: '444455556666' }, line: 4, column: 48, endLine: 4, endColumn: 62 }],
    },
    {
      // an MFA condition decides: "may". Same place as above.
      name: 'conditional statement: another account with only an MFA condition',
      policyType: 'trust',
      options: OWN,
      code: trust(
        '{ "Effect": "Allow", "Principal": { "AWS": "444455556666" }, "Action": "sts:AssumeRole", "Condition": { "Bool": { "aws:MultiFactorAuthPresent": "true" } } }',
      ),
      errors: [
        {
          messageId: 'mayCrossAccount',
          level: 'warning',
          data: { principal: '"444455556666"', account: '444455556666', why: 'a condition decides' },
          line: 4,
          column: 48,
          endLine: 4,
          endColumn: 62,
        },
      ],
    },
    {
      // the Deny names the organization but only for another principal: no confinement. Line 4 as above.
      name: 'a Deny for a different principal does not confine',
      policyType: 'trust',
      options: OWN,
      code: trust(
        '{ "Effect": "Allow", "Principal": { "AWS": "444455556666" }, "Action": "sts:AssumeRole" }',
        '{ "Effect": "Deny", "Principal": { "AWS": "777788889999" }, "Action": "sts:AssumeRole", "Condition": { "StringNotEquals": { "aws:PrincipalOrgID": "o-abc123" } } }',
      ),
      errors: [{ messageId: 'crossAccount', data: { principal: '"444455556666"', account: '444455556666' }, line: 4, column: 48, endLine: 4, endColumn: 62 }],
    },
  ],
});
