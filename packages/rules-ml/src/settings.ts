import type { JsonSchema } from '@iamscope/core';

/** The four roles of the seed's table (see docs/rules/role-archetype.md). */
export type RoleArchetype = 'execution' | 'training-instance' | 'data-scientist' | 'pipeline';

/** `settings.ml` of the configuration, with defaults from the seed's least-privilege execution role. */
export interface MlSettings {
  /** S3 bucket-name globs ML roles may use (`*` and `?`), objects included. */
  dataBuckets: string[];
  /** ECR repository-name globs ML roles may pull from. */
  ecrRepositories: string[];
  /** CloudWatch Logs log-group name globs ML roles may write to. */
  logGroups: string[];
  /** Bucket-name globs no ML role may reach, even when they match `dataBuckets`. */
  sensitiveBuckets: string[];
  /** Instance types (`ml.m5.xlarge`, globs allowed) compute may use; empty: only require that a limit exists. */
  allowedInstanceTypes: string[];
  /** Region codes ML work may run in; empty: no region findings beyond guard checks. */
  allowedRegions: string[];
  /** Service principals a role may be passed to (`iam:PassedToService` values). */
  mlServices: string[];
  /** Role-name globs → archetype, for roles whose trust policy does not tell. */
  roleArchetypes: Record<string, RoleArchetype>;
  /** Action patterns that end an escalation path like administrator access does (`ml/privilege-escalation`). */
  escalationTargets: string[];
}

/** Defaults used when `settings.ml` (or one of its keys) is absent: the seed's names and roles. */
export const DEFAULT_ML_SETTINGS: MlSettings = {
  dataBuckets: ['ml-data-lake-*', 'ml-artifacts-*'],
  ecrRepositories: ['ml-*'],
  logGroups: ['/aws/sagemaker/*'],
  sensitiveBuckets: [],
  allowedInstanceTypes: [],
  allowedRegions: [],
  // SageMaker itself, and what the seed's pipeline role drives: Step Functions and Lambda
  mlServices: ['sagemaker.amazonaws.com', 'states.amazonaws.com', 'lambda.amazonaws.com'],
  roleArchetypes: {},
  escalationTargets: [],
};

const globs = (description: string): JsonSchema => ({ type: 'array', items: { type: 'string', minLength: 1 }, description });

/** JSON Schema of `settings.ml`, checked when the configuration is loaded. */
export const ML_SETTINGS_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    dataBuckets: globs('S3 bucket-name globs ML roles may use, objects included (default ["ml-data-lake-*", "ml-artifacts-*"]).'),
    ecrRepositories: globs('ECR repository-name globs ML roles may pull from (default ["ml-*"]).'),
    logGroups: globs('CloudWatch Logs log-group name globs that ML roles may use (default ["/aws/sagemaker/*"]).'),
    sensitiveBuckets: globs('Bucket-name globs no ML role may reach, even inside dataBuckets (default []).'),
    allowedInstanceTypes: globs('Instance types compute may use, globs allowed, e.g. "ml.g5.*" (default []: only require a limit).'),
    allowedRegions: {
      type: 'array',
      items: { type: 'string', pattern: '^[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}$' },
      description: 'Region codes ML work may run in, e.g. "eu-west-1" (default []: no region findings beyond guard checks).',
    },
    mlServices: globs('Service principals a role may be passed to (default sagemaker, states and lambda .amazonaws.com).'),
    roleArchetypes: {
      type: 'object',
      additionalProperties: { enum: ['execution', 'training-instance', 'data-scientist', 'pipeline'] },
      description: 'Role-name globs mapped to an archetype: execution, training-instance, data-scientist or pipeline (default {}).',
    },
    escalationTargets: {
      type: 'array',
      items: { type: 'string', pattern: '^([a-z0-9-]+:[A-Za-z0-9*?]+|\\*)$' },
      description: 'Action patterns a privilege-escalation path ends at besides administrator access, e.g. ["iam:*", "s3:GetObject"] (default []).',
    },
  },
};

/**
 * Reads `settings.ml` with defaults.
 * @param settings the configuration's `settings` object
 * @returns complete ML settings
 */
export function mlSettings(settings: Readonly<Record<string, unknown>>): MlSettings {
  const ml = (settings['ml'] ?? {}) as Partial<MlSettings>;
  return { ...DEFAULT_ML_SETTINGS, ...ml };
}
