import assert from 'node:assert/strict';
import { lookupConditionKey } from '@iamscope/core';

// Expected types from the Service Authorization Reference / "AWS global condition context keys".
describe('lookupConditionKey', () => {
  const known = (key: string) => {
    const found = lookupConditionKey(key);
    assert.equal(found.kind, 'known', key);
    return (found as Extract<typeof found, { kind: 'known' }>).info;
  };

  it('finds global keys case-insensitively, with their type', () => {
    assert.deepEqual(known('AWS:sourceip'), { key: 'aws:SourceIp', type: 'IPAddress', multivalued: false, global: true });
    assert.equal(known('aws:CurrentTime').type, 'Date');
    assert.equal(known('aws:SecureTransport').type, 'Bool');
    assert.equal(known('aws:MultiFactorAuthAge').type, 'Numeric');
    assert.equal(known('aws:PrincipalArn').type, 'ARN');
  });

  it('marks ArrayOf keys multivalued', () => {
    assert.equal(known('aws:TagKeys').multivalued, true);
    assert.equal(known('aws:PrincipalOrgPaths').multivalued, true);
    assert.equal(known('sagemaker:InstanceTypes').multivalued, true);
    assert.equal(known('sagemaker:VolumeKmsKey').multivalued, false);
  });

  it('matches templated keys with any non-empty tag key', () => {
    assert.equal(known('aws:ResourceTag/Team').key, 'aws:ResourceTag/tag-key');
    assert.equal(known('ec2:ResourceTag/Team').key, 'ec2:ResourceTag/${TagKey}');
    assert.deepEqual(lookupConditionKey('aws:ResourceTag/'), { kind: 'missingTagKey', family: 'aws:ResourceTag/' });
  });

  it('finds service keys, including keys filed under another service (sts: saml:, accounts.google.com:)', () => {
    assert.equal(known('s3:prefix').global, false);
    assert.equal(known('iam:PassedToService').type, 'String');
    assert.equal(known('saml:aud').type, 'String');
    assert.equal(known('accounts.google.com:aud').type, 'String');
  });

  it('knows the keys AWS managed policies use that the reference does not list (data gaps)', () => {
    assert.equal(known('deepracer:MultiUser').type, 'Bool');
    assert.equal(known('lakeformation:GlueARN').type, 'ARN');
  });

  it('tells unknown keys of known services from unknown services, with suggestions', () => {
    assert.deepEqual(lookupConditionKey('s3:prefx'), { kind: 'unknownKey', service: 's3', suggestion: 's3:prefix' });
    assert.deepEqual(lookupConditionKey('sagemakr:InstanceTypes'), { kind: 'unknownService', service: 'sagemakr', suggestion: 'sagemaker' });
  });

  it('cannot decide identity-provider keys it has no data for, and rejects keys without a prefix', () => {
    assert.deepEqual(lookupConditionKey('oidc.eks.us-east-1.amazonaws.com/id/ABCDEF:sub'), { kind: 'unlisted' });
    assert.deepEqual(lookupConditionKey('SourceIp'), { kind: 'malformed' });
    assert.deepEqual(lookupConditionKey('aws:'), { kind: 'malformed' });
    assert.deepEqual(lookupConditionKey(':x'), { kind: 'malformed' });
  });
});
