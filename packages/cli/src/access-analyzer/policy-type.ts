import type { PolicyType } from '@iamscope/core';

/** What ValidatePolicy is told about a document (API model `ValidatePolicyRequest`). */
export interface ValidateKind {
  policyType: 'IDENTITY_POLICY' | 'RESOURCE_POLICY' | 'SERVICE_CONTROL_POLICY';
  /** Only for role trust policies, so the trust-specific checks run. */
  validatePolicyResourceType?: 'AWS::IAM::AssumeRolePolicyDocument';
}

/**
 * The ValidatePolicy policy type of an iamscope policy type (spec: access-analyzer-checks.md §3):
 * identity policies and permissions boundaries (and documents of unknown type) are identity
 * policies, trust policies are resource policies of type `AWS::IAM::AssumeRolePolicyDocument`,
 * SCPs are service control policies.
 * @param type the document's policy type as the engine decided it
 * @returns the request fields
 */
export function validateKind(type: PolicyType): ValidateKind {
  switch (type) {
    case 'resource':
      return { policyType: 'RESOURCE_POLICY' };
    case 'trust':
      return { policyType: 'RESOURCE_POLICY', validatePolicyResourceType: 'AWS::IAM::AssumeRolePolicyDocument' };
    case 'scp':
      return { policyType: 'SERVICE_CONTROL_POLICY' };
    default:
      return { policyType: 'IDENTITY_POLICY' };
  }
}

/**
 * The policy type of the custom checks (CheckAccessNotGranted, CheckNoNewAccess; spec §4), which
 * take only identity and resource policies.
 * @param type the document's policy type
 * @returns the request's `policyType`, or undefined for SCPs (not checked)
 */
export function checkKind(type: PolicyType): 'IDENTITY_POLICY' | 'RESOURCE_POLICY' | undefined {
  const { policyType } = validateKind(type);
  return policyType === 'SERVICE_CONTROL_POLICY' ? undefined : policyType;
}
