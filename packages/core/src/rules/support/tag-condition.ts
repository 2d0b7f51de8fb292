/**
 * Shared logic of the rules that flag a tag condition key (`aws:ResourceTag/…`,
 * `aws:RequestTag/…`, `aws:TagKeys`) on actions that never carry it, mirroring the Access
 * Analyzer checks DENY_/ALLOW_(NOTACTION_)WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE (spec
 * access-analyzer-checks.md §1.3, §1.4). Sources of truth: AWS Service Authorization Reference
 * (which actions and resource types list the tag keys) and IAM User Guide, "Controlling access to
 * AWS resources using tags" and "Condition operators" (a missing key makes a plain operator false).
 */
import type { RuleContext, Visitors } from '../../linter/types.js';
import { actionSupportsKey, exampleList, falseWhenAbsent, statementActions } from './key-support.js';

/** The global tag keys the checks are about: the two tag families and `aws:TagKeys`. */
const TAG_KEY = /^aws:(?:(?:resourcetag|requesttag)\/.+|tagkeys)$/i;

/**
 * Whether a condition key is one of the global tag keys the checks cover.
 * @param key the key as written
 * @returns true for `aws:ResourceTag/…`, `aws:RequestTag/…` and `aws:TagKeys`, any case
 */
export function isGlobalTagKey(key: string): boolean {
  return TAG_KEY.test(key);
}

/**
 * The messages of a tag-condition rule for one effect, by messageId (`withAction`,
 * `withNotAction`); placeholders `{{count}}`, `{{examples}}`, `{{key}}`.
 * @param effect `Deny` or `Allow`
 * @returns the message templates
 */
export function tagConditionMessages(effect: 'Allow' | 'Deny'): Record<string, string> {
  const verb = effect === 'Deny' ? 'does not deny' : 'never allows';
  const why = 'they do not support {{key}}, so the condition is false for them';
  return {
    withAction: `This ${effect} ${verb} {{count}} of its actions (e.g. {{examples}}): ${why}; move them to a statement without this condition.`,
    withNotAction: `This ${effect} with NotAction ${verb} {{count}} of the actions it covers (e.g. {{examples}}): ${why}; list the actions in Action instead of NotAction.`,
  };
}

/**
 * Builds the `create` function of a tag-condition rule. In every statement of the given effect, for
 * each tag key tested with an operator that is false when the key is missing (see
 * `falseWhenAbsent`), it expands the statement's actions against the IAM data and reports the key
 * when some of them list the key neither on the action nor on its resource types.
 * @param effect the statements' `Effect`
 * @returns the rule's `create`
 */
export function createTagConditionRule(effect: 'Allow' | 'Deny'): (context: RuleContext) => Visitors {
  return (context) => ({
    Statement(statement) {
      if (statement.effect?.value !== effect) return;
      let actions: readonly string[] | undefined;
      for (const operator of statement.condition?.operators ?? []) {
        for (const key of operator.keys) {
          if (!isGlobalTagKey(key.key) || !falseWhenAbsent(operator, key.values)) continue;
          actions ??= statementActions(statement) ?? [];
          const unsupported = actions.filter((action) => !actionSupportsKey(action, key.key));
          if (unsupported.length === 0) continue;
          const messageId = statement.notAction ? 'withNotAction' : 'withAction';
          context.report({ node: key, messageId, data: { count: unsupported.length, examples: exampleList(unsupported), key: key.key } });
        }
      }
    },
  });
}
