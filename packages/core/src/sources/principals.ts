/**
 * The principal model shared by every input format: roles, users and groups with the policies
 * that apply to them, joined across the files of one group by the references the readers record
 * (`types.ts`). Source of truth: IAM User Guide, "Policy evaluation logic" (identity policies of
 * the principal, its groups' policies for a user, one permissions boundary) and "Managed policies
 * and inline policies".
 */
import type { PolicyNode } from '../policy/nodes.js';
import type { SourceLocation } from '../source/location.js';
import type { PolicySet } from '../analysis/resource-gaps.js';
import { principalPolicySet } from '../analysis/principal-set.js';
import type { AttachmentDecl, ExtractedPolicy, PrincipalDecl, Ref, SourceFile } from './types.js';

/** A place in a scanned file: file path and location. */
export interface FileLocation {
  file: string;
  loc: SourceLocation;
}

/** A managed policy attached by ARN whose document the scan does not hold. */
export interface ExternalAttachment extends FileLocation {
  /** The reference as written (an ARN, or a name / address that matched nothing). */
  ref: Ref;
  /** The AWS managed policy document, when the ARN names one in iamscope's snapshot. */
  policy?: PolicyNode;
}

/** A role, user or group with everything that decides its permissions. */
export interface Principal extends FileLocation {
  kind: PrincipalDecl['kind'];
  /** IAM name when literal, else the logical id or Terraform address. */
  name: string;
  cdkPath?: string;
  /** Identity policies found in the scan: inline, attached, and (for users) their groups'. */
  identity: PolicyNode[];
  /** The permissions boundary, when the scan or the AWS managed-policy snapshot holds it. */
  boundary?: PolicyNode;
  /** The boundary reference, also when its document is unknown. */
  boundaryRef?: ExternalAttachment;
  /** Trust policies (a role's AssumeRolePolicyDocument). */
  trust: PolicyNode[];
  /** Attachments whose document is not in the scan (AWS managed policies, other accounts' ARNs…). */
  external: ExternalAttachment[];
  /** Groups the user belongs to (as declared), for messages. */
  groups: string[];
}

/** A policy document with its source facts, as the engine built it. */
export interface BuiltPolicy {
  extracted: ExtractedPolicy;
  node: PolicyNode;
}

/** What the join produced: principals, and for each policy the principals it applies to. */
export interface PrincipalModel {
  principals: Principal[];
  /** For each policy node: the principals whose permissions it is part of (identity, boundary or trust). */
  byPolicy: Map<PolicyNode, Principal[]>;
}

/** Resolves an AWS managed policy by ARN (the engine passes the snapshot lookup). */
export type ManagedPolicyLookup = (arn: string) => PolicyNode | undefined;

/**
 * Joins the declarations of a group of files into principals. Boundaries found in the scan are
 * retyped `boundary` (their `origin.policyType`), whatever type their reader gave them.
 * Attachments that name nothing in the scan are looked up with `managed` and otherwise kept as
 * {@link ExternalAttachment}s without a document.
 * @param files the readers' output for every file of the group
 * @param built the policy nodes built from the files' `policies`, in the same order per file
 * @param managed looks up AWS managed policies by ARN
 * @returns the principals and, per policy, the principals it applies to
 */
export function joinPrincipals(files: readonly SourceFile[], built: ReadonlyMap<ExtractedPolicy, PolicyNode>, managed: ManagedPolicyLookup): PrincipalModel {
  const byRef = new Map<Ref, PolicyNode[]>();
  const owned = new Map<Ref, BuiltPolicy[]>();
  const attachments: (AttachmentDecl & { file: string })[] = [];
  const decls: (PrincipalDecl & { file: string })[] = [];
  for (const source of files) {
    for (const extracted of source.policies) {
      const node = built.get(extracted);
      if (!node) continue;
      for (const ref of extracted.refs ?? []) push(byRef, ref, node);
      if (extracted.owner !== undefined) push(owned, extracted.owner, { extracted, node });
    }
    for (const a of source.attachments) attachments.push({ ...a, file: source.file });
    for (const d of source.principals) decls.push({ ...d, file: source.file });
  }
  const resolve = (ref: Ref, at: FileLocation): { nodes: PolicyNode[]; external?: ExternalAttachment } => {
    const nodes = byRef.get(ref);
    if (nodes) return { nodes };
    const policy = ref.startsWith('arn:') ? managed(ref) : undefined;
    return { nodes: [], external: { ...at, ref, ...(policy ? { policy } : {}) } };
  };
  const principals: Principal[] = decls.map((d) => {
    const p: Principal = { kind: d.kind, name: d.name, file: d.file, loc: d.loc, identity: [], trust: [], external: [], groups: [], ...(d.cdkPath ? { cdkPath: d.cdkPath } : {}) };
    for (const ref of d.refs) {
      for (const { node } of owned.get(ref) ?? []) (node.origin.policyType === 'trust' ? p.trust : p.identity).push(node);
    }
    for (const a of attachments) {
      if (!d.refs.includes(a.principal)) continue;
      const { nodes, external } = resolve(a.policy, { file: a.file, loc: a.loc });
      p.identity.push(...nodes);
      if (external) p.external.push(external);
    }
    if (d.boundary) {
      const { nodes, external } = resolve(d.boundary.ref, { file: d.file, loc: d.boundary.loc });
      p.boundaryRef = external ?? { file: d.file, loc: d.boundary.loc, ref: d.boundary.ref };
      p.boundary = nodes[0] ?? external?.policy;
      if (nodes[0]) nodes[0].origin.policyType = 'boundary';
    }
    return p;
  });
  // a user gets its groups' policies
  for (const [i, d] of decls.entries()) {
    for (const g of d.groups ?? []) {
      const group = principals.find((p, j) => p.kind === 'group' && decls[j]!.refs.includes(g.ref));
      principals[i]!.groups.push(group?.name ?? g.ref);
      if (group) {
        principals[i]!.identity.push(...group.identity);
        principals[i]!.external.push(...group.external);
      }
    }
  }
  const byPolicy = new Map<PolicyNode, Principal[]>();
  for (const p of principals) {
    for (const node of new Set([...p.identity, ...p.trust, ...(p.boundary ? [p.boundary] : [])])) push(byPolicy, node, p);
  }
  return { principals, byPolicy };
}

/**
 * The policy sets a rule should ask about for one identity policy: one per principal it applies
 * to (the principal's identity policies, with AWS managed attachments from the snapshot, and its
 * boundary), or the policy alone when it belongs to no principal of the scan. A gap in any of
 * them is a gap of the policy.
 * @param policy an identity policy
 * @param principals the principals it applies to (`RuleContext.principals`)
 * @returns at least one policy set, each containing `policy`
 */
export function policySetsFor(policy: PolicyNode, principals: readonly Principal[]): PolicySet[] {
  const sets = principals.filter((p) => p.identity.includes(policy)).map(principalPolicySet);
  return sets.length > 0 ? sets : [{ identity: [policy] }];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
