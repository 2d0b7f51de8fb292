/**
 * Everything a CloudFormation template declares that iamscope analyses: the policy documents of
 * every policy-bearing property (`policy-properties.ts`), the roles, users and groups with their
 * inline policies, trust policies, boundaries and group memberships, SAM functions' and state
 * machines' generated roles, and attachments of managed policies to principals.
 * Source of truth: CloudFormation resource type reference (AWS::IAM::*), AWS SAM specification
 * (AWS::Serverless::Function / StateMachine `Policies`, `Role`, `PermissionsBoundary`, `Globals`).
 */
import type { MemberNode, ObjectNode, ValueNode } from '@humanwhocodes/momoa';
import { lastMember } from '../../policy/build.js';
import type { PolicyType } from '../../policy/nodes.js';
import { memberNode, objectNode } from '../synthetic.js';
import type { AttachmentDecl, ExtractedPolicy, PrincipalDecl, Ref, SourceFile } from '../types.js';
import { documentsOf } from './documents.js';
import { duplicateKeys } from './duplicate-keys.js';
import { intrinsicOf } from './intrinsics.js';
import { POLICY_PROPERTIES } from './policy-properties.js';
import { listItems, literalText, referenceOf, resourceRef } from './references.js';
import { samProperty } from './sam-globals.js';
import type { Template, TemplateResource } from './template.js';

/** What a template declares (a {@link SourceFile} without its file name and format). */
export type TemplateContents = Pick<SourceFile, 'policies' | 'principals' | 'attachments' | 'errors'>;

const PRINCIPAL_TYPES: Record<string, { kind: PrincipalDecl['kind']; nameProperty: string }> = {
  'AWS::IAM::Role': { kind: 'role', nameProperty: 'RoleName' },
  'AWS::IAM::User': { kind: 'user', nameProperty: 'UserName' },
  'AWS::IAM::Group': { kind: 'group', nameProperty: 'GroupName' },
};

/** SAM resources that get a generated role `<LogicalId>Role` unless they name one in `Role`. */
const SAM_ROLE_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);

/** Inline policies of one principal (`AWS::IAM::RolePolicy`, …), by the property naming it. */
const INLINE_OWNER: Record<string, { property: string; kind: 'role' | 'user' | 'group' }> = {
  'AWS::IAM::RolePolicy': { property: 'RoleName', kind: 'role' },
  'AWS::IAM::UserPolicy': { property: 'UserName', kind: 'user' },
  'AWS::IAM::GroupPolicy': { property: 'GroupName', kind: 'group' },
};

/**
 * Reads every policy and principal of a template.
 * @param template the indexed template
 * @returns policies (with policy type, path, refs, owner, CDK path), principals, attachments, and
 *   the errors of policies written as invalid JSON text and of duplicate keys outside policies
 */
export function extractTemplate(template: Template): TemplateContents {
  const out: TemplateContents = { policies: [], principals: [], attachments: [], errors: [] };
  for (const resource of template.resources.values()) {
    const properties = resource.object ? lastMember(resource.object, 'Properties')?.value : undefined;
    new ResourceReader(template, resource, properties?.type === 'Object' ? properties : objectNode([], resource.member.loc), out).read();
  }
  addGroupMemberships(template, out.principals);
  out.errors.push(...duplicateKeys(template.root, out.policies.map((p) => p.object)));
  return out;
}

/** Reads the policies and declarations of one resource into `out`. */
class ResourceReader {
  private readonly ref: Ref;
  private readonly cdkPath?: string;
  private readonly base: string;

  constructor(
    private readonly template: Template,
    private readonly resource: TemplateResource,
    private readonly properties: ObjectNode,
    private readonly out: TemplateContents,
  ) {
    this.ref = resourceRef(template, resource.logicalId);
    const metadata = resource.object ? lastMember(resource.object, 'Metadata')?.value : undefined;
    const cdkPath = metadata?.type === 'Object' ? lastMember(metadata, 'aws:cdk:path')?.value : undefined;
    if (cdkPath?.type === 'String') this.cdkPath = cdkPath.value;
    this.base = `Resources.${resource.logicalId}.Properties`;
  }

