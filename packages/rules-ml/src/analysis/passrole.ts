/**
 * The `iam:PassRole` questions of `ml/passrole-scope`: which services a role may be passed to
 * (the request's `iam:PassedToService` value) and whether an element grants more than one role.
 */
import { compileGlob, compileResourcePattern, findWitnessInSets, literalTokens, type PolicyNode, type ResourceNode, type StatementNode, type SourceLocation, type Term, type Token } from '@iamscope/core';
import { valueTokens } from './key-condition.js';
import { actionUniverse, coversAction, resourceTokens } from './reachable.js';
import { representatives } from './value-classes.js';

/** The action and the condition key this module is about. */
export const PASS_ROLE = 'iam:PassRole';
/** The key the service a role is passed to is tested with. */
export const PASSED_TO_SERVICE = 'iam:PassedToService';

/** Readable service principals used as examples before generated ones. */
const EXAMPLE_SERVICES = [
  'ec2.amazonaws.com',
  'lambda.amazonaws.com',
  'ecs-tasks.amazonaws.com',
  'glue.amazonaws.com',
  'cloudformation.amazonaws.com',
  'codebuild.amazonaws.com',
  'states.amazonaws.com',
  'sagemaker.amazonaws.com',
];

/** One value of an `iam:PassedToService` test, with the operator it is tested under. */
export interface ServiceTest {
  operator: string;
  negated: boolean;
  node: { loc: SourceLocation; value: string | number | boolean | null };
  tokens: Token[] | undefined;
}

/** The values a statement tests `iam:PassedToService` with (string and ARN operators, Null excluded). */
export function serviceTests(statement: StatementNode): ServiceTest[] {
  return (statement.condition?.operators ?? []).flatMap((op) =>
    op.keys
      .filter((k) => k.key.toLowerCase() === PASSED_TO_SERVICE.toLowerCase() && !/^Null$/i.test(op.operator))
      .flatMap((k) =>
        k.values.map((node) => ({
          operator: op.operator,
          negated: /Not/.test(op.operator),
          node,
          tokens: typeof node.value === 'string' ? valueTokens(op.operator, node.value) : undefined,
        })),
      ),
  );
}

/**
 * Services outside `mlServices`, one per class of the `iam:PassedToService` patterns the
 * principal's PassRole statements test, readable examples first (see `representatives`).
 */
export function outsideServices(terms: readonly Term[], mlServices: readonly string[]): string[] {
  const patterns = terms
    .filter((t) => coversAction(t.statement, PASS_ROLE))
    .flatMap((t) => serviceTests(t.statement).flatMap((s) => (s.tokens ? [s.tokens] : [])));
  return representatives(patterns, mlServices.map((g) => compileGlob(g)), EXAMPLE_SERVICES).values;
}

/**
 * Whether a Resource item matches more than one role of some account (a wildcard in the role
 * name or path, or a variable); a wildcard only in the account segment names one role per account,
 * and a role can only be passed in its own account.
 */
export function matchesSeveralRoles(policy: PolicyNode, item: ResourceNode, partition: string): boolean {
  if (item.value === null) return false;
  const pattern = resourceTokens(policy, item.value).tokens;
  const roles = actionUniverse(PASS_ROLE, partition);
  const exact = roles[roles.length - 1]!;
  const first = findWitnessInSets([[exact], [pattern]]);
  if (first.kind !== 'witness') return first.kind === 'unknown';
  const account = first.value.split(':')[4] ?? '';
  const sameAccount = compileResourcePattern(`arn:${partition}:iam::${account}:role/*`).tokens;
  return findWitnessInSets([[exact], [pattern], [sameAccount]], [literalTokens(first.value)]).kind !== 'none';
}
