import { startsWithPlaceholder } from '../sources/placeholder.js';
import { defineRule, elementUrl } from './define.js';
import { arnFormatsOf, FormatFit, mayBeEmpty, parseArnPattern, variableMode } from './support/arn-fields.js';

/** Region codes as AWS forms them: `us-east-1`, `us-gov-west-1`, `us-isob-east-1`, `eusc-de-east-1`. Shape only: new regions appear every year. */
const REGION_SHAPE = /^[a-z]{2,}(-[a-z0-9]+)*-[a-z]+-\d{1,2}$/;

/**
 * Flags ARN patterns whose region, account or resource part no ARN of their service can have,
 * judged against the ARN formats of the service authorization reference: an account or region
 * where the fitting formats have none, an empty region where all of them need one, a region not
 * shaped like a region code, and a resource part that fits no format.
 */
export default defineRule({
  name: 'arn-field-not-allowed',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow ARN regions, accounts and resource parts that the service never uses.',
      details:
        'Each service writes its ARNs in fixed formats: S3 bucket and object ARNs have neither region nor account (arn:aws:s3:::bucket), IAM ARNs have an account but no region, most others need both. An ARN pattern with a region or account where every format its resource part fits leaves it empty, an empty region where all of them need one, a region that is not shaped like a region code, or a resource part that fits no resource type of the service is refused by IAM. Formats come from the bundled service authorization reference, looked up by the ARN service field; services it does not list, and fields holding wildcards or variables that could make the ARN valid, are not judged.',
      references: [elementUrl('resource'), 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html'],
    },
    defaultLevel: 'error',
    recommended: true,
    tags: ['correctness'],
    precision: 'high',
    accessAnalyzer: ['ARN_ACCOUNT_NOT_ALLOWED', 'ARN_REGION_NOT_ALLOWED', 'MISSING_ARN_REGION', 'INVALID_ARN_REGION', 'INVALID_ARN_RESOURCE'],
    messages: {
      accountNotAllowed: 'ARN {{value}} gives account "{{account}}", but {{service}} ARNs of this kind have none, e.g. {{example}}.',
      regionNotAllowed: 'ARN {{value}} gives region "{{region}}", but {{service}} ARNs of this kind have none, e.g. {{example}}.',
      missingRegion: 'ARN {{value}} leaves the region empty, but {{service}} ARNs of this kind name one, e.g. {{example}}.',
      invalidRegion: 'Region "{{region}}" in ARN {{value}} is not a region code such as us-east-1.',
      invalidResource: 'Resource part "{{resource}}" of ARN {{value}} fits no {{service}} resource type, e.g. {{example}}.',
    },
  },
  create(context) {
    return {
      Resource(node) {
        if (node.value === null || node.value === '*' || startsWithPlaceholder(node.value)) return;
        const pattern = parseArnPattern(node.value, variableMode(context.policy));
        const [arn, , service, region, account] = pattern.fields;
        if (arn?.text !== 'arn' || !service?.placed || service.wild || !account) return;
        const formats = arnFormatsOf(service.text);
        if (!formats) return;
        const value = JSON.stringify(node.value);
        const data = { value, service: service.text };
        const fit = new FormatFit(pattern, service.text, formats);
        if (!fit.find()) {
          if (pattern.resource !== undefined) {
            context.report({ node, messageId: 'invalidResource', data: { ...data, resource: pattern.resource, example: formats[0]!.arn } });
          }
          return;
        }
        // region and account are judged against the service's own formats only
        const example = fit.find((f) => !f.anyService);
        if (!example) return;
        const exampleOf = (where: (value: string) => boolean, field: 'region' | 'account') => fit.find((f) => !f.anyService && where(f[field]))?.arn;
        if (region!.placed && !mayBeEmpty(region!)) {
          if (!exampleOf((r) => r !== '', 'region')) context.report({ node, messageId: 'regionNotAllowed', data: { ...data, region: region!.text, example: example.arn } });
          else if (!region!.wild && !REGION_SHAPE.test(region!.text)) context.report({ node, messageId: 'invalidRegion', data: { ...data, region: region!.text } });
        } else if (region!.placed && !region!.wild && region!.text === '' && !exampleOf((r) => r === '' || r === '*', 'region')) {
          context.report({ node, messageId: 'missingRegion', data: { ...data, example: example.arn } });
        }
        if (account.placed && !mayBeEmpty(account) && !exampleOf((a) => a !== '', 'account')) {
          context.report({ node, messageId: 'accountNotAllowed', data: { ...data, account: account.text, example: example.arn } });
        }
      },
    };
  },
});
