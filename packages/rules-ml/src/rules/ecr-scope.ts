import { literalTokens, partitionOf, type Token } from '@iamscope/core';
import { reportGrants } from '../action-gaps.js';
import { defineRule } from '../define.js';
import { arnPrefix, globTokens, reportGaps, scopeActions, scopeOf, SEGMENT, type ScopeActionSpec } from '../scope.js';
import { mlSettings } from '../settings.js';

/** ECR actions that take a repository (from the IAM data); wildcard-only ones such as GetAuthorizationToken are not among them. */
const REPOSITORY_ACTIONS: ScopeActionSpec = { id: 'ecr', service: 'ecr', resourceTypes: ['repository'] };

/**
 * ECR actions that change a repository: access level "Write" in the IAM data (alone or with
 * "Permissions management" or "Tagging"), e.g. PutImage, the layer uploads, BatchDeleteImage,
 * DeleteRepository, SetRepositoryPolicy.
 */
const WRITE_ACTIONS: ScopeActionSpec = {
  id: 'ecr-write',
  service: 'ecr',
  resourceTypes: ['repository'],
  filter: (info) => info.accessLevel.split(', ').includes('Write'),
};

/** ARNs of the repositories whose names match `glob` (any region and account). */
function allowedRepositories(glob: string): Token[][] {
  return [[...arnPrefix('ecr'), ...literalTokens('repository/'), ...globTokens(glob, SEGMENT, { kind: 'oneInSegment' })]];
}

/** Options of `ml/ecr-scope`. */
export interface EcrScopeOptions extends Record<string, unknown> {
  /** Allow repository writes (image builds); only repositories outside the scope are reported then. */
  allowWrite: boolean;
}

/**
 * `ml/ecr-scope`: ECR repository actions allowed on repositories outside
 * `settings.ml.ecrRepositories` (on the Resource item / NotResource element), and repository
 * writes such as image pushes in an ML role (on the Action item / NotAction element), each with a
 * witness action and repository ARN.
 */
export default defineRule<EcrScopeOptions>({
  name: 'ecr-scope',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow ECR access to repositories outside settings.ml.ecrRepositories and image pushes in ML roles.',
      details:
        'ML roles pull their images from their own repositories (by default ml-*) and push none. A Resource such as "*" on ecr:BatchGetImage lets a job pull any image of the account; a write action such as ecr:PutImage or ecr:InitiateLayerUpload lets a compromised training job replace the images that endpoints and other jobs run. The rule checks identity policies. It evaluates the policy exactly: action wildcards and NotAction are expanded against the IAM action catalog, Resource and NotResource patterns are matched as IAM does, and the policy\'s own Deny statements are subtracted. ecr:GetAuthorizationToken takes only "*" and is expected. When a condition or a policy variable decides the outcome, the result says "may" and its level is lowered one step.',
      references: [
        'https://docs.aws.amazon.com/AmazonECR/latest/userguide/security-iam.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html',
        'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['identity'],
    tags: ['security', 'least-privilege', 'ecr', 'supply-chain', 'external/cwe/cwe-732'],
    securitySeverity: 7.5,
    precision: 'high',
    schema: {
      type: 'object',
      properties: {
        allowWrite: { type: 'boolean', description: 'Allow repository writes (image build roles); default false.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowWrite: false },
    messages: {
      outsideScope:
        '{{element}} allows "{{action}}" on ECR repositories outside settings.ml.ecrRepositories ({{repositories}}), e.g. "{{witness}}".',
      mayBeOutsideScope:
        '{{element}} may allow "{{action}}" on ECR repositories outside settings.ml.ecrRepositories ({{repositories}}), e.g. "{{witness}}", depending on a condition or policy variable.',
      undecided:
        '{{element}} may allow "{{action}}" on ECR repositories outside settings.ml.ecrRepositories ({{repositories}}); the pattern is too complex to decide within the analysis limit.',
      write: '{{element}} allows "{{action}}", which changes repository "{{witness}}"; ML roles only pull images.',
      mayWrite:
        '{{element}} may allow "{{action}}", which changes repository "{{witness}}", depending on a condition or policy variable; ML roles only pull images.',
      writeUndecided:
        '{{element}} may allow "{{action}}", which changes ECR repositories; the pattern is too complex to decide within the analysis limit.',
    },
  },
  create(context, options) {
    return {
      Policy(policy) {
        const { ecrRepositories } = mlSettings(context.settings);
        const partition = partitionOf(context.settings);
        const allowed = scopeOf('ecr', ecrRepositories, allowedRepositories);
        const ids = { certain: 'outsideScope', may: 'mayBeOutsideScope', undecided: 'undecided' };
        reportGaps(context, policy, scopeActions(REPOSITORY_ACTIONS, partition), allowed, ids, { repositories: ecrRepositories.join(', ') || 'none' });
        if (options.allowWrite) return;
        reportGrants(context, policy, scopeActions(WRITE_ACTIONS, partition), { certain: 'write', may: 'mayWrite', undecided: 'writeUndecided' });
      },
    };
  },
});
