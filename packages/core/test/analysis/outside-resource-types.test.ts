import assert from 'node:assert/strict';
import { effectivePermissions, outside, policyFromText } from '@iamscope/core';

const perms = (statements: object[]) => effectivePermissions({ identity: [policyFromText(JSON.stringify({ Version: '2012-10-17', Statement: statements }))] });

describe('outside: the resourceTypes option', () => {
  it('searches only the named resource types of each action', () => {
    const subnets = perms([{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: 'arn:aws:ec2:*:*:subnet/*' }]);
    // without the option the subnet ARN is reached; restricted to instances, nothing is
    assert.equal(outside(subnets, ['ec2:RunInstances'], []).length, 1);
    assert.deepEqual(outside(subnets, ['ec2:RunInstances'], [], { resourceTypes: ['instance'] }), []);
  });

  it('gives a witness of the named type, matched case-insensitively', () => {
    const all = perms([{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' }]);
    const found = outside(all, ['ec2:RunInstances'], [], { resourceTypes: ['Instance'] });
    assert.equal(found.length, 1);
    assert.equal(found[0]!.witness, 'arn:aws:ec2:us-east-1:123456789012:instance/example');
  });

  it('leaves out actions that have none of the named types', () => {
    const all = perms([{ Effect: 'Allow', Action: ['ec2:DescribeInstances', 's3:GetObject'], Resource: '*' }]);
    assert.deepEqual(outside(all, ['ec2:DescribeInstances', 's3:GetObject'], [], { resourceTypes: ['instance'] }), []);
  });
});
