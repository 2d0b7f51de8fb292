import { actionMatches, partitionOf, type LocatedMessage, type PolicyNode, type Principal, type ReportDescriptor, type SourceLocation } from '@iamscope/core';
import { defineRule } from '../define.js';
import { administrator, applies, type Applied } from '../privesc/apply.js';
import { ESCALATION_METHODS } from '../privesc/catalog.js';
import { PathFinder, type EscalationPath } from '../privesc/paths.js';
import { PermissionView, type Grant } from '../privesc/view.js';
import { mlSettings } from '../settings.js';

interface Options extends Record<string, unknown> {
  /** The most hops a path through the scan's roles may have. */
  depth: number;
  /** Also report methods that need an existing resource the policies do not show (a function, an instance, a stack). */
  existingResources: boolean;
}

/** Where a grant sits: its Action item (or NotAction) in a scanned file, or the attachment of an AWS managed policy. */
type Locate = (grant: Grant) => { file: string; loc: SourceLocation };

/** Locators by group of files (built once per group, not once per principal). */
const locators = new WeakMap<readonly Principal[], Locate>();

function locator(principals: readonly Principal[]): Locate {
  const cached = locators.get(principals);
  if (cached) return cached;
  const external = new Map<PolicyNode, { file: string; loc: SourceLocation }>();
  for (const p of principals) for (const e of p.external) if (e.policy) external.set(e.policy, { file: e.file, loc: e.loc });
  const locate: Locate = (grant) => {
    const outside = external.get(grant.policy);
    if (outside) return outside;
    const s = grant.statement;
    const item = s.action?.items.find((i) => i.value !== null && actionMatches(i.value, grant.action));
    return { file: grant.policy.origin.file, loc: item?.loc ?? s.notAction?.loc ?? s.loc };
  };
  locators.set(principals, locate);
  return locate;
}

const describe = (g: Grant) => `"${g.action}" on "${g.resource}"`;

/** The subject of a message: `role "x"`, or this policy. */
function subjectOf(principal: Principal | undefined): string {
  return principal ? `${principal.kind[0]!.toUpperCase()}${principal.kind.slice(1)} "${principal.name}"` : 'This policy';
}

/** One result: the method's pivotal grant, the other grants as related locations, the path as a flow. */
function finding(subject: string, applied: Applied, path: EscalationPath | undefined, locate: Locate): ReportDescriptor & { file: string } {
  const [pivot, ...others] = applied.grants;
  const at = locate(pivot!);
  const related: LocatedMessage[] = others.map((g) => ({ ...locate(g), message: `allows ${describe(g)}` }));
  const { method } = applied;
  const data = { subject, title: method.title, id: method.id, actions: applied.grants.map(describe).join(', '), gains: method.gains };
  if (!path) {
    const uncertain = applied.uncertain || method.category === 'existing-resource' || method.outside !== undefined;
    return { ...at, messageId: uncertain ? 'mayEscalate' : 'escalate', uncertain, data, related };
  }
  const flow: LocatedMessage[] = path.hops.map((hop, i) => ({
    ...locate(hop.grants[0]!),
    message: `${i === 0 ? subject : `role "${path.hops[i - 1]!.to.name}"`} gets the permissions of role "${hop.to.name}" by ${hop.method.id} (${hop.grants.map(describe).join(', ')})`,
  }));
  const last = path.hops[path.hops.length - 1]!.to;
  if (path.goal.grant) flow.push({ ...locate(path.goal.grant), message: `role "${last.name}" has ${path.goal.what}` });
  const chain = [subject, ...path.hops.map((h) => `role "${h.to.name}" (${h.method.id})`), path.goal.what].join(' → ');
  const uncertain = path.hops.some((h) => h.uncertain) || path.goal.uncertain;
  return { ...at, messageId: uncertain ? 'mayEscalatePath' : 'escalatePath', uncertain, data: { ...data, goal: path.goal.what, count: path.hops.length, chain }, related, flow };
}

/**
 * The findings of one principal (or standalone policy): each method that applies on its own, and
 * each method that starts a path through the scan's roles to a goal (with the path), once per method.
 */
