/**
 * Statement-level facts shared by the trust-policy and service-principal rules: which actions a
 * statement allows, which principals it names and which condition keys it tests. Sources of truth:
 * IAM User Guide, "AWS JSON policy elements: Principal" (federated and service principals),
 * and "Creating a role for web identity or OpenID Connect Federation" (provider condition keys).
 */
import type { PrincipalValueNode, StatementNode } from '../../policy/nodes.js';
import { federatedProviderKind } from '../../policy/principal.js';
import { parseConditionOperator } from '../../policy/condition-operator.js';

/** The STS actions that start a role session, by the principal kind that may call them. */
export const ASSUME_ACTIONS = {
  aws: 'sts:AssumeRole',
  saml: 'sts:AssumeRoleWithSAML',
  oidc: 'sts:AssumeRoleWithWebIdentity',
} as const;

/** Who may call an assume action: AWS/Service principals, or a SAML or OIDC provider. */
export type AssumeKind = keyof typeof ASSUME_ACTIONS;

/**
 * The string values of a statement's `Principal` (never `NotPrincipal`) of one principal type.
 * @param statement the statement
 * @param principalType `AWS`, `Service`, `Federated` or `CanonicalUser`
 * @returns the value nodes whose JSON value is a string
 */
export function principalValues(statement: StatementNode, principalType: string): PrincipalValueNode[] {
  return (statement.principal?.values ?? []).filter((v) => v.principalType === principalType && v.value !== null);
}

/**
 * The OIDC provider a `Federated` value names, as its condition keys spell it: the host and path
 * after `oidc-provider/` of an IAM OIDC provider ARN, or the domain itself
 * (`cognito-identity.amazonaws.com`, `accounts.google.com`).
 * @param value a `Federated` principal value
 * @returns the provider, or undefined for SAML providers and malformed values
 */
export function oidcProvider(value: string): string | undefined {
  if (federatedProviderKind(value) !== 'oidc') return undefined;
  const slash = value.indexOf(':oidc-provider/');
  return slash === -1 ? value : value.slice(slash + ':oidc-provider/'.length);
}

/**
 * Which assume action a principal value may call.
 * @param value a principal value node
 * @returns `saml`/`oidc` for identity providers, `aws` for `AWS` and `Service` principals, or
 *   undefined when it cannot be told (`"*"`, malformed `Federated` values, other types)
 */
export function assumeKindOf(value: PrincipalValueNode): AssumeKind | undefined {
  if (value.value === null) return undefined;
  if (value.principalType === 'Federated') return federatedProviderKind(value.value);
  if (value.principalType === 'Service' || (value.principalType === 'AWS' && value.value !== '*')) return 'aws';
  return undefined;
}

/**
 * Whether a statement restricts a key with an operator that compares values (any operator but
 * `Null`, which only tests presence).
 * @param statement the statement
 * @param test decides on the key name (compare case-insensitively: key names are not case-sensitive)
 * @param options `allowListOnly`: count only operators that name what is allowed, not negated ones
 *   (`StringNotLike sub "repo:evil/*"` lets every other value through)
 */
export function testsKey(statement: StatementNode, test: (key: string) => boolean, options: { allowListOnly?: boolean } = {}): boolean {
  return (statement.condition?.operators ?? []).some((op) => {
    const parsed = parseConditionOperator(op.operator);
    if (parsed ? parsed.base === 'Null' : /^(for(all|any)values?:)?null$/i.test(op.operator)) return false;
    if (options.allowListOnly && parsed?.negated) return false;
    return op.keys.some((key) => test(key.key));
  });
}
