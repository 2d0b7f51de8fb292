import { startsWithPlaceholder } from '../sources/placeholder.js';
import { closest } from '../catalog/suggest.js';
import { defineRule, elementUrl } from './define.js';
import { canHaveSixFields, canStartWithArn, isApiGatewayShorthand, namedAccountFields, parseArnPattern, variableMode } from './support/arn-fields.js';

/** The AWS partitions (IAM User Guide, "IAM identifiers"; AWS SDK endpoint data). */
export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

/**
 * Flags `Resource`/`NotResource` values that no ARN can match because of their shape: no `arn:`
 * prefix, fewer than six fields, an upper-case service, an unknown partition, or an account that
 * is not a 12-digit ID. Wildcards are honoured exactly; fields holding wildcards or variables are
 * not judged.
 */
export default defineRule({
  name: 'malformed-arn',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow Resource values that are not well-formed ARNs.',
      details:
        'Apart from "*" (and API Gateway\'s short form execute-api:/STAGE/METHOD/PATH, which API Gateway resource policies accept), a Resource or NotResource value is an ARN pattern arn:partition:service:region:account:resource. IAM rejects values without the arn: prefix or with fewer than six colon-separated fields, an upper-case service, a partition other than aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f or aws-eusc, or an account that is neither empty nor a 12-digit ID. A wildcard may stand for any of these parts (a * ending a field may even run past its colon), so only text that no wildcard can repair is reported.',
      references: [elementUrl('resource'), 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'very-high',
    accessAnalyzer: ['INVALID_ARN_PREFIX', 'MISSING_ARN_FIELD', 'INVALID_ARN_SERVICE_CASE', 'INVALID_PARTITION', 'INVALID_ARN_ACCOUNT'],
    messages: {
      invalidPrefix: 'Resource {{value}} is not an ARN: write "*" or an ARN starting with "arn:".',
      missingField: 'ARN {{value}} has {{count}} of the six fields arn:partition:service:region:account:resource; leave a field empty rather than dropping its colon.',
      serviceCase: 'Service "{{service}}" in ARN {{value}} must be lower case ("{{lower}}").',
      invalidPartition: 'Unknown partition "{{partition}}" in ARN {{value}}{{hint}}; partitions are {{partitions}}.',
      invalidAccount: 'Account "{{account}}" in ARN {{value}} is not a 12-digit account ID; write the ID or leave the field empty.',
    },
  },
  create(context) {
    return {
      Resource(node) {
        // a value a template leaves unknown from its first character may be any ARN
        if (node.value === null || node.value === '*' || isApiGatewayShorthand(node.value) || startsWithPlaceholder(node.value)) return;
        const value = JSON.stringify(node.value);
        const pattern = parseArnPattern(node.value, variableMode(context.policy));
        if (!canStartWithArn(pattern)) {
          context.report({ node, messageId: 'invalidPrefix', data: { value } });
          return;
        }
        if (!canHaveSixFields(pattern)) {
          context.report({ node, messageId: 'missingField', data: { value, count: pattern.fields.length } });
          return;
        }
        const [arn, partition, service, , account] = pattern.fields;
        if (arn!.text !== 'arn') return;
        if (partition && !partition.wild && !PARTITIONS.includes(partition.text)) {
          const suggestion = closest(partition.text, PARTITIONS);
          const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
          context.report({ node, messageId: 'invalidPartition', data: { value, partition: partition.text, hint, partitions: PARTITIONS.join(', ') } });
        }
        if (service?.placed && !service.wild && service.text !== service.text.toLowerCase()) {
          context.report({ node, messageId: 'serviceCase', data: { value, service: service.text, lower: service.text.toLowerCase() } });
        }
        if (account?.placed && !account.wild && account.text !== '' && !/^\d{12}$/.test(account.text) && !namedAccountFields().has(account.text)) {
          context.report({ node, messageId: 'invalidAccount', data: { value, account: account.text } });
        }
      },
    };
  },
});