function findings(view: PermissionView, principal: Principal | undefined, paths: PathFinder, options: Options, locate: Locate): (ReportDescriptor & { file: string })[] {
  // a principal that may already do everything has nothing to escalate to (other rules flag `*` on `*`)
  if (administrator(view)?.uncertain === false) return [];
  const subject = subjectOf(principal);
  const byPath = paths.pathsFrom(view, principal);
  const hasBoundary = principal ? principal.boundaryRef !== undefined : true;
  return ESCALATION_METHODS.flatMap((method) => {
    if (method.category === 'existing-resource' && !options.existingResources) return [];
    const path = byPath.get(method.id);
    const applied = path?.hops[0] ?? applies(view, method, { hasBoundary });
    return applied ? [finding(subject, applied, path, locate)] : [];
  });
}

/** Path finders by group of files (the engine passes the same principal list for every principal of a group). */
const finders = new WeakMap<readonly Principal[], Map<string, PathFinder>>();

/**
 * `ml/privilege-escalation`: a principal (or standalone identity policy) that can make itself more
 * powerful by one of the catalogued methods (`privesc/catalog.ts`), decided with every Deny,
 * NotAction, NotResource and permissions boundary, across all the principal's policies in any
 * file; and paths through the scan's roles (pass a role to a service, assume a role) that end at
 * administrator access or a configured target, reported with each hop located.
 */
export default defineRule<Options>({
  name: 'privilege-escalation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow permissions that let a principal escalate its privileges, alone or through the roles of the scan.',
      details:
        "A principal that can edit its own policies, publish a policy version, attach a policy, create another user's credentials, assume any role, or pass a role to a service it controls (iam:PassRole with sagemaker:CreateNotebookInstance, lambda:CreateFunction, …) can become administrator. The rule checks iamscope's catalog of 108 published methods against all policies of each principal together (inline, attached, group, AWS managed), with Deny, NotAction, NotResource and the permissions boundary; an iam:PermissionsBoundary condition or an iam:PassedToService value for another service defeats a method, other conditions make it \"may\". It follows paths through the scan's roles (passed to a service they trust, or assumed) breadth first to administrator access or settings.ml.escalationTargets, and reports the shortest path step by step (SARIF codeFlows), on the Action that grants the pivotal action.",
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
        'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['identity'],
    tags: ['security', 'privilege-escalation', 'least-privilege', 'external/cwe/cwe-269'],
    securitySeverity: 8.5,
    precision: 'high',
    schema: {
      type: 'object',
      properties: {
        depth: { type: 'integer', minimum: 1, maximum: 20, description: 'The most hops a path through the scan\'s roles may have (default 5).' },
        existingResources: {
          type: 'boolean',
          description: 'Also report methods that need an existing resource the policies do not show, such as a Lambda function or an instance with a role (default false); they are "may" findings.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { depth: 5, existingResources: false },
    messages: {
      escalate: '{{subject}} can escalate its privileges: {{title}} ({{id}}), allowed by {{actions}}; it ends up with {{gains}}.',
      mayEscalate: '{{subject}} may escalate its privileges, depending on a condition, a policy variable or an existing resource: {{title}} ({{id}}), allowed by {{actions}}; it would end up with {{gains}}.',
      escalatePath: '{{subject}} can reach {{goal}} in {{count}} hop(s) through the roles of the scan, starting with {{title}} ({{id}}): {{chain}}.',
      mayEscalatePath: '{{subject}} may reach {{goal}} in {{count}} hop(s) through the roles of the scan, depending on a condition or policy variable, starting with {{title}} ({{id}}): {{chain}}.',
    },
  },
  create(context, options) {
    return {
      Policy(policy) {
        // a policy of a principal is checked with the principal (checkPrincipal), once
        if (context.principals.length > 0) return;
        const partition = partitionOf(context.settings);
        const view = new PermissionView({ identity: [policy] }, partition);
        const paths = new PathFinder([], partition, mlSettings(context.settings).escalationTargets, options.depth);
        for (const { file, ...descriptor } of findings(view, undefined, paths, options, locator([]))) if (file === context.file) context.report(descriptor);
      },
    };
  },
  checkPrincipal(principal, context, options) {
    const partition = partitionOf(context.settings);
    const { escalationTargets } = mlSettings(context.settings);
    // one path finder per group of files and configuration: role views and goals are computed once
    const key = JSON.stringify([partition, escalationTargets, options.depth]);
    const byKey = finders.get(context.principals) ?? new Map<string, PathFinder>();
    finders.set(context.principals, byKey);
    let paths = byKey.get(key);
    if (!paths) {
      paths = new PathFinder(context.principals, partition, escalationTargets, options.depth);
      byKey.set(key, paths);
    }
    for (const descriptor of findings(paths.viewOf(principal), principal, paths, options, locator(context.principals))) context.report(descriptor);
  },
});
