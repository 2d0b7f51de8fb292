import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { awsManagedPolicy, managedPolicySnapshotDate } from '../../src/catalog/managed-policies.js';

// Expected values from the IAM console / `aws iam get-policy` for these long-lived policies.
describe('awsManagedPolicy', () => {
  it('finds AdministratorAccess by name and by ARN, with its document as 2-space JSON text', () => {
    const expected = {
      name: 'AdministratorAccess',
      arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      version: 'v1',
      text: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "*",\n      "Resource": "*"\n    }\n  ]\n}',
    };
    assert.deepEqual(awsManagedPolicy('AdministratorAccess'), expected);
    assert.deepEqual(awsManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess'), expected);
  });

  it('finds AmazonSageMakerFullAccess by name and by ARN of any partition', () => {
    const byName = awsManagedPolicy('AmazonSageMakerFullAccess');
    assert.equal(byName?.arn, 'arn:aws:iam::aws:policy/AmazonSageMakerFullAccess');
    assert.match(byName.version, /^v\d+$/);
    assert.ok(byName.text.includes('"sagemaker:*"'), 'the document grants sagemaker:*');
    assert.deepEqual(awsManagedPolicy('arn:aws:iam::aws:policy/AmazonSageMakerFullAccess'), byName);
    assert.deepEqual(awsManagedPolicy('arn:aws-cn:iam::aws:policy/AmazonSageMakerFullAccess'), byName);
    assert.deepEqual(awsManagedPolicy('arn:aws-us-gov:iam::aws:policy/AmazonSageMakerFullAccess'), byName);
  });

  it('keeps the path in the ARN and requires it in an ARN lookup', () => {
    assert.equal(awsManagedPolicy('AWSLambdaRole')?.arn, 'arn:aws:iam::aws:policy/service-role/AWSLambdaRole');
    assert.equal(awsManagedPolicy('arn:aws:iam::aws:policy/service-role/AWSLambdaRole')?.name, 'AWSLambdaRole');
    assert.equal(awsManagedPolicy('arn:aws:iam::aws:policy/AWSLambdaRole'), undefined);
  });

  it('gives undefined for unknown policies, customer managed ARNs and other case', () => {
    assert.equal(awsManagedPolicy('AdministratorAccesss'), undefined);
    assert.equal(awsManagedPolicy('administratoraccess'), undefined);
    assert.equal(awsManagedPolicy('arn:aws:iam::123456789012:policy/AdministratorAccess'), undefined);
    assert.equal(awsManagedPolicy(''), undefined);
  });

  it('gives the snapshot date as YYYY-MM-DD', () => {
    assert.match(managedPolicySnapshotDate(), /^20\d\d-[01]\d-[0-3]\d$/);
  });

  it('loads the data file from the built package too', async () => {
    const built = new URL('../../dist/catalog/managed-policies.js', import.meta.url);
    assert.ok(existsSync(built), 'packages/core is not built: run `npx tsc -b` first');
    const dist = (await import(built.href)) as typeof import('../../src/catalog/managed-policies.js');
    assert.equal(dist.awsManagedPolicy('AdministratorAccess')?.version, 'v1');
    assert.equal(dist.managedPolicySnapshotDate(), managedPolicySnapshotDate());
  });
});
