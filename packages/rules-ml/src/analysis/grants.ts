/**
 * The granting elements of a policy for one action, and the first one that lets a request
 * through (shared by the rules that ask "which element allows this action, and on what?").
 */
import type { EffectivePermissions, PolicyNode, SourceLocation, StatementNode } from '@iamscope/core';
import { coversAction, reachable, type Grant, type Reach } from './reachable.js';

/** A granting element with where to report it and how to name it in a message. */
export interface GrantSite {
  statement: StatementNode;
  grant: Grant;
  loc: SourceLocation;
  /** `Resource "…"` or `NotResource`. */
  element: string;
}

/** The Resource items (or NotResource element) of the policy's Allow statements that cover `action`. */
export function grantSites(policy: PolicyNode, action: string): GrantSite[] {
  return policy.statements.flatMap((statement): GrantSite[] => {
    if (statement.effect?.value !== 'Allow' || !coversAction(statement, action)) return [];
    if (statement.resource) {
      return statement.resource.items.map((item) => ({ statement, grant: { item }, loc: item.loc, element: `Resource ${JSON.stringify(item.value)}` }));
    }
    if (statement.notResource) return [{ statement, grant: { notResource: statement.notResource.items }, loc: statement.notResource.loc, element: 'NotResource' }];
    return [];
  });
}

/**
 * What `site` lets through for `action` under `perms` (see `reachable`), made "may" when the
 * site's own statement is conditional there; undefined when nothing, or when the statement does
 * not apply to these requests (its condition fails).
 */
export function reachFrom(perms: EffectivePermissions, policy: PolicyNode, site: GrantSite, action: string, partition: string): Reach | undefined {
  const own = perms.terms.find((t) => t.statement === site.statement);
  if (!own) return undefined;
  const reach = reachable(perms, policy, site.grant, action, partition);
  return reach && { ...reach, uncertain: reach.uncertain || own.conditional };
}