  read(): void {
    const type = this.resource.type;
    const principal = PRINCIPAL_TYPES[type];
    if (principal) this.principal(principal.kind, this.ref, principal.nameProperty);
    if (SAM_ROLE_TYPES.has(type) && !this.property('Role')) this.samRole();
    for (const property of POLICY_PROPERTIES[type] ?? []) this.policyProperty(property.path, property.policyType, property.holds);
    if (type === 'AWS::IAM::Policy' || type === 'AWS::IAM::ManagedPolicy') this.policyAttachments();
  }

  private property(name: string): MemberNode | undefined {
    return lastMember(this.properties, name);
  }

  private addDocuments(value: ValueNode, path: string, policyType: PolicyType, extra: Pick<ExtractedPolicy, 'refs' | 'owner'>): void {
    for (const found of documentsOf(this.template, value, path, this.out.errors)) {
      this.out.policies.push({ object: found.object, policyType, path: found.path, ...extra, ...(this.cdkPath ? { cdkPath: this.cdkPath } : {}) });
    }
  }

  /** A role, user or group: its declaration, trust policy, inline policies, managed policies, boundary and groups. */
  private principal(kind: PrincipalDecl['kind'], ref: Ref, nameProperty: string): void {
    const name = literalText(this.template, this.property(nameProperty)?.value);
    const decl: PrincipalDecl = {
      kind,
      refs: name ? [ref, `name:${kind}/${name}`] : [ref],
      name: name ?? this.resource.logicalId,
      loc: this.resource.member.name.loc,
      ...(this.cdkPath ? { cdkPath: this.cdkPath } : {}),
    };
    this.boundary(decl);
    const groups = kind === 'user' ? this.property('Groups') : undefined;
    if (groups) decl.groups = this.references(groups.value, 'group');
    this.out.principals.push(decl);
    const trust = kind === 'role' ? this.property('AssumeRolePolicyDocument') : undefined;
    if (trust) this.addDocuments(trust.value, `${this.base}.AssumeRolePolicyDocument`, 'trust', { owner: ref });
    this.inlinePolicies(ref);
    this.managedPolicies(ref);
  }

  /**
   * The role SAM generates for a function or state machine without `Role`: trust, `Policies`
   * (inline documents and managed policy names or ARNs), boundary; trust and boundary with the
   * template's `Globals` applied.
   */
  private samRole(): void {
    const ref = resourceRef(this.template, `${this.resource.logicalId}Role`);
    const decl: PrincipalDecl = { kind: 'role', refs: [ref], name: `${this.resource.logicalId}Role`, loc: this.resource.member.name.loc, ...(this.cdkPath ? { cdkPath: this.cdkPath } : {}) };
    const sam = (name: string) => samProperty(this.template, this.resource, this.property(name)?.value, name);
    this.boundary(decl, sam('PermissionsBoundary')?.value);
    this.out.principals.push(decl);
    const trust = sam('AssumeRolePolicyDocument');
    if (trust) this.addDocuments(trust.value, trust.path, 'trust', { owner: ref });
    const policies = this.property('Policies');
    if (!policies) return;
    const items = policies.value.type === 'Array' || intrinsicOf(policies.value) ? listItems(this.template, policies.value) : [policies.value];
    items.forEach((item, i) => {
      const path = `${this.base}.Policies${policies.value.type === 'Array' ? `[${i}]` : ''}`;
      if (item.type === 'Object' && !intrinsicOf(item)) {
        if (lastMember(item, 'Statement')) this.addDocuments(item, path, 'identity', { owner: ref });
        return;
      }
      const name = literalText(this.template, item);
      const policy = name && !name.startsWith('arn:') ? `arn:aws:iam::aws:policy/${name}` : referenceOf(this.template, item, 'policy');
      if (policy) this.out.attachments.push({ policy, principal: ref, loc: item.loc });
    });
  }

  /** Sets the principal's boundary from `value` (by default its `PermissionsBoundary` property) when it names a policy. */
  private boundary(decl: PrincipalDecl, value = this.property('PermissionsBoundary')?.value): void {
    const ref = value ? referenceOf(this.template, value, 'policy') : undefined;
    if (value && ref) decl.boundary = { ref, loc: value.loc };
  }

