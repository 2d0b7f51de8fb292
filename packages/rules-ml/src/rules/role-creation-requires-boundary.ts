import { access, effectivePermissions, policySetsFor, findWitnessInSets, matches, parseConditionOperator, partitionOf, type PolicyNode, type RuleContext, type SourceLocation, type Token } from '@iamscope/core';
import { defineRule } from '../define.js';
import { grantSites, reachFrom } from '../analysis/grants.js';
import { requestKeys, specialize, valueTokens } from '../analysis/key-condition.js';
import { actionUniverse, resourceTokens } from '../analysis/reachable.js';
import { freshValue } from '../analysis/value-classes.js';

const BOUNDARY_KEY = 'iam:PermissionsBoundary';
/** Actions that create a principal or give one permissions; all support iam:PermissionsBoundary. */
const GRANTING = ['iam:CreateRole', 'iam:CreateUser', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:PutUserPolicy', 'iam:AttachUserPolicy'];
/** Actions that remove a boundary, or replace it (evaluated with a boundary the policy does not name). */
const REMOVING = ['iam:DeleteRolePermissionsBoundary', 'iam:DeleteUserPermissionsBoundary'];
const REPLACING = ['iam:PutRolePermissionsBoundary', 'iam:PutUserPermissionsBoundary'];
/** Actions that rewrite the boundary policy itself. */
const REWRITING = ['iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion'];
/** The example of a boundary that caps nothing. */
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

/**
 * The `iam:PermissionsBoundary` values the policy requires, as written: tested by positive
 * operators of Allow statements, or by negated operators of Deny statements ("deny unless").
 */
function requiredBoundaries(policy: PolicyNode): { value: string; tokens: Token[] }[] {
  return policy.statements.flatMap((s) =>
    (s.condition?.operators ?? []).flatMap((op) => {
      const parsed = parseConditionOperator(op.operator);
      if (!parsed || parsed.family === 'Null' || parsed.negated !== (s.effect?.value === 'Deny')) return [];
      return op.keys
        .filter((k) => k.key.toLowerCase() === BOUNDARY_KEY.toLowerCase())
        .flatMap((k) => k.values.flatMap((v) => (typeof v.value === 'string' ? [{ value: v.value, tokens: valueTokens(op.operator, v.value) }] : [])))
        .flatMap((v) => (v.tokens ? [{ value: v.value, tokens: v.tokens }] : []));
    }),
  );
}

/** A concrete policy ARN a boundary value names (itself, or an example for a pattern). */
function boundaryArn(policy: PolicyNode, value: string, partition: string): string | undefined {
  const tokens = resourceTokens(policy, value).tokens;
  for (const candidate of actionUniverse('iam:CreatePolicyVersion', partition)) {
    const found = findWitnessInSets([[candidate], [tokens]]);
    if (found.kind === 'witness') return found.value;
  }
  return undefined;
}

/** One finding per element and message: the first action found, the others listed after it. */
class Findings {
  private readonly byKey = new Map<string, { loc: SourceLocation; messageId: string; uncertain: boolean; data: Record<string, string>; more: string[] }>();

  /** Records `action` on `loc`; a later action for the same element and kind joins the first. */
  add(loc: SourceLocation, kind: string, uncertain: boolean, action: string, data: Record<string, string>): void {
    const messageId = uncertain ? `may${kind[0]!.toUpperCase()}${kind.slice(1)}` : kind;
    const key = `${loc.start.offset}|${messageId}`;
    const found = this.byKey.get(key);
    if (found) {
      if (found.data['action'] !== action && !found.more.includes(action)) found.more.push(action);
    } else this.byKey.set(key, { loc, messageId, uncertain, data: { ...data, action }, more: [] });
  }

  /** Reports every finding. */
  report(context: RuleContext): void {
    for (const f of this.byKey.values()) {
      const more = f.more.length > 0 ? ` (also ${f.more.map((a) => `"${a}"`).join(', ')})` : '';
      context.report({ loc: f.loc, messageId: f.messageId, uncertain: f.uncertain, data: { ...f.data, more } });
    }
  }
}

/**
 * `ml/role-creation-requires-boundary`: creating roles or users, or giving them policies, allowed
 * without requiring a permissions boundary (`iam:PermissionsBoundary`); and, in policies that allow
 * that, removing, replacing or rewriting the boundary not denied.
 */
export default defineRule({
  name: 'role-creation-requires-boundary',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an iam:PermissionsBoundary condition on role and user creation and policy changes, and deny boundary removal.',
      details:
        'The seed\'s guardrail against IAM escalation: a principal that may create roles or users, or put or attach policies to them, must be made to set a permissions boundary (a positive StringEquals or ArnEquals on iam:PermissionsBoundary, not IfExists), or it can create a role with more access than itself. The rule evaluates each of CreateRole, CreateUser, Put/AttachRolePolicy and Put/AttachUserPolicy for a request without a boundary and with a boundary the policy does not name (AdministratorAccess), subtracting the policy\'s Deny statements. When the policy allows these actions, it also checks that deleting a role or user boundary, putting another boundary, and CreatePolicyVersion or SetDefaultPolicyVersion on the required boundary policy are not allowed. Findings name the action and a resource; other conditions make them "may".',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PermissionsBoundary',
        'https://aws.amazon.com/blogs/security/delegate-permission-management-to-developers-using-iam-permissions-boundaries/',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['identity'],
    tags: ['security', 'privilege-escalation', 'permissions-boundary', 'external/cwe/cwe-269'],
    securitySeverity: 8.1,
    precision: 'high',
    messages: {
      withoutBoundary: '{{element}} allows "{{action}}"{{more}} on "{{resource}}" with {{boundary}}; require a boundary with a StringEquals condition on iam:PermissionsBoundary.',
      mayWithoutBoundary:
        '{{element}} may allow "{{action}}"{{more}} on "{{resource}}" with {{boundary}}, depending on a condition or policy variable; require a boundary with a StringEquals condition on iam:PermissionsBoundary.',
      boundaryTampering: '{{element}} allows "{{action}}"{{more}} on "{{resource}}", which can remove, replace or rewrite a permissions boundary; deny it.',
      mayBoundaryTampering:
        '{{element}} may allow "{{action}}"{{more}} on "{{resource}}", which can remove, replace or rewrite a permissions boundary, depending on a condition or policy variable; deny it.',
    },
  },
  create(context) {
    return {
      Policy(policy) {
        const partition = partitionOf(context.settings);
        const findings = new Findings();
        // once per principal the policy applies to (its boundary and other policies count), or alone
        for (const set of policySetsFor(policy, context.principals)) {
          const perms = effectivePermissions(set);
          const required = requiredBoundaries(policy);
          const other = freshValue(required.map((r) => r.tokens), ADMIN);
          const requests = [
            { keys: requestKeys({ [BOUNDARY_KEY]: undefined }), boundary: 'no permissions boundary' },
            { keys: requestKeys({ [BOUNDARY_KEY]: other }), boundary: `a permissions boundary it does not name, e.g. "${other}"` },
          ];
          let grants = false;
          for (const action of GRANTING) {
            for (const site of grantSites(policy, action)) {
              grants ||= reachFrom(perms, policy, site, action, partition) !== undefined;
              for (const request of requests) {
                const reach = reachFrom(specialize(perms, request.keys), policy, site, action, partition);
                if (!reach) continue;
                findings.add(site.loc, 'withoutBoundary', reach.uncertain, action, { element: site.element, resource: reach.resource, boundary: request.boundary });
                break;
              }
            }
          }
          if (!grants) continue;
          const tampering = [
            ...REMOVING.map((action) => ({ action, perms })),
            ...REPLACING.map((action) => ({ action, perms: specialize(perms, requestKeys({ [BOUNDARY_KEY]: other })) })),
          ];
          for (const { action, perms: specialised } of tampering) {
            for (const site of grantSites(policy, action)) {
              const reach = reachFrom(specialised, policy, site, action, partition);
              if (!reach) continue;
              findings.add(site.loc, 'boundaryTampering', reach.uncertain, action, { element: site.element, resource: reach.resource });
            }
          }
          const boundaries = [...new Set(required.flatMap((r) => boundaryArn(policy, r.value, partition) ?? []))];
          const reported = new Set<string>();
          for (const action of REWRITING) {
            for (const arn of boundaries) {
              const decision = access(perms, action, arn);
              if (decision.verdict === 'denied' || decision.verdict === 'not-allowed') continue;
              const site = grantSites(policy, action).find((g) =>
                'item' in g.grant
                  ? matches(g.grant.item.value ?? '', arn, 'resource') !== 'no'
                  : g.grant.notResource.every((i) => matches(i.value ?? '', arn, 'resource') !== 'yes'),
              );
              if (!site || reported.has(`${action}|${site.loc.start.offset}`)) continue;
              reported.add(`${action}|${site.loc.start.offset}`);
              findings.add(site.loc, 'boundaryTampering', decision.verdict === 'conditional', action, { element: site.element, resource: arn });
            }
          }
        }
        findings.report(context);
      },
    };
  },
});
