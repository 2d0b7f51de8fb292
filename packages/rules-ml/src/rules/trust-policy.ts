import type { PolicyNode, PrincipalValueNode, StatementNode, Token, Verdict } from '@iamscope/core';
import { defineRule } from '../define.js';
import { requestKeys, valueTokens, type RequestKeys } from '../analysis/key-condition.js';
import { accountOf, trustAllows } from '../analysis/principals.js';
import { coversAction } from '../analysis/reachable.js';
import { freshValue } from '../analysis/value-classes.js';

const ASSUME_ROLE = 'sts:AssumeRole';
/** Keys that keep other accounts out: a third party's external ID, or your organization. */
const CROSS_ACCOUNT_KEYS = ['sts:ExternalId', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths'];
/** Keys that tie a service's request to your account or resource (confused deputy). */
const SOURCE_KEYS = ['aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths'];

/** The rule's options. */
interface Options extends Record<string, unknown> {
  /** The accounts that count as yours (the role's own account and your organization's). */
  accounts: string[];
}

/** Every pattern the policy tests `key` with, as tokens. */
function patternsOf(policy: PolicyNode, key: string): Token[][] {
  const wanted = key.toLowerCase();
  return policy.statements.flatMap((s) =>
    (s.condition?.operators ?? []).flatMap((op) =>
      op.keys
        .filter((k) => k.key.toLowerCase() === wanted)
        .flatMap((k) => k.values.flatMap((v) => (typeof v.value === 'string' ? [valueTokens(op.operator, v.value)] : [])))
        .filter((t): t is Token[] => t !== undefined),
    ),
  );
}

/** A value of `key` the policy does not name (an outsider's), keeping readable defaults. */
function outsider(policy: PolicyNode, key: string): string {
  const preferred = key.toLowerCase().endsWith('account') ? '999999999999' : key.toLowerCase().endsWith('arn') ? 'arn:aws:sagemaker:us-east-1:999999999999:training-job/example' : 'o-exampleorgid';
  return freshValue(patternsOf(policy, key), preferred);
}

/** The best verdict over several requests (`yes` over `may` over `no`). */
function bestOf(verdicts: Verdict[]): Verdict {
  return verdicts.includes('yes') ? 'yes' : verdicts.includes('may') ? 'may' : 'no';
}

/**
 * Requests an outsider may make: the cross-account keys each absent or set to a value the policy
 * does not name, `aws:PrincipalAccount` the principal's account.
 */
function crossAccountRequests(policy: PolicyNode, account: string): RequestKeys[] {
  let requests: Record<string, string | undefined>[] = [{ 'aws:PrincipalAccount': account }];
  for (const key of CROSS_ACCOUNT_KEYS) requests = requests.flatMap((r) => [{ ...r, [key]: undefined }, { ...r, [key]: outsider(policy, key) }]);
  return requests.map(requestKeys);
}

/**
 * `ml/trust-policy`: role trust policies that let AWS principals of other accounts assume the role
 * without `sts:ExternalId` / `aws:PrincipalOrgID`, and service principals without
 * `aws:SourceAccount` / `aws:SourceArn` (confused deputy, a note). The wildcard principal is left
 * to core's trust-policy-wildcard-principal.
 */
export default defineRule<Options>({
  name: 'trust-policy',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require sts:ExternalId or aws:PrincipalOrgID for other accounts, and source keys for service principals, in role trust policies.',
      details:
        'An ML role trusted by another AWS account can be assumed by any principal that account lets through; without sts:ExternalId (for a third party) or aws:PrincipalOrgID (for your organization) nothing ties the request to the intended caller. A role trusted by a service (sagemaker.amazonaws.com) without aws:SourceAccount or aws:SourceArn may be used by that service on behalf of another account (confused deputy); this is reported as "may" (a note at the default level), because the service also needs someone to pass the role. The rule evaluates the trust policy for a request from outside (the keys absent or set to values the policy does not name), so a Deny with StringNotEquals aws:PrincipalOrgID confines it. A policy does not know its own account: list yours in the accounts option; without it an account principal is reported as "may". The wildcard principal is left to trust-policy-wildcard-principal.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid',
        'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html',
      ],
    },
    defaultLevel: 'warning',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['security', 'cross-account', 'confused-deputy', 'external/cwe/cwe-441'],
    securitySeverity: 6.5,
    precision: 'high',
    schema: {
      type: 'object',
      properties: {
        accounts: {
          type: 'array',
          items: { type: 'string', pattern: '^[0-9]{12}$' },
          description: 'Account IDs that count as yours: the role\'s own account and its organization\'s (default []: every account principal is "may").',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { accounts: [] },
    messages: {
      crossAccount:
        'AWS principal {{principal}} of account {{account}}, not in the accounts option, can assume the role without an sts:ExternalId or aws:PrincipalOrgID condition.',
      mayCrossAccount:
        'AWS principal {{principal}} of account {{account}} may assume the role from outside your organization without an sts:ExternalId or aws:PrincipalOrgID condition ({{why}}).',
      serviceWithoutSource:
        'Service principal {{principal}} may assume the role on behalf of any account: no aws:SourceAccount or aws:SourceArn condition ties its requests to yours (confused deputy).',
    },
  },
  create(context, options) {
    const own = new Set(options.accounts ?? []);
    const policy = context.policy;
    const checkAccount = (statement: StatementNode, value: PrincipalValueNode) => {
      const account = accountOf(value.value!);
      if (!account || own.has(account)) return;
      const verdict = bestOf(crossAccountRequests(policy, account).map((keys) => trustAllows(policy.statements, statement, value, ASSUME_ROLE, keys)));
      if (verdict === 'no') return;
      const known = own.size > 0;
      const certain = verdict === 'yes' && known;
      const why = known ? 'a condition decides' : 'list your account IDs in the accounts option';
      context.report({
        node: value,
        messageId: certain ? 'crossAccount' : 'mayCrossAccount',
        uncertain: !certain,
        data: { principal: JSON.stringify(value.value), account, why },
      });
    };
    const checkService = (statement: StatementNode, value: PrincipalValueNode) => {
      const keys = requestKeys(Object.fromEntries(SOURCE_KEYS.map((k) => [k, outsider(policy, k)])));
      if (trustAllows(policy.statements, statement, value, ASSUME_ROLE, keys) === 'no') return;
      context.report({ node: value, messageId: 'serviceWithoutSource', uncertain: true, data: { principal: JSON.stringify(value.value) } });
    };
    return {
      Statement(statement) {
        if (statement.effect?.value !== 'Allow' || !statement.principal || !coversAction(statement, ASSUME_ROLE)) return;
        for (const value of statement.principal.values) {
          if (value.value === null || value.value === '*') continue;
          if (value.principalType === 'AWS') checkAccount(statement, value);
          else if (value.principalType === 'Service') checkService(statement, value);
        }
      },
    };
  },
});
