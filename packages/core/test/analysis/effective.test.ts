import assert from 'node:assert/strict';
import { access, effectivePermissions, outside, policyFromText, type PolicySet } from '@iamscope/core';

const identity = (statements: object[]) => policyFromText(JSON.stringify({ Version: '2012-10-17', Statement: statements }));
const perms = (set: PolicySet) => effectivePermissions(set);

describe('effective permissions: access and outside (issue #4 scenarios, worked out from IAM evaluation logic)', () => {
  it('Allow s3:GetObject on * with Deny s3:* NotResource [ml buckets]: nothing outside the ml buckets', () => {
    const policy = identity([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::ml-*', 'arn:aws:s3:::ml-*/*'] },
    ]);
    const p = perms({ identity: [policy] });
    assert.equal(access(p, 's3:GetObject', 'arn:aws:s3:::ml-data/x.csv').verdict, 'allowed');
    const denied = access(p, 's3:GetObject', 'arn:aws:s3:::finance/q1.csv');
    assert.equal(denied.verdict, 'denied');
    // the Deny statement's NotResource element decides: line 1 of the one-line JSON
    assert.equal(denied.statements[0]!.term.statement.index, 1);
    assert.deepEqual(outside(p, ['s3:GetObject'], ['arn:aws:s3:::ml-*/*']), []);
  });

  it('Allow with NotResource [one bucket]: everything else is allowed, with a witness', () => {
    const policy = identity([{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }]);
    const p = perms({ identity: [policy] });
    assert.equal(access(p, 's3:GetObject', 'arn:aws:s3:::other/x').verdict, 'allowed');
    assert.equal(access(p, 's3:GetObject', 'arn:aws:s3:::secret/x').verdict, 'not-allowed');
    const found = outside(p, ['s3:GetObject'], ['arn:aws:s3:::ml-*/*']);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.element, 'NotResource');
    assert.equal(found[0]!.action, 's3:GetObject');
    assert.equal(found[0]!.uncertain, false);
    // the witness is an S3 ARN GetObject takes (an object, or an object through an access point)
    // outside both the scope and the excluded bucket
    assert.match(found[0]!.witness!, /^arn:aws:s3:/);
    assert.ok(!found[0]!.witness!.startsWith('arn:aws:s3:::secret/') && !found[0]!.witness!.startsWith('arn:aws:s3:::ml-'));
  });

  it('Allow NotAction iam:* on *: s3:GetObject allowed, iam:CreateRole not', () => {
    const p = perms({ identity: [identity([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }])] });
    assert.equal(access(p, 's3:GetObject', 'arn:aws:s3:::any/x').verdict, 'allowed');
    assert.equal(access(p, 'iam:CreateRole', 'arn:aws:iam::123456789012:role/x').verdict, 'not-allowed');
    assert.equal(access(p, 'IAM:createrole', 'arn:aws:iam::123456789012:role/x').verdict, 'not-allowed');
  });

  it('a boundary allowing only sagemaker:* and s3: the principal cannot iam:PutRolePolicy', () => {
    const admin = identity([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
    const boundary = identity([{ Effect: 'Allow', Action: ['sagemaker:*', 's3:*'], Resource: '*' }]);
    const p = perms({ identity: [admin], boundary });
    assert.equal(access(p, 'iam:PutRolePolicy', 'arn:aws:iam::123456789012:role/x').verdict, 'not-allowed');
    assert.equal(access(p, 'sagemaker:CreateTrainingJob', 'arn:aws:sagemaker:us-east-1:123456789012:training-job/j').verdict, 'allowed');
    assert.deepEqual(outside(p, ['iam:*'], []), []);
    assert.equal(outside(p, ['s3:GetObject'], ['arn:aws:s3:::ml-*/*']).length, 1);
  });

  it('SCPs: every SCP must allow; a Deny in an SCP wins', () => {
    const admin = identity([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
    const full = identity([{ Effect: 'Allow', Action: '*', Resource: '*' }]);
    const onlyS3 = identity([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]);
    const noDelete = identity([{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }]);
    const p = perms({ identity: [admin], scps: [full, onlyS3, noDelete] });
    assert.equal(access(p, 's3:GetObject', 'arn:aws:s3:::b/k').verdict, 'allowed');
    assert.equal(access(p, 'ec2:RunInstances', 'arn:aws:ec2:us-east-1:123456789012:instance/i-1').verdict, 'not-allowed');
    assert.equal(access(p, 's3:DeleteBucket', 'arn:aws:s3:::b').verdict, 'denied');
  });

  it('conditions: a conditional Allow may allow; a conditional Deny may deny and never subtracts', () => {
    const allowIf = identity([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }]);
    assert.equal(access(perms({ identity: [allowIf] }), 's3:GetObject', 'arn:aws:s3:::b/k').verdict, 'conditional');
    const denyIf = identity([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ]);
    const p = perms({ identity: [denyIf] });
    assert.equal(access(p, 's3:GetObject', 'arn:aws:s3:::b/k').verdict, 'conditional');
    const found = outside(p, ['s3:GetObject'], ['arn:aws:s3:::ml-*/*']);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.uncertain, true);
  });

  it('a boundary whose Allow is conditional makes the gap uncertain, not absent', () => {
    const admin = identity([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
    const boundary = identity([{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }]);
    const found = outside(perms({ identity: [admin], boundary }), ['s3:GetObject'], ['arn:aws:s3:::ml-*/*']);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.uncertain, true);
  });

  it('a boundary with NotResource confines the grant to everything outside it', () => {
    const admin = identity([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::finance/*' }]);
    const boundary = identity([{ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::finance/*' }]);
    const p = perms({ identity: [admin], boundary });
    assert.equal(access(p, 's3:GetObject', 'arn:aws:s3:::finance/x').verdict, 'not-allowed');
    assert.deepEqual(outside(p, ['s3:GetObject'], []), []);
  });

  it('policy variables: a match through ${aws:username} is only possible', () => {
    const p = perms({ identity: [identity([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }])] });
    assert.equal(access(p, 's3:GetObject', 'arn:aws:s3:::home/alice/x').verdict, 'conditional');
    assert.equal(access(p, 's3:GetObject', 'arn:aws:s3:::work/alice/x').verdict, 'not-allowed');
  });

  it('actions that take no resource type are reached only through Resource "*"', () => {
    const p = perms({ identity: [identity([{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::*' }])] });
    assert.equal(access(p, 's3:ListAllMyBuckets', '*').verdict, 'not-allowed');
    assert.deepEqual(outside(p, ['s3:ListAllMyBuckets'], []), []);
    const star = perms({ identity: [identity([{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }])] });
    assert.deepEqual(outside(star, ['s3:ListAllMyBuckets'], []).map((f) => f.witness), ['*']);
  });
});
