import { ACCESS_ANALYZER_RULE_PREFIX, type Level, type RegisteredRule, type Rule } from '@iamscope/core';
import type { AaFinding } from './client.js';

/** Where results of `aa/` rules come from (SARIF rule source, `iamscope rules` would show it). */
export const AA_SOURCE = 'IAM Access Analyzer';

/** IAM User Guide page of Access Analyzer's custom policy checks. */
const CUSTOM_CHECKS_URL = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-custom-policy-checks.html';

/** Result level of a ValidatePolicy finding type: ERROR → error, SECURITY_WARNING and WARNING → warning, SUGGESTION → note. */
export function levelOf(findingType: AaFinding['findingType']): Level {
  return findingType === 'ERROR' ? 'error' : findingType === 'SUGGESTION' ? 'note' : 'warning';
}

const TYPE_NAMES: Record<AaFinding['findingType'], string> = {
  ERROR: 'error',
  SECURITY_WARNING: 'security warning',
  WARNING: 'general warning',
  SUGGESTION: 'suggestion',
};

function registered(id: string, meta: Omit<Rule['meta'], 'recommended' | 'messages'>): RegisteredRule {
  return { id, source: AA_SOURCE, rule: { name: id.slice(ACCESS_ANALYZER_RULE_PREFIX.length), meta: { ...meta, recommended: false, messages: {} }, create: () => ({}) } };
}

/**
 * The rule descriptor of a ValidatePolicy issue code, for SARIF's `tool.driver.rules`: id
 * `aa/<ISSUE_CODE>`, level from the finding type, documentation from the finding's learnMoreLink.
 * @param finding a finding with that issue code
 * @returns a rule that reports nothing by itself (Access Analyzer does)
 */
export function issueRule(finding: AaFinding): RegisteredRule {
  const kind = TYPE_NAMES[finding.findingType] ?? finding.findingType;
  return registered(`${ACCESS_ANALYZER_RULE_PREFIX}${finding.issueCode}`, {
    type: finding.findingType === 'SUGGESTION' ? 'suggestion' : 'problem',
    docs: {
      description: `IAM Access Analyzer policy check ${finding.issueCode} (${kind}).`,
      details: `Reported by IAM Access Analyzer's ValidatePolicy (iamscope scan --access-analyzer) with finding type ${finding.findingType}; see the AWS documentation of the check.`,
      url: finding.learnMoreLink,
    },
    defaultLevel: levelOf(finding.findingType),
    tags: ['security', 'access-analyzer'],
  });
}

/** The custom checks iamscope runs when the configuration asks for them. */
export const CUSTOM_CHECK_RULES = {
  accessNotGranted: registered(`${ACCESS_ANALYZER_RULE_PREFIX}check-access-not-granted`, {
    type: 'problem',
    docs: {
      description: 'IAM Access Analyzer CheckAccessNotGranted: the policy may allow access that accessAnalyzer.checkAccessNotGranted forbids.',
      details: 'Access Analyzer proved that the policy might grant one of the actions or resources listed in accessAnalyzer.checkAccessNotGranted of the configuration.',
      url: CUSTOM_CHECKS_URL,
    },
    defaultLevel: 'error',
    tags: ['security', 'access-analyzer'],
  }),
  noNewAccess: registered(`${ACCESS_ANALYZER_RULE_PREFIX}check-no-new-access`, {
    type: 'problem',
    docs: {
      description: 'IAM Access Analyzer CheckNoNewAccess: the policy may allow access that the reference policy does not.',
      details: 'Access Analyzer found that the policy might grant access the reference policy of accessAnalyzer.checkNoNewAccess does not grant.',
      url: CUSTOM_CHECKS_URL,
    },
    defaultLevel: 'error',
    tags: ['security', 'access-analyzer'],
  }),
} as const;
