/**
 * Reads the resources of an HCL module that carry IAM policies, principals, attachments and
 * boundaries (the types and arguments of `resource-types.ts`).
 */
import type { Node } from 'web-tree-sitter';
import { hasPlaceholder } from '../placeholder.js';
import type { AttachmentDecl, ExtractedPolicy, PrincipalDecl, Ref, SourceFile } from '../types.js';
import { evaluate, type At } from './evaluate.js';
import { attributesOf, blockHeaderLoc, blocksOf, bodyOf, innerExpression, nodeLoc } from './hcl.js';
import { policyFrom } from './policy-source.js';
import { policyRef, principalRef, type PrincipalKind } from './refs.js';
import { ATTACHMENTS, MEMBERSHIPS, POLICY_ARGUMENTS, PRINCIPALS, type PolicyArgument } from './resource-types.js';
import { tfRef, type Definition, type ModuleScope } from './scope.js';

/** Where readers put what they find: the SourceFile of a file path (module file or referenced JSON). */
export type Output = (file: string) => SourceFile;

/** The expressions of a list argument (`[a, b]` → a, b), or the argument itself. */
function listItems(expr: Node): Node[] {
  const inner = innerExpression(expr);
  const tuple = inner.type === 'collection_value' ? inner.namedChildren[0] : undefined;
  if (tuple?.type !== 'tuple') return [expr];
  return tuple.namedChildren.filter((c): c is Node => c?.type === 'expression');
}

function literalName(block: Node, at: At): string | undefined {
  const expr = attributesOf(block).get('name')?.value;
  const value = expr && evaluate(expr, at);
  return value?.type === 'String' && !hasPlaceholder(value.value) ? value.value : undefined;
}

/** Adds one ExtractedPolicy per distinct use (a data document used by two roles is checked for each). */
function addPolicy(out: Output, file: string, policy: ExtractedPolicy): void {
  const policies = out(file).policies;
  const same = (p: ExtractedPolicy) =>
    p.object === policy.object || (p.object.loc.start.offset === policy.object.loc.start.offset && p.policyType === policy.policyType && p.owner === policy.owner && String(p.refs) === String(policy.refs));
  if (!policies.some(same)) policies.push(policy);
}

/** Reads one policy argument into an ExtractedPolicy (in the file its document is located in). */
function readPolicyArgument(expr: Node, at: At, policy: Omit<ExtractedPolicy, 'object'>, out: Output): void {
  const source = policyFrom(expr, at);
  if (!source) return;
  const path = source.via ? `${source.via} (${policy.path})` : policy.path;
  addPolicy(out, source.file, { ...policy, object: source.object, path });
}

function ownerRef(argument: PolicyArgument, self: Ref, block: Node, at: At): Ref | undefined {
  if (argument.owner === 'self') return self;
  const expr = argument.owner && attributesOf(block).get(argument.owner)?.value;
  return expr && principalRef(expr, at, argument.owner!);
}

function readPolicies(type: string, address: string, block: Node, at: At, out: Output): void {
  const self = tfRef(at.scope, address);
  const attributes = attributesOf(block);
  if (type === 'aws_organizations_policy') {
    const kind = attributes.get('type')?.value;
    const kindValue = kind && evaluate(kind, at);
    if (kindValue && !(kindValue.type === 'String' && kindValue.value === 'SERVICE_CONTROL_POLICY')) return;
  }
  for (const argument of POLICY_ARGUMENTS[type] ?? []) {
    const expr = attributes.get(argument.attribute)?.value;
    if (!expr) continue;
    const name = type === 'aws_iam_policy' ? literalName(block, at) : undefined;
    const refs = type === 'aws_iam_policy' ? [self, ...(name ? [`name:policy/${name}`] : [])] : undefined;
    const owner = ownerRef(argument, self, block, at);
    readPolicyArgument(expr, at, { policyType: argument.policyType, path: `${address}.${argument.attribute}`, ...(refs && { refs }), ...(owner && { owner }) }, out);
  }
  if (type === 'aws_iam_role') {
    blocksOf(bodyOf(block), 'inline_policy').forEach((inline, index) => {
      const expr = attributesOf(inline).get('policy')?.value;
      if (expr) readPolicyArgument(expr, at, { policyType: 'identity', path: `${address}.inline_policy[${index}].policy`, owner: self }, out);
    });
  }
}

