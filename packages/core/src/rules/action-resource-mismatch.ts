import { startsWithPlaceholder } from '../sources/placeholder.js';
import { substitutesVariables } from '../policy/variables.js';
import { lookupActionPattern } from '../catalog/actions.js';
import { actionResourceFormats } from '../catalog/resource-formats.js';
import { compileResourcePattern } from '../pattern/arn.js';
import { compileLooseArnTemplate } from '../pattern/arn-template.js';
import type { Token } from '../pattern/tokens.js';
import { overlaps, QUICK_STATE_BUDGET } from '../pattern/witness.js';
import { defineRule, elementUrl } from './define.js';
import { isApiGatewayShorthand } from './support/arn-fields.js';

const looseTemplates = new Map<string, Token[]>();

/** Text before the first wildcard or placeholder (`*`, `?`, `${`). */
function literalPrefix(text: string): string {
  const end = text.search(/[*?]|\$\{/);
  return end === -1 ? text : text.slice(0, end);
}

const WILD = /[*?]|\$\{/;

/**
 * The service and (when also certain) the resource part of an ARN pattern. The service is certain
 * when the partition and service fields hold no wildcard or variable; the resource part only when
 * region and account hold none either (a `*` ending those fields may run past the colon).
 */
function fixedFields(text: string): { service: string; resource?: string } | undefined {
  const fields = text.split(':');
  if (fields.length < 3 || fields[0] !== 'arn' || fields.slice(1, 3).some((f) => WILD.test(f))) return undefined;
  const resourceCertain = fields.length >= 6 && !fields.slice(3, 5).some((f) => WILD.test(f));
  return { service: fields[2]!, resource: resourceCertain ? fields.slice(5).join(':') : undefined };
}

/**
 * Whether some ARN of `format` can match the resource pattern. When the pattern's leading fields
 * are plain text, a different service, or resource parts whose literal beginnings disagree
 * (`instance/` and `volume/`), decide at once; otherwise the patterns are intersected exactly.
 */
function fits(resource: { text: string; tokens: Token[] }, format: string): boolean {
  const fixed = fixedFields(resource.text);
  if (fixed) {
    const fields = format.split(':');
    const service = fields[2] ?? '';
    if (!WILD.test(service) && fixed.service !== service) return false;
    // the format's first five fields are placeholders or plain text without ':', so its resource part starts after the 5th colon
    if (fixed.resource !== undefined) {
      const a = literalPrefix(fixed.resource);
      const b = literalPrefix(fields.slice(5).join(':'));
      if (!a.startsWith(b) && !b.startsWith(a)) return false;
    }
  }
  let template = looseTemplates.get(format);
  if (!template) looseTemplates.set(format, (template = compileLooseArnTemplate(format)));
  return overlaps([resource.tokens, template], QUICK_STATE_BUDGET);
}

/**
 * Flags an `Action` value none of whose actions can apply to any listed `Resource`: S3 object
 * actions on an EC2 ARN, or actions that take only `"*"` next to specific ARNs. Such a value
 * grants (or, in a Deny, blocks) nothing.
 */
export default defineRule({
  name: 'action-resource-mismatch',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow actions that cannot apply to any resource listed in the statement.',
      details:
        'Each action acts on certain resource types (s3:GetObject on objects, sagemaker:CreateTrainingJob on training jobs); some take only "*" (s3:ListAllMyBuckets, ecr:GetAuthorizationToken). When no listed Resource can be a resource of any action an Action value matches, the value grants nothing in an Allow and blocks nothing in a Deny, usually because the ARN names the wrong service or resource type. IAM saves such policies, so the default level is warning. Resource types and ARN formats come from the bundled service authorization reference; statements with a Resource of "*", with API Gateway\'s short form execute-api:/…, or with NotResource are not checked.',
      references: [elementUrl('resource'), 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html'],
    },
    defaultLevel: 'warning',
    recommended: true,
    tags: ['correctness', 'security'],
    securitySeverity: 3.0,
    precision: 'high',
    messages: {
      noFittingResource: 'No listed Resource can be a resource of {{actions}}; the action value has no effect here.',
      onlyStar: '{{actions}} takes only "*" as Resource; the listed ARNs give it no effect.',
    },
  },
  create(context) {
    return {
      Statement(statement) {
        const items = statement.resource?.items ?? [];
        if (!statement.action || items.length === 0 || items.some((i) => i.value === null || i.value === '*' || isApiGatewayShorthand(i.value) || startsWithPlaceholder(i.value))) return;
        const variables = substitutesVariables(context.policy) ? 'wildcard' : 'literal';
        const resources = items.map((i) => ({ text: i.value!, tokens: compileResourcePattern(i.value!, { variables }).tokens }));
        for (const node of statement.action.items) {
          if (node.value === null) continue;
          const found = lookupActionPattern(node.value);
          if (found.kind !== 'known') continue;
          const formats = found.actions.map((action) => actionResourceFormats(action) ?? []);
          if (formats.some((list) => list.some((format) => resources.some((r) => fits(r, format))))) continue;
          const actions = JSON.stringify(node.value);
          context.report({ node, messageId: formats.every((list) => list.length === 0) ? 'onlyStar' : 'noFittingResource', data: { actions } });
        }
      },
    };
  },
});
