// Differential test (issue #4): our `access` verdict against @cloud-copilot/iam-simulate, an
// independent IAM policy simulator, on random unconditional policies (identity, boundary, SCPs)
// and concrete requests. The simulator is AGPL: a devDependency used only here, never shipped.
import assert from 'node:assert/strict';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import fc from 'fast-check';
import { access, effectivePermissions, policyFromText, type AccessVerdict } from '@iamscope/core';

const ACCOUNT = '123456789012';
/** Requests: an action and resources of the types it takes (`*` for actions without one). */
const REQUESTS: [string, string[]][] = [
  ['s3:GetObject', ['arn:aws:s3:::ml-data/x.csv', 'arn:aws:s3:::finance/q1.csv']],
  ['s3:ListBucket', ['arn:aws:s3:::ml-data', 'arn:aws:s3:::finance']],
  ['s3:ListAllMyBuckets', ['*']],
  ['iam:PassRole', [`arn:aws:iam::${ACCOUNT}:role/ml-exec`, `arn:aws:iam::${ACCOUNT}:role/admin`]],
  ['iam:CreateRole', [`arn:aws:iam::${ACCOUNT}:role/new`]],
  ['sagemaker:CreateTrainingJob', [`arn:aws:sagemaker:us-east-1:${ACCOUNT}:training-job/ds-1`]],
  ['logs:PutLogEvents', [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/aws/sagemaker/x:log-stream:s`]],
];
const ACTION_PATTERNS = ['*', 's3:*', 's3:Get*', 'S3:getobject', 's3:List*', 'iam:*', 'iam:PassRole', 'iam:Create*', 'sagemaker:*', 'sagemaker:Create*Job', 'logs:Put*', 'ec2:*', 'iam:*Role'];
// (No wildcard in the service prefix, e.g. `*:List*`: IAM accepts it, the simulator rejects the policy.)
const RESOURCE_PATTERNS = [
  '*',
  'arn:aws:s3:::ml-*',
  'arn:aws:s3:::ml-*/*',
  'arn:aws:s3:::*/*',
  'arn:aws:s3:::finance*',
  `arn:aws:iam::${ACCOUNT}:role/*`,
  `arn:aws:iam::${ACCOUNT}:role/ml-*`,
  'arn:aws:iam::*:role/admin',
  `arn:aws:*:*:${ACCOUNT}:*`,
  'arn:aws:sagemaker:*:*:training-job/ds-*',
  'arn:aws:logs:*:*:log-group:/aws/sagemaker/*',
  'arn:aws:s3:::?l-data',
];

const statementArb = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  negateAction: fc.boolean(),
  actions: fc.uniqueArray(fc.constantFrom(...ACTION_PATTERNS), { minLength: 1, maxLength: 3 }),
  negateResource: fc.boolean(),
  resources: fc.uniqueArray(fc.constantFrom(...RESOURCE_PATTERNS), { minLength: 1, maxLength: 3 }),
});
type StatementSpec = typeof statementArb extends fc.Arbitrary<infer T> ? T : never;

function document(statements: StatementSpec[]) {
  return {
    Version: '2012-10-17',
    Statement: statements.map((s) => ({
      Effect: s.Effect,
      [s.negateAction ? 'NotAction' : 'Action']: s.actions,
      [s.negateResource && s.resources.length > 0 ? 'NotResource' : 'Resource']: s.resources,
    })),
  };
}

const policyArb = fc.array(statementArb, { minLength: 1, maxLength: 3 }).map(document);
const caseArb = fc.record({
  identity: fc.array(policyArb, { minLength: 1, maxLength: 2 }),
  boundary: fc.option(policyArb, { nil: undefined }),
  scps: fc.array(policyArb, { maxLength: 2 }),
  request: fc.constantFrom(...REQUESTS.flatMap(([action, resources]) => resources.map((resource) => ({ action, resource })))),
});

const SIMULATOR: Record<string, AccessVerdict> = { Allowed: 'allowed', ImplicitlyDenied: 'not-allowed', ExplicitlyDenied: 'denied' };

describe('access agrees with an independent IAM simulator (@cloud-copilot/iam-simulate, dev-only)', () => {
  it('on random unconditional identity policies, boundaries and SCPs', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ identity, boundary, scps, request }) => {
        const named = (docs: object[], prefix: string) => docs.map((policy, i) => ({ name: `${prefix}${i}`, policy }));
        const simulated = await runSimulation(
          {
            request: { principal: `arn:aws:iam::${ACCOUNT}:role/test`, action: request.action, resource: { resource: request.resource, accountId: ACCOUNT }, contextVariables: {} },
            identityPolicies: named(identity, 'identity'),
            serviceControlPolicies: scps.map((policy, i) => ({ orgIdentifier: `ou-${i}`, policies: [{ name: `scp${i}`, policy }] })),
            resourceControlPolicies: [],
            permissionBoundaryPolicies: boundary ? named([boundary], 'boundary') : undefined,
          },
          {},
        );
        assert.equal(simulated.resultType, 'single', JSON.stringify(simulated).slice(0, 500));
        const expected = SIMULATOR[(simulated as { overallResult: string }).overallResult];
        const parse = (doc: object) => policyFromText(JSON.stringify(doc));
        const perms = effectivePermissions({
          identity: identity.map(parse),
          ...(boundary ? { boundary: parse(boundary) } : {}),
          scps: scps.map(parse),
        });
        assert.equal(access(perms, request.action, request.resource).verdict, expected);
      }),
      { numRuns: 400 },
    );
  });
});
