import {
  effectivePermissions,
  matchTokens,
  partitionOf,
  policySetsFor,
  type EffectivePermissions,
  type PolicyNode,
  type StatementNode,
} from '@iamscope/core';
import { defineRule } from '../define.js';
import { requestKeys, specialize } from '../analysis/key-condition.js';
import { grantSites } from '../analysis/grants.js';
import { reachable, type Grant, type Reach } from '../analysis/reachable.js';
import { matchesSeveralRoles, outsideServices, PASS_ROLE, PASSED_TO_SERVICE, serviceTests } from '../analysis/passrole.js';
import { reportOnce } from '../report-once.js';
import { mlSettings } from '../settings.js';

/** A role and a service outside `mlServices` that one grant lets through, and whether that is certain. */
interface Escape extends Reach {
  service: string;
}

/**
 * The first service of `services` to which `statement`'s `grant` lets a role be passed, after the
 * principal's Denies, with the statement's own other conditions making it "may".
 */
function escape(perms: EffectivePermissions, policy: PolicyNode, statement: StatementNode, grants: Grant[], services: string[], partition: string): Escape | undefined {
  let possible: Escape | undefined;
  for (const service of services) {
    const specialised = specialize(perms, requestKeys({ [PASSED_TO_SERVICE]: service }));
    const own = specialised.terms.find((t) => t.statement === statement);
    if (!own) continue;
    for (const grant of grants) {
      const reach = reachable(specialised, policy, grant, PASS_ROLE, partition);
      if (!reach) continue;
      const found = { ...reach, service, uncertain: reach.uncertain || own.conditional };
      if (!found.uncertain) return found;
      possible ??= found;
    }
  }
  return possible;
}

/**
 * `ml/passrole-scope`: `iam:PassRole` that lets roles go to services outside
 * `settings.ml.mlServices`: on role wildcards (or NotResource) without an `iam:PassedToService`
 * limit, reported on the Resource item; or with `iam:PassedToService` values outside the list,
 * reported on the value. Each finding names a role and a service it reaches.
 */
export default defineRule({
  name: 'passrole-scope',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow iam:PassRole of wildcard roles without iam:PassedToService, or to services outside settings.ml.mlServices.',
      details:
        'A principal that may pass a role to a service lets that service act with the role\'s permissions. ML roles need to pass their execution roles to SageMaker (and, for pipelines, Step Functions or Lambda: settings.ml.mlServices), nothing else. The rule flags iam:PassRole on a Resource that matches several roles (a wildcard in the role name, or NotResource) when iam:PassedToService does not limit the services, and iam:PassedToService values that admit a service outside the list. It decides the request (role, service) exactly: the policy\'s Deny statements, including a Deny with StringNotEquals on iam:PassedToService, are subtracted, and the finding names a role and a service that remain allowed. Other conditions make the result "may" and lower its level one step. Core\'s pass-role-wildcard reports PassRole on every role; this rule reports where the role may go.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService',
        'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-pass-role',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['identity'],
    tags: ['security', 'privilege-escalation', 'least-privilege', 'external/cwe/cwe-269'],
    securitySeverity: 7.8,
    precision: 'high',
    messages: {
      anyService:
        '{{element}} lets iam:PassRole hand roles to services outside settings.ml.mlServices ({{services}}) because iam:PassedToService does not limit them, e.g. "{{role}}" to "{{service}}".',
      mayAnyService:
        '{{element}} may let iam:PassRole hand roles to services outside settings.ml.mlServices ({{services}}) because iam:PassedToService does not limit them, e.g. "{{role}}" to "{{service}}", depending on a condition or policy variable.',
      serviceOutsideScope:
        'iam:PassedToService value {{value}} lets iam:PassRole hand roles to a service outside settings.ml.mlServices ({{services}}), e.g. "{{role}}" to "{{service}}".',
      mayServiceOutsideScope:
        'iam:PassedToService value {{value}} may let iam:PassRole hand roles to a service outside settings.ml.mlServices ({{services}}), e.g. "{{role}}" to "{{service}}", depending on a condition or policy variable.',
    },
  },
  create(context) {
    return {
      Policy(policy) {
        const { mlServices } = mlSettings(context.settings);
        const partition = partitionOf(context.settings);
        const report = reportOnce(context);
        // once per principal the policy applies to (its boundary and other policies count), or alone
        for (const set of policySetsFor(policy, context.principals)) {
          const perms = effectivePermissions(set);
          const candidates = outsideServices(perms.terms, mlServices);
          if (candidates.length === 0) continue;
          const services = mlServices.join(', ') || 'none';
          const sites = grantSites(policy, PASS_ROLE);
          for (const statement of new Set(sites.map((site) => site.statement))) {
            const own = sites.filter((site) => site.statement === statement);
            const positive = serviceTests(statement).filter((t) => !t.negated);
            if (positive.length > 0) {
              for (const test of positive) {
                const tokens = test.tokens;
                if (!tokens) continue;
                const inValue = candidates.filter((s) => matchTokens(tokens, s));
                const found = escape(perms, policy, statement, own.map((site) => site.grant), inValue, partition);
                if (!found) continue;
                report({
                  loc: test.node.loc,
                  messageId: found.uncertain ? 'mayServiceOutsideScope' : 'serviceOutsideScope',
                  uncertain: found.uncertain,
                  data: { value: JSON.stringify(test.node.value), services, role: found.resource, service: found.service },
                });
              }
              continue;
            }
            for (const site of own) {
              if ('item' in site.grant && !matchesSeveralRoles(policy, site.grant.item, partition)) continue;
              const found = escape(perms, policy, statement, [site.grant], candidates, partition);
              if (!found) continue;
              report({
                loc: site.loc,
                messageId: found.uncertain ? 'mayAnyService' : 'anyService',
                uncertain: found.uncertain,
                data: { element: site.element, services, role: found.resource, service: found.service },
              });
            }
          }
        }
      },
    };
  },
});
