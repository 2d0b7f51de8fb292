import { lookupActionPattern } from '../catalog/actions.js';
import { lookupConditionKey } from '../catalog/condition-keys.js';
import { serviceActions } from '../catalog/iam-data.js';
import { parseConditionOperator } from '../policy/condition-operator.js';
import type { ActionNode } from '../policy/nodes.js';
import { defineRule } from './define.js';
import { actionSupportsKey, exampleList } from './support/key-support.js';

const serviceCache = new Map<string, string | undefined>();

/**
 * The service a key belongs to (cached) when it is a service-specific key whose service lists it on at
 * least one action: unknown, global (`aws:…`, cross-service session keys) and keys no action of
 * the service lists (a gap in the IAM data) yield undefined.
 */
function keyService(key: string): string | undefined {
  const lower = key.toLowerCase();
  if (!serviceCache.has(lower)) {
    if (serviceCache.size >= 10_000) serviceCache.clear();
    serviceCache.set(lower, findKeyService(key));
  }
  return serviceCache.get(lower);
}

/** {@link keyService} without the cache. */
function findKeyService(key: string): string | undefined {
  const found = lookupConditionKey(key);
  if (found.kind !== 'known' || found.info.global) return undefined;
  const service = key.slice(0, key.indexOf(':')).toLowerCase();
  const actions = serviceActions(service);
  if (!actions || !Object.keys(actions).some((name) => actionSupportsKey(`${service}:${name}`, key))) return undefined;
  return service;
}

/** Flags Action items of a key's own service that never carry the service condition key tested in the same statement. */
export default defineRule({
  name: 'condition-key-action-mismatch',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow service condition keys in statements whose actions of that service never carry the key.',
      details:
        'A service condition key (s3:prefix, ec2:InstanceType, kms:ViaService...) is in the request context only for the actions the service authorization reference lists it for, on the action or on its resource types. For an action of the key\'s service that never carries it, a plain operator is always false and a negated one always true, so the condition does not do what it says. Reported: Action items naming such an action, and wildcard items none of whose actions carry the key. Not reported: global and cross-service keys, actions of other services, "*", NotAction, ...IfExists and Null (written for a missing key), and keys that no action of their service lists. A warning rather than an error: the reference misses some keys that services honour.',
      references: [
        'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html',
      ],
    },
    // Access Analyzer reports an ERROR; a warning here because the reference misses keys that
    // services do honour (e.g. aws-marketplace:ProductId on aws-marketplace:Subscribe), and AWS
    // managed policies trip over those gaps.
    defaultLevel: 'warning',
    recommended: true,
    tags: ['correctness'],
    precision: 'medium',
    accessAnalyzer: ['UNSUPPORTED_ACTION_FOR_CONDITION_KEY'],
    messages: {
      unsupportedActions:
        'Unexpected {{key}} with {{actions}}: the service authorization reference lists the key for none of their actions, so the condition does not apply to them as written; move them to a statement without it.',
    },
  },
  create(context) {
    return {
      Statement(statement) {
        if (!statement.action || statement.notAction) return;
        for (const operator of statement.condition?.operators ?? []) {
          const parsed = parseConditionOperator(operator.operator);
          if (!parsed || parsed.ifExists || parsed.family === 'Null') continue;
          for (const key of operator.keys) {
            const service = keyService(key.key);
            if (!service) continue;
            const unsupported = statement.action.items.filter((item) => itemLacksKey(item, service, key.key));
            if (unsupported.length === 0) continue;
            const actions = exampleList(unsupported.map((item) => item.value!), unsupported.length);
            context.report({ node: key, messageId: 'unsupportedActions', data: { key: key.key, actions } });
          }
        }
      },
    };
  },
});

/** Whether an Action item of the key's service matches actions none of which carries the key. */
function itemLacksKey(item: ActionNode, service: string, key: string): boolean {
  if (item.value === null) return false;
  const found = lookupActionPattern(item.value);
  if (found.kind !== 'known' || found.service.toLowerCase() !== service) return false;
  return !found.actions.some((action) => actionSupportsKey(action, key));
}
