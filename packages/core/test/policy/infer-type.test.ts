import assert from 'node:assert/strict';
import { inferPolicyType, policyFromText } from '@iamscope/core';

/** The inferred type of a document given as text. */
function infer(text: string): string {
  return inferPolicyType(policyFromText(text));
}

// Shapes from the IAM User Guide (role trust policies, resource-based policies) and the VPC
// endpoint / RCP documentation: only statements that name a principal, an sts:AssumeRole* action
// with the sts prefix, and no resource are trust-policy evidence.
describe('inferPolicyType', () => {
  it('reads principal + sts:AssumeRole* without Resource as a trust policy', () => {
    assert.equal(infer('{"Statement":{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}}'), 'trust');
    assert.equal(infer('{"Statement":[{"Effect":"Allow","Principal":{"Federated":"accounts.google.com"},"Action":["STS:AssumeRoleWith*"]}]}'), 'trust');
    assert.equal(infer('{"Statement":[{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:*"}]}'), 'trust');
  });

  it('keeps a trust policy whose other statement wrongly names a resource', () => {
    const text = `{"Statement":[
      {"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},
      {"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:TagSession","Resource":"*"}]}`;
    assert.equal(infer(text), 'trust');
  });

  it('does not take "Action": "*" for a trust policy (bucket policies, VPC endpoint policies)', () => {
    assert.equal(infer('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}'), 'resource');
    assert.equal(infer('{"Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"arn:aws:s3:::b/*"}]}'), 'resource');
    assert.equal(infer('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]}'), 'resource');
    assert.equal(infer('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*:AssumeRole"}]}'), 'resource');
  });

  it('does not take an STS VPC endpoint policy or an RCP (they name a Resource) for a trust policy', () => {
    assert.equal(infer('{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/*"}]}'), 'resource');
    assert.equal(infer('{"Statement":[{"Effect":"Deny","Principal":"*","Action":"sts:*","NotResource":"arn:aws:iam::*:role/x"}]}'), 'resource');
  });

  it('reads documents without principals as identity policies', () => {
    assert.equal(infer('{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}'), 'identity');
  });
});
