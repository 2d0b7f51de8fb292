import { parseConditionOperator } from '../policy/condition-operator.js';
import { valueText } from '../policy/condition-value.js';
import { defineRule } from './define.js';

const ALNUM = /^[A-Za-z0-9]$/;

/**
 * Whether a glob (`*`, `?`) could match some `<prefix><8 or 17 letters and digits>` ID.
 * @param glob the value, with wildcards when `like` is true
 * @param like true under StringLike / StringNotLike; otherwise the value is literal text
 */
function couldBeId(glob: string, prefix: string, like: boolean): boolean {
  return [8, 17].some((n) => {
    const length = prefix.length + n;
    const allowed = (i: number, c: string) => (i < prefix.length ? c === prefix[i] : ALNUM.test(c));
    let states = new Set([0]);
    for (const c of glob) {
      const next = new Set<number>();
      const from = Math.min(...states);
      for (const p of states) {
        if (like && c === '*') for (let q = from; q <= length; q++) next.add(q);
        else if (p < length && ((like && c === '?') || allowed(p, c))) next.add(p + 1);
      }
      states = next;
      if (states.size === 0) return false;
    }
    return states.has(length);
  });
}

/** A region code's shape: `us-east-1`, `us-gov-west-1`, `us-isob-east-1`, `eusc-de-east-1`. */
const REGION = /^[a-z]{2,}(-[a-z]+)+-\d+$/;
/** A DNS name with at least one dot, as service principals are (`ec2.amazonaws.com`). */
const SERVICE_PRINCIPAL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;

interface Format {
  messageId: string;
  valid: (text: string, like: boolean) => boolean;
  hint?: (text: string) => string | undefined;
}

const FORMATS: Readonly<Record<string, Format>> = {
  'aws:sourcevpc': { messageId: 'vpcFormat', valid: (text, like) => couldBeId(text, 'vpc-', like) },
  'aws:sourcevpce': { messageId: 'vpceFormat', valid: (text, like) => couldBeId(text, 'vpce-', like) },
  'aws:requestedregion': {
    messageId: 'regionFormat',
    valid: (text, like) => REGION.test(text) || (like && /[*?]/.test(text)),
    hint: (text) => [text.toLowerCase(), text.toLowerCase().replace(/(\d)[a-z]$/, '$1')].find((t) => REGION.test(t)),
  },
  'aws:principalservicename': { messageId: 'servicePrincipalFormat', valid: (text, like) => SERVICE_PRINCIPAL.test(text) || (like && /[*?]/.test(text)), hint: servicePrincipalHint },
  'aws:principalservicenameslist': { messageId: 'servicePrincipalFormat', valid: (text, like) => SERVICE_PRINCIPAL.test(text) || (like && /[*?]/.test(text)), hint: servicePrincipalHint },
};

function servicePrincipalHint(text: string): string | undefined {
  return /^[a-z0-9-]+$/.test(text) ? `${text}.amazonaws.com` : undefined;
}

/** Flags values of aws:SourceVpc, aws:SourceVpce, aws:RequestedRegion and aws:PrincipalServiceName(sList) that cannot be such IDs. */
export default defineRule({
  name: 'invalid-condition-value-format',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow values of VPC, VPC endpoint, region and service principal condition keys that cannot match such a value.',
      details:
        'Under String operators: aws:SourceVpc values must be "vpc-" and aws:SourceVpce values "vpce-" followed by 8 or 17 letters and digits (with StringLike, a pattern that could match such an ID is fine); aws:RequestedRegion values must be shaped like a region code (us-east-1, us-gov-west-1, eusc-de-east-1; new regions are never flagged, only malformed codes); aws:PrincipalServiceName(sList) values must be DNS names such as ec2.amazonaws.com. Any other value never matches. Values with policy variables are not checked, nor values with * or ? under StringEquals-type operators (wildcard-without-like-operator reports those).',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['INVALID_VPC_FORMAT', 'INVALID_VPCE_FORMAT', 'INVALID_REGION', 'INVALID_SERVICE_PRINCIPAL_FORMAT'],
    messages: {
      vpcFormat: '"{{key}}" value {{value}} can never be a VPC ID ("vpc-" and 8 or 17 letters and digits).',
      vpceFormat: '"{{key}}" value {{value}} can never be a VPC endpoint ID ("vpce-" and 8 or 17 letters and digits).',
      regionFormat: '"{{key}}" value {{value}} is not a region code such as "us-east-1"{{hint}}.',
      servicePrincipalFormat: '"{{key}}" value {{value}} is not a service principal such as "ec2.amazonaws.com"{{hint}}.',
    },
  },
  create(context) {
    return {
      ConditionOperator(node) {
        const parsed = parseConditionOperator(node.operator);
        if (parsed?.family !== 'String') return;
        const like = parsed.base.includes('Like');
        const ignoreCase = parsed.base.includes('IgnoreCase');
        for (const key of node.keys) {
          const format = FORMATS[key.key.toLowerCase()];
          if (!format) continue;
          for (const value of key.values) {
            const written = valueText(value);
            // a wildcard under an exact-match operator is left to wildcard-without-like-operator
            if (written === undefined || written.includes('${') || (!like && /[*?]/.test(written))) continue;
            const text = ignoreCase ? written.toLowerCase() : written;
            if (format.valid(text, like)) continue;
            const suggestion = format.hint?.(text);
            const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
            context.report({ node: value, messageId: format.messageId, data: { key: key.key, value: JSON.stringify(value.value), hint } });
          }
        }
      },
    };
  },
});
