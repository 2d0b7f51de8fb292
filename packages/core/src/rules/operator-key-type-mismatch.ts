import { parseConditionOperator, type OperatorFamily } from '../policy/condition-operator.js';
import { defineRule, elementUrl } from './define.js';
import { knownConditionKey } from './support/condition-key.js';

/**
 * Operator families that fit each service-reference key type (without `ArrayOf`), the first one
 * being the family to recommend. String and ARN operators are accepted on each other's keys (AWS
 * evaluates them on the text) and String operators on Bool keys, so those are not reported.
 */
const FITTING: Readonly<Record<string, readonly OperatorFamily[]>> = {
  String: ['String', 'Arn'],
  ARN: ['Arn', 'String'],
  Bool: ['Bool', 'String'],
  Numeric: ['Numeric'],
  Date: ['Date'],
  IPAddress: ['IpAddress'],
  Binary: ['Binary'],
};

/**
 * Families that compare a String key's text as another type, and what the text must then read as.
 * The reference types some keys that hold numbers as String (glacier:ArchiveAgeInDays, which the
 * S3 Glacier vault lock examples test with NumericLessThan), and tag values may hold numbers or
 * dates, so these pairs are reported as uncertain.
 */
const TEXT_AS: Partial<Record<OperatorFamily, string>> = { Numeric: 'number', Date: 'date', Bool: 'boolean' };

/** Keys documented with a second type: aws:EpochTime is Date and Numeric (epoch seconds). */
const EXTRA_FAMILIES: ReadonlyMap<string, OperatorFamily> = new Map([['aws:epochtime', 'Numeric']]);

/** Flags condition operators whose family does not fit the key's data type. */
export default defineRule({
  name: 'operator-key-type-mismatch',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require condition operators whose family fits the data type of the condition key.',
      details:
        'Each condition key has a data type in the service reference (String, ARN, Numeric, Date, Bool, IPAddress). An operator of another family (StringEquals on aws:CurrentTime, IpAddress on a String key) does not compare the way it reads and usually never matches. Conservatively, String and ARN operators are accepted on each other\'s keys, String operators on Bool keys, Numeric operators on aws:EpochTime, and Null on every key. Numeric, Date and Bool operators on String keys are reported as uncertain ("may"): some keys the reference types as String hold numbers (glacier:ArchiveAgeInDays), and tags may hold numbers or dates. Keys the IAM data does not know are skipped.',
      references: [elementUrl('condition_operators'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html'],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['TYPE_MISMATCH'],
    messages: {
      typeMismatch: 'Operator "{{operator}}" ({{family}}) does not fit condition key "{{key}}" of type {{type}}; use a {{expected}} operator.',
      textAs:
        'Operator "{{operator}}" ({{family}}) may not fit condition key "{{key}}" of type String: it matches only if the request value reads as a {{what}}; otherwise use a String operator.',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const parsed = parseConditionOperator(node.operator);
        if (!parsed || parsed.family === 'Null') return;
        for (const key of node.keys) {
          const info = knownConditionKey(key.key);
          const fitting = info && FITTING[info.type.replace(/^ArrayOf/, '')];
          if (!info || !fitting || fitting.includes(parsed.family) || EXTRA_FAMILIES.get(key.key.toLowerCase()) === parsed.family) continue;
          const what = info.type.replace(/^ArrayOf/, '') === 'String' ? TEXT_AS[parsed.family] : undefined;
          if (what) {
            context.report({ node: key, messageId: 'textAs', data: { operator: node.operator, family: parsed.family, key: key.key, what }, uncertain: true });
            continue;
          }
          const data = { operator: node.operator, family: parsed.family, key: key.key, type: info.type, expected: fitting[0]! };
          context.report({ node: key, messageId: 'typeMismatch', data });
        }
      },
    };
  },
});
