import { appliesToAction } from '../analysis/effective.js';
import { defineRule } from './define.js';
import { falseWhenAbsent } from './support/key-support.js';


/** Keys set only from the session tags of an assume-role call: `aws:RequestTag/…`, `aws:TagKeys`, `sts:TransitiveTagKeys`. */
const SESSION_TAG_KEY = /^(?:aws:requesttag\/.+|aws:tagkeys|sts:transitivetagkeys)$/i;

/** Flags session-tag conditions in a trust policy that allows no sts:TagSession, so no session tags can be passed. */
export default defineRule({
  name: 'session-tag-key-without-tag-session',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow session-tag condition keys in trust policies that never allow sts:TagSession.',
      details:
        'aws:RequestTag/..., aws:TagKeys and sts:TransitiveTagKeys hold the session tags passed when the role is assumed (by AssumeRole, a SAML assertion or a web identity token), and a caller may pass session tags only if the trust policy also allows sts:TagSession. With no Allow statement covering sts:TagSession, these keys are never in the request, so a test with an operator that is false on a missing key (StringEquals, ForAnyValue:..., Null "false") never matches and the statement never applies. ...IfExists, negated and ForAllValues operators are true on a missing key and are not reported.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requesttag',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['trust'],
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['MISSING_ACTION_FOR_CONDITION_KEY'],
    messages: {
      missingTagSession:
        'Unexpected {{key}} in a trust policy that does not allow sts:TagSession: no session tags can be passed, so this condition never matches; add sts:TagSession to the Action of an Allow statement.',
    },
  },
  create(context) {
    return {
      Policy(policy) {
        const allowed = policy.statements.some((s) => s.effect?.value === 'Allow' && appliesToAction(s, 'sts:TagSession'));
        if (allowed) return;
        for (const statement of policy.statements) {
          if (statement.effect?.value !== 'Allow') continue;
          for (const operator of statement.condition?.operators ?? []) {
            for (const key of operator.keys) {
              if (SESSION_TAG_KEY.test(key.key) && falseWhenAbsent(operator, key.values)) context.report({ node: key, messageId: 'missingTagSession', data: { key: key.key } });
            }
          }
        }
      },
    };
  },
});
