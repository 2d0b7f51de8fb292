import type { PolicyNode, Principal } from '@iamscope/core';
import { defineRule } from '../define.js';

/** AWS managed policies named here are broad whatever their name says. */
const ADMIN_LIKE = ['AdministratorAccess', 'PowerUserAccess'];

/** Whether an AWS managed policy name is one of the broad ones: administrator-like or `…FullAccess`. */
function isBroad(name: string, extra: readonly string[]): boolean {
  return ADMIN_LIKE.some((n) => name === n || name.startsWith(`${n}-`)) || /FullAccess$/.test(name) || extra.includes(name);
}

/** An action and resource the policy allows, preferring a statement on `*` (what makes it broad). */
function example(policy: PolicyNode): { action: string; resource: string } {
  const allows = policy.statements.filter((s) => s.effect?.value === 'Allow' && s.action && s.resource);
  const onAll = allows.find((s) => s.resource!.items.some((i) => i.value === '*')) ?? allows[0];
  const action = onAll?.action?.items.find((i) => i.value !== null)?.value ?? '*';
  const resource = onAll?.resource?.items.find((i) => i.value === '*')?.value ?? onAll?.resource?.items[0]?.value ?? '*';
  return { action, resource };
}

interface Options extends Record<string, unknown> {
  /** AWS managed policy names that are accepted although they are broad. */
  allow: string[];
  /** Further AWS managed policy names to flag. */
  policies: string[];
}

/**
 * `ml/no-broad-managed-policy`: AWS managed policies such as AmazonSageMakerFullAccess,
 * AdministratorAccess or AmazonS3FullAccess attached to a role, user or group of the scan
 * (CloudFormation ManagedPolicyArns, Terraform attachments, authorization-details dumps). Reported
 * on the attachment, with an action and resource the policy's current version allows (from
 * iamscope's snapshot of AWS managed policies).
 */
export default defineRule<Options>({
  name: 'no-broad-managed-policy',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow broad AWS managed policies (…FullAccess, AdministratorAccess, PowerUserAccess) on ML roles, users and groups.',
      details:
        'AWS managed policies are written for every customer, so the broad ones grant far more than an ML workload needs: AmazonSageMakerFullAccess allows every SageMaker action on every resource, AmazonS3FullAccess reaches every bucket of the account, IAMFullAccess and AdministratorAccess let the role make itself administrator. The rule flags an attached AWS managed policy named AdministratorAccess, PowerUserAccess (or a variant such as AdministratorAccess-Amplify), ending in FullAccess, or listed in the "policies" option: CloudFormation ManagedPolicyArns, Terraform managed_policy_arns and policy attachments, AttachedManagedPolicies of an authorization dump. The message names an action and resource the policy allows, from iamscope\'s dated snapshot of AWS managed policies. Attach a policy scoped to the workload\'s buckets, images and log groups instead, or list the policy in "allow" when the grant is deliberate.',
      references: [
        'https://docs.aws.amazon.com/sagemaker/latest/dg/security-iam-awsmanpol.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-use-aws-defined-policies',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['security', 'least-privilege', 'managed-policy', 'external/cwe/cwe-250'],
    securitySeverity: 7.5,
    precision: 'very-high',
    schema: {
      type: 'object',
      properties: {
        allow: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'AWS managed policy names accepted although broad.' },
        policies: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Further AWS managed policy names to flag.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { allow: [], policies: [] },
    messages: {
      broadManagedPolicy:
        'The AWS managed policy {{policy}} is attached to {{kind}} "{{principal}}": it allows "{{action}}" on "{{resource}}", far beyond what an ML workload needs; attach a policy scoped to its data, images and logs instead.',
    },
  },
  create: () => ({}),
  checkPrincipal(principal: Principal, context, options) {
    for (const attachment of principal.external) {
      const name = attachment.ref.startsWith('arn:') ? attachment.ref.slice(attachment.ref.lastIndexOf('/') + 1) : undefined;
      if (!attachment.policy || name === undefined || options.allow.includes(name) || !isBroad(name, options.policies)) continue;
      context.report({
        file: attachment.file,
        loc: attachment.loc,
        messageId: 'broadManagedPolicy',
        data: { policy: name, kind: principal.kind, principal: principal.name, ...example(attachment.policy) },
      });
    }
  },
});
