/**
 * Shapes of `Principal` / `NotPrincipal` values. Source of truth: IAM User Guide, "AWS JSON policy
 * elements: Principal" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html)
 * and IAM identifiers (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html).
 */
import type { PolicyType } from './nodes.js';

/** The principal type keys IAM accepts (case-sensitive). */
export const PRINCIPAL_TYPES: readonly string[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

/** Kind of an `AWS` principal value. */
export type AwsPrincipalKind =
  | 'wildcard'
  | 'account'
  | 'root'
  | 'user'
  | 'role'
  | 'group'
  | 'assumed-role'
  | 'federated-user'
  | 'role-id'
  | 'user-id';

/** A parsed `AWS` principal value; `name` is the user/role name (without path), `session` the role session name. */
export interface AwsPrincipal {
  kind: AwsPrincipalKind;
  partition?: string;
  account?: string;
  name?: string;
  session?: string;
}

const PARTITION = 'aws(?:-[a-z]+)*';
/** `cloudfront` is the account of CloudFront origin access identities (`arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E…`). */
const PRINCIPAL_ARN = new RegExp(`^arn:(${PARTITION}):(iam|sts)::(\\d{12}|cloudfront):(.+)$`);
const IAM_ENTITY = /^(user|role|group)\/(?:[^/]+\/)*([^/]+)$/;
const ASSUMED_ROLE = /^assumed-role\/([^/]+)\/([^/]+)$/;
const FEDERATED_USER = /^federated-user\/([^/]+)$/;
/** Unique IDs are 16–128 characters (IAM API `UserId`/`RoleId`); `AIDA` = user, `AROA` = role. */
const UNIQUE_ID = /^(AIDA|AROA)[A-Z0-9]{12,124}$/;
const SAML_PROVIDER_ARN = new RegExp(`^arn:${PARTITION}:iam::\\d{12}:saml-provider/[^/]+$`);
const OIDC_PROVIDER_ARN = new RegExp(`^arn:${PARTITION}:iam::\\d{12}:oidc-provider/[a-z0-9-]+(?:\\.[a-z0-9-]+)+(?:/\\S*)?$`, 'i');
const OIDC_PROVIDER_URL = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?$/i;

/**
 * Parses one value of an `AWS` principal.
 * @param value the string as written
 * @returns its kind and parts, or undefined when it is none of `*`, a 12-digit account ID, a
 *   user/role unique ID, or an IAM (`root`, `user/…`, `role/…`, `group/…`) or STS
 *   (`assumed-role/ROLE/SESSION`, `federated-user/NAME`) ARN
 */
export function parseAwsPrincipal(value: string): AwsPrincipal | undefined {
  if (value === '*') return { kind: 'wildcard' };
  if (/^\d{12}$/.test(value)) return { kind: 'account', account: value };
  const id = UNIQUE_ID.exec(value);
  if (id) return { kind: id[1] === 'AROA' ? 'role-id' : 'user-id' };
  const arn = PRINCIPAL_ARN.exec(value);
  if (!arn) return undefined;
  const [, partition, service, account, resource] = arn as string[] as [string, string, string, string, string];
  if (service === 'iam') {
    if (resource === 'root') return { kind: 'root', partition, account };
    const entity = IAM_ENTITY.exec(resource);
    return entity ? { kind: entity[1] as 'user' | 'role' | 'group', partition, account, name: entity[2]! } : undefined;
  }
  const session = ASSUMED_ROLE.exec(resource);
  if (session) return { kind: 'assumed-role', partition, account, name: session[1]!, session: session[2]! };
  const federated = FEDERATED_USER.exec(resource);
  return federated ? { kind: 'federated-user', partition, account, name: federated[1]! } : undefined;
}

/**
 * Whether a `Service` value has the shape of a service principal: dot-separated DNS labels,
 * e.g. `ec2.amazonaws.com`, `logs.us-east-1.amazonaws.com`, `s3.amazonaws.com.cn`.
 * @param value the string as written
 * @returns true for a host name of at least two labels
 */
export function isServicePrincipal(value: string): boolean {
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(value);
}

/**
 * Whether a `CanonicalUser` value is an S3 canonical user ID (64 hexadecimal characters).
 * Source: Amazon S3 User Guide, "Find the canonical user ID for your AWS account".
 * @param value the string as written
 */
export function isCanonicalUserId(value: string): boolean {
  return /^[0-9a-f]{64}$/i.test(value);
}

/**
 * Kind of identity provider a `Federated` value names: an IAM SAML provider ARN
 * (`arn:aws:iam::ACCOUNT:saml-provider/NAME`), an IAM OIDC provider ARN
 * (`arn:aws:iam::ACCOUNT:oidc-provider/HOST[/PATH]`) or an OIDC provider domain
 * (`accounts.google.com`, `cognito-identity.amazonaws.com`, `token.actions.githubusercontent.com`).
 * Source: IAM User Guide, "Principal" → "Federated user principals".
 * @param value the string as written
 * @returns `saml`, `oidc`, or undefined when it is neither
 */
export function federatedProviderKind(value: string): 'saml' | 'oidc' | undefined {
  if (SAML_PROVIDER_ARN.test(value)) return 'saml';
  return OIDC_PROVIDER_ARN.test(value) || OIDC_PROVIDER_URL.test(value) ? 'oidc' : undefined;
}

/**
 * Whether a principal value holds `*` or `?` without being the whole value `"*"` (IAM matches
 * principal values literally; only `"*"` alone means everyone).
 * @param value the string as written
 */
export function hasPartialWildcard(value: string): boolean {
  return value !== '*' && /[*?]/.test(value);
}

/**
 * The element name of a principal node or value as written.
 * @param node a Principal or PrincipalValue node
 * @returns `Principal` or `NotPrincipal`
 */
export function principalElement(node: { negated: boolean }): 'Principal' | 'NotPrincipal' {
  return node.negated ? 'NotPrincipal' : 'Principal';
}

/** How messages name a policy type, with its article (e.g. `an identity policy`). */
export const POLICY_TYPE_NAMES: Record<PolicyType, string> = {
  identity: 'an identity policy',
  resource: 'a resource-based policy',
  trust: 'a role trust policy',
  boundary: 'a permissions boundary',
  scp: 'an SCP',
  unknown: 'a policy of unknown type',
};
