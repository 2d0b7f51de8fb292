/**
 * The four ML roles of the seed's table (SageMaker execution, EC2 training instance, data
 * scientist, ML pipeline): how a role of the scan is matched to one, and the kinds of access
 * outside each one's envelope. Source of truth: the seed ("Key IAM Roles for ML") and
 * sagemaker-iam.md; access levels from the IAM data (service authorization reference).
 */
import { compileGlob, matchTokens, serviceResourceTypes, type ActionInfo, type ActionUniverse, type Principal } from '@iamscope/core';
import { scopeActions } from './scope.js';
import type { RoleArchetype } from './settings.js';

/** Service principals whose trust makes a role one archetype. */
const SERVICE_ARCHETYPES: Readonly<Record<string, RoleArchetype>> = {
  'sagemaker.amazonaws.com': 'execution',
  'ec2.amazonaws.com': 'training-instance',
  'states.amazonaws.com': 'pipeline',
  'airflow.amazonaws.com': 'pipeline',
  'airflow-env.amazonaws.com': 'pipeline',
};

/** How a role was matched to its archetype, for messages. */
export interface ArchetypeMatch {
  archetype: RoleArchetype;
  /** e.g. `trusted by sagemaker.amazonaws.com`, `settings.ml.roleArchetypes "ml-exec-*"`. */
  why: string;
}

/**
 * The archetype of a role: by the first `roleArchetypes` glob its name matches (case-sensitive,
 * `*` and `?`), else by the principals its trust policies allow — a service of
 * {@link SERVICE_ARCHETYPES}, or a human (`AWS` account/user/role ARN, `Federated` SAML/OIDC
 * provider) for a data scientist. A role whose trust allows principals of two archetypes is not
 * matched (its envelope is not decidable), nor is one without a trust policy in the scan.
 * @param role a role of the scan
 * @param globs `settings.ml.roleArchetypes`
 * @returns the archetype and why, or undefined
 */
export function archetypeOf(role: Principal, globs: Readonly<Record<string, RoleArchetype>>): ArchetypeMatch | undefined {
  for (const [glob, archetype] of Object.entries(globs)) {
    if (matchTokens(compileGlob(glob), role.name)) return { archetype, why: `settings.ml.roleArchetypes "${glob}"` };
  }
  const found = new Map<RoleArchetype, string>();
  for (const trust of role.trust) {
    for (const s of trust.statements) {
      if (s.effect?.value !== 'Allow') continue;
      for (const v of s.principal?.values ?? []) {
        if (v.value === null) continue;
        const service = v.principalType === 'Service' ? SERVICE_ARCHETYPES[v.value.toLowerCase()] : undefined;
        if (service) found.set(service, `trusted by ${v.value}`);
        else if ((v.principalType === 'AWS' && v.value !== '*') || v.principalType === 'Federated') found.set('data-scientist', `trusted by ${v.value}`);
      }
    }
  }
  if (found.size !== 1) return undefined;
  const [[archetype, why]] = [...found];
  return { archetype: archetype!, why: why! };
}

/** A kind of access outside some archetype's envelope. */
export interface AccessClass {
  /** For messages, e.g. `IAM write`. */
  label: string;
  /** Service prefix. */
  service: string;
  /** Keeps the actions of the class. */
  filter: (info: ActionInfo) => boolean;
}

const levels = (info: ActionInfo) => info.accessLevel.split(', ');

/** Role and policy actions that `ml/role-creation-requires-boundary` governs for data scientists (who may create roles under a boundary). */
const ROLE_CREATION = new Set(['CreateRole', 'PutRolePolicy', 'AttachRolePolicy', 'PutRolePermissionsBoundary', 'CreateServiceLinkedRole', 'TagRole']);

const IAM_WRITE: AccessClass = {
  label: 'IAM write',
  service: 'iam',
  // iam:PassRole is ml/passrole-scope's subject
  filter: (info) => info.name !== 'PassRole' && levels(info).some((l) => l === 'Write' || l === 'Permissions management'),
};
const IAM_ADMINISTRATION: AccessClass = { ...IAM_WRITE, label: 'IAM administration', filter: (info) => IAM_WRITE.filter(info) && !ROLE_CREATION.has(info.name) };
const ECR_PUSH: AccessClass = { label: 'ECR image push or repository change', service: 'ecr', filter: (info) => levels(info).some((l) => l === 'Write' || l === 'Permissions management') };
const S3_WRITE: AccessClass = { label: 'S3 write', service: 's3', filter: (info) => levels(info).some((l) => l === 'Write' || l === 'Permissions management') };

/**
 * What each archetype must not be granted: execution roles and pipelines read and write data and
 * pull images, but change no IAM and push no images; training instances only read data; data
 * scientists may create roles under a boundary (`ml/role-creation-requires-boundary`) but do not
 * administer IAM otherwise.
 */
export const ENVELOPES: Readonly<Record<RoleArchetype, readonly AccessClass[]>> = {
  execution: [IAM_WRITE, ECR_PUSH],
  'training-instance': [IAM_WRITE, ECR_PUSH, S3_WRITE],
  'data-scientist': [IAM_ADMINISTRATION],
  pipeline: [IAM_WRITE, ECR_PUSH],
};

/**
 * The actions of a class with every resource type of their service (built once per class and partition).
 * Actions that take only `"*"` are not included.
 * @param access the class
 * @param partition the partition ARNs are built in
 */
export function classActions(access: AccessClass, partition: string): ActionUniverse[] {
  const resourceTypes = Object.keys(serviceResourceTypes(access.service) ?? {}).map((t) => t.toLowerCase());
  return scopeActions({ id: `archetype:${access.service}:${access.label}`, service: access.service, resourceTypes, filter: access.filter }, partition);
}