function readPrincipal(kind: PrincipalKind, address: string, block: Node, at: At, out: Output): void {
  const name = literalName(block, at);
  const principal: PrincipalDecl = {
    kind,
    refs: [tfRef(at.scope, address), ...(name ? [`name:${kind}/${name}`] : [])],
    name: name ?? address,
    loc: blockHeaderLoc(at.file, block),
  };
  const boundary = attributesOf(block).get('permissions_boundary')?.value;
  const boundaryRef = boundary && policyRef(boundary, at);
  if (boundary && boundaryRef) principal.boundary = { ref: boundaryRef, loc: nodeLoc(at.file, boundary) };
  out(at.file.file).principals.push(principal);
  const managed = attributesOf(block).get('managed_policy_arns')?.value;
  for (const item of managed ? listItems(managed) : []) {
    const policy = policyRef(item, at);
    if (policy) out(at.file.file).attachments.push({ policy, principal: principal.refs[0]!, loc: nodeLoc(at.file, item) });
  }
}

function readAttachments(type: string, block: Node, at: At, out: Output): void {
  const spec = ATTACHMENTS[type]!;
  const attributes = attributesOf(block);
  const policyExpr = attributes.get(spec.policy)?.value;
  if (!policyExpr) return;
  const policies = listItems(policyExpr).flatMap((item) => {
    const ref = policyRef(item, at);
    return ref ? [{ ref, loc: nodeLoc(at.file, item) }] : [];
  });
  for (const [attribute, kind] of spec.principals) {
    const expr = attributes.get(attribute)?.value;
    for (const item of expr ? listItems(expr) : []) {
      const principal = principalRef(item, at, kind);
      if (!principal) continue;
      for (const policy of policies) out(at.file.file).attachments.push({ policy: policy.ref, principal, loc: policy.loc } satisfies AttachmentDecl);
    }
  }
}

/** Group memberships, recorded on the user's PrincipalDecl when the module declares the user. */
function readMembership(type: string, block: Node, at: At, principals: PrincipalDecl[]): void {
  const spec = MEMBERSHIPS[type]!;
  const attributes = attributesOf(block);
  const userExpr = attributes.get(spec.user)?.value;
  const groupExpr = attributes.get(spec.group)?.value;
  if (!userExpr || !groupExpr) return;
  for (const userItem of spec.list === 'user' ? listItems(userExpr) : [userExpr]) {
    const user = principals.find((p) => p.kind === 'user' && p.refs.includes(principalRef(userItem, at, 'user') ?? ''));
    if (!user) continue;
    for (const groupItem of spec.list === 'group' ? listItems(groupExpr) : [groupExpr]) {
      const group = principalRef(groupItem, at, 'group');
      if (group) (user.groups ??= []).push({ ref: group, loc: nodeLoc(at.file, groupItem) });
    }
  }
}

/**
 * Reads every resource of a module: policies (typed by the argument they are used in), principals
 * with their boundaries and managed policies, attachments and group memberships.
 * @param scope the module
 * @param out the SourceFile of a path, where findings are put
 */
export function readResources(scope: ModuleScope, out: Output): void {
  const entries = [...scope.resources].map(([address, definition]): [string, string, Definition] => [address, address.split('.')[0]!, definition]);
  for (const [address, type, { node, file }] of entries) {
    const at: At = { scope, file };
    readPolicies(type, address, node, at, out);
    const kind = PRINCIPALS[type];
    if (kind) readPrincipal(kind, address, node, at, out);
    if (ATTACHMENTS[type]) readAttachments(type, node, at, out);
  }
  const principals = scope.files.flatMap((file) => out(file.file).principals);
  for (const [, type, { node, file }] of entries) if (MEMBERSHIPS[type]) readMembership(type, node, { scope, file }, principals);
}