  private references(value: ValueNode, kind: 'role' | 'user' | 'group'): { ref: Ref; loc: ValueNode['loc'] }[] {
    return listItems(this.template, value).flatMap((item) => {
      const ref = referenceOf(this.template, item, kind);
      return ref ? [{ ref, loc: item.loc }] : [];
    });
  }

  /** `Policies: [{PolicyName, PolicyDocument}]` of a role, user or group. */
  private inlinePolicies(owner: Ref): void {
    const policies = this.property('Policies');
    if (!policies) return;
    const entries = policies.value.type === 'Array' ? policies.value.elements.map((e) => e.value) : [];
    entries.forEach((entry, i) => {
      const document = entry.type === 'Object' ? lastMember(entry, 'PolicyDocument') : undefined;
      if (document) this.addDocuments(document.value, `${this.base}.Policies[${i}].PolicyDocument`, 'identity', { owner });
    });
  }

  private managedPolicies(principal: Ref): void {
    const arns = this.property('ManagedPolicyArns');
    if (!arns) return;
    for (const item of listItems(this.template, arns.value)) {
      const policy = referenceOf(this.template, item, 'policy');
      if (policy) this.out.attachments.push({ policy, principal, loc: item.loc });
    }
  }

  /** A property holding one policy document (or one statement), owned by a principal for `AWS::IAM::RolePolicy` and its kin. */
  private policyProperty(path: string[], policyType: PolicyType, holds?: 'statement'): void {
    let member: MemberNode | undefined;
    let object: ObjectNode | undefined = this.properties;
    for (const name of path) {
      member = object ? lastMember(object, name) : undefined;
      object = member?.value.type === 'Object' ? member.value : undefined;
    }
    if (!member) return;
    const value = holds === 'statement' ? objectNode([memberNode('Statement', member.name.loc, member.value)], member.value.loc) : member.value;
    const inline = INLINE_OWNER[this.resource.type];
    const ownerNode = inline ? this.property(inline.property)?.value : undefined;
    const owner = inline && ownerNode ? referenceOf(this.template, ownerNode, inline.kind) : undefined;
    const managed = this.resource.type === 'AWS::IAM::ManagedPolicy' || this.resource.type === 'AWS::IAM::Policy';
    const name = this.resource.type === 'AWS::IAM::ManagedPolicy' ? literalText(this.template, this.property('ManagedPolicyName')?.value) : undefined;
    const refs = managed ? (name ? [this.ref, `name:policy/${name}`] : [this.ref]) : undefined;
    this.addDocuments(value, `${this.base}.${path.join('.')}`, policyType, { ...(refs ? { refs } : {}), ...(owner ? { owner } : {}) });
  }

  /** `Roles`, `Users` and `Groups` of `AWS::IAM::Policy` / `ManagedPolicy`: the principals it is attached to. */
  private policyAttachments(): void {
    const lists = [['Roles', 'role'], ['Users', 'user'], ['Groups', 'group']] as const;
    for (const [property, kind] of lists) {
      const member = this.property(property);
      if (!member) continue;
      for (const { ref, loc } of this.references(member.value, kind)) this.out.attachments.push({ policy: this.ref, principal: ref, loc } satisfies AttachmentDecl);
    }
  }
}

/** `AWS::IAM::UserToGroupAddition` adds users of this template to a group: recorded on the users' declarations. */
function addGroupMemberships(template: Template, principals: PrincipalDecl[]): void {
  for (const resource of template.resources.values()) {
    if (resource.type !== 'AWS::IAM::UserToGroupAddition' || !resource.object) continue;
    const properties = lastMember(resource.object, 'Properties')?.value;
    if (properties?.type !== 'Object') continue;
    const groupNode = lastMember(properties, 'GroupName')?.value;
    const group = groupNode ? referenceOf(template, groupNode, 'group') : undefined;
    const users = lastMember(properties, 'Users')?.value;
    if (!group || !groupNode || !users) continue;
    for (const item of listItems(template, users)) {
      const user = referenceOf(template, item, 'user');
      const decl = principals.find((p) => p.kind === 'user' && user !== undefined && p.refs.includes(user));
      if (decl) decl.groups = [...(decl.groups ?? []), { ref: group, loc: groupNode.loc }];
    }
  }
}
