import { appliesToAction } from '../analysis/effective.js';
import { defineRule } from './define.js';
import { ASSUME_ACTIONS, oidcProvider, principalValues, testsKey } from './support/trust.js';

/** GitHub Actions' OIDC issuer (also with an enterprise path, `token.actions.githubusercontent.com/ENTERPRISE`). */
const GITHUB = /^token\.actions\.githubusercontent\.com(\/|$)/i;

/** Flags OIDC principals trusted without a condition on the provider's claims (for GitHub: without `:sub`). */
export default defineRule({
  name: 'oidc-trust-without-condition',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a condition on the identity provider\'s claims when a trust policy allows an OIDC principal to assume the role.',
      details:
        'Any holder of a token from the identity provider can call sts:AssumeRoleWithWebIdentity: without a condition on the provider\'s keys (PROVIDER:aud, PROVIDER:sub, ...) a role trusting accounts.google.com or a shared OIDC issuer can be assumed by identities of other tenants. For GitHub Actions (token.actions.githubusercontent.com) the condition must test the :sub claim, which names the repository; otherwise workflows of any GitHub repository can assume the role. Only Allow statements that allow sts:AssumeRoleWithWebIdentity are checked; a Null condition only tests presence and does not count, nor does a negated operator (StringNotLike "repo:evil/*" lets every other repository in).',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif',
      ],
    },
    defaultLevel: 'warning',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['security'],
    securitySeverity: 8.0,
    precision: 'high',
    accessAnalyzer: ['MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL', 'MISSING_GITHUB_REPO_CONDITION_KEY'],
    messages: {
      missingProviderCondition: 'Expected a condition on {{provider}}:aud or another {{provider}} key: without one, any identity of this provider can assume the role.',
      missingGithubSub: 'Expected a condition on {{provider}}:sub naming the repository and branch: without one, GitHub workflows of any repository can assume the role.',
    },
  },
  create(context) {
    return {
      Statement(node) {
        if (node.effect?.value !== 'Allow' || !appliesToAction(node, ASSUME_ACTIONS.oidc)) return;
        for (const value of principalValues(node, 'Federated')) {
          const provider = oidcProvider(value.value!);
          if (provider === undefined) continue;
          const prefix = `${provider.toLowerCase()}:`;
          if (GITHUB.test(provider)) {
            if (!testsKey(node, (key) => key.toLowerCase() === `${prefix}sub`, { allowListOnly: true })) context.report({ node: value, messageId: 'missingGithubSub', data: { provider } });
          } else if (!testsKey(node, (key) => key.toLowerCase().startsWith(prefix), { allowListOnly: true })) {
            context.report({ node: value, messageId: 'missingProviderCondition', data: { provider } });
          }
        }
      },
    };
  },
});
