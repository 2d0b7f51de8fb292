import { parseConditionOperator } from '../policy/condition-operator.js';
import { defineRule } from './define.js';

const SUB_KEY = 'token.actions.githubusercontent.com:sub';

/**
 * Whether a StringLike pattern for GitHub's `sub` claim leaves the organization or repository open.
 * The claim reads `repo:ORG/REPO:<context>`; a wildcard after `repo:ORG/REPO:` only widens the
 * branch, environment or event, and customized claim formats (not starting with `repo:`) are
 * not judged unless the wildcard comes before any text.
 * @param value a condition value of the `sub` key
 * @returns true when workflows of another repository can match
 */
function opensRepository(value: string): boolean {
  const first = value.search(/[*?]/);
  if (first === -1) return false;
  const literal = value.slice(0, first);
  if ('repo:'.startsWith(literal)) return true;
  return literal.startsWith('repo:') && !/^repo:[^/:]+\/[^/:]+:/.test(literal);
}

/** Flags wildcards in `token.actions.githubusercontent.com:sub` values that match other repositories. */
export default defineRule({
  name: 'github-sub-wildcard',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow wildcards in the GitHub OIDC sub condition that match other organizations or repositories.',
      details:
        'GitHub Actions tokens carry sub = "repo:ORG/REPO:<context>" (ref:refs/heads/BRANCH, environment:NAME, pull_request, ...). A StringLike pattern whose wildcard stands before the repository name is complete ("*", "repo:*", "repo:org/*", "repo:org/app*") lets workflows of other repositories assume the role. A wildcard after "repo:ORG/REPO:" (any branch or environment of one repository) is accepted. Values of customized sub formats are only judged when they start with a wildcard. StringEquals and negated operators are not checked.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub',
        'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect#example-subject-claims',
      ],
    },
    defaultLevel: 'warning',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['security'],
    securitySeverity: 7.5,
    precision: 'high',
    accessAnalyzer: ['SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED'],
    messages: {
      wildcardRepository: 'Unexpected wildcard in {{value}}: workflows of other GitHub repositories can match it; name the organization and repository, e.g. "repo:ORG/REPO:ref:refs/heads/BRANCH".',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const operator = parseConditionOperator(node.operator);
        if (operator?.base !== 'StringLike') return;
        for (const key of node.keys) {
          if (key.key.toLowerCase() !== SUB_KEY) continue;
          for (const value of key.values) {
            if (typeof value.value === 'string' && opensRepository(value.value)) {
              context.report({ node: value, messageId: 'wildcardRepository', data: { value: JSON.stringify(value.value) } });
            }
          }
        }
      },
    };
  },
});
