/**
 * Reader of `aws iam get-account-authorization-details` output: every user, group and role with
 * its inline policies, attached managed policies, permissions boundary and (roles) trust policy,
 * and every customer managed policy's default version. Source of truth: IAM API Reference,
 * GetAccountAuthorizationDetails (UserDetail, GroupDetail, RoleDetail, ManagedPolicyDetail,
 * PolicyVersion); AWS CLI reference, `aws iam get-account-authorization-details`.
 */
import type { DocumentNode, ObjectNode, StringNode, ValueNode } from '@humanwhocodes/momoa';
import { lastMember } from '../../policy/build.js';
import type { SourceLocation } from '../../source/location.js';
import type { AttachmentDecl, ExtractedPolicy, PrincipalDecl, Ref, SourceError, SourceFile } from '../types.js';
import { decodeDocumentString } from './encoded-document.js';

/** The top-level lists of a dump. */
const LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;

/** How each principal list names its fields. */
const PRINCIPAL_LISTS = [
  { list: 'UserDetailList', kind: 'user', nameKey: 'UserName', inline: 'UserPolicyList' },
  { list: 'GroupDetailList', kind: 'group', nameKey: 'GroupName', inline: 'GroupPolicyList' },
  { list: 'RoleDetailList', kind: 'role', nameKey: 'RoleName', inline: 'RolePolicyList' },
] as const;

/** An AWS managed policy ARN (account `aws`), any partition. */
const AWS_MANAGED_ARN = /^arn:[^:]+:iam::aws:policy\//;

/** A JSON object of the dump with its path, e.g. `RoleDetailList[2]`. */
interface Entry {
  object: ObjectNode;
  path: string;
}

/** The reader's output, filled while walking the dump. */
interface Walk {
  text: string;
  policies: ExtractedPolicy[];
  principals: PrincipalDecl[];
  attachments: AttachmentDecl[];
  errors: SourceError[];
}

/**
 * Whether a JSON file is an authorization-details dump.
 * @param root the file's root value (momoa)
 * @returns true for an object with a `UserDetailList`, `GroupDetailList`, `RoleDetailList` or
 *   `Policies` array
 */
export function isAuthorizationDetails(root: ValueNode): boolean {
  return root.type === 'Object' && LISTS.some((name) => lastMember(root, name)?.value.type === 'Array');
}

function typeName(value: ValueNode): string {
  return value.type.toLowerCase();
}

/** The items of array member `name` of `entry` (none when absent; an error when not an array). */
function arrayAt(walk: Walk, entry: Entry, name: string): { value: ValueNode; path: string }[] {
  const member = lastMember(entry.object, name);
  if (!member) return [];
  const path = entry.path ? `${entry.path}.${name}` : name;
  if (member.value.type !== 'Array') {
    walk.errors.push({ message: `Expected ${path} to be an array, got ${typeName(member.value)}.`, loc: member.value.loc });
    return [];
  }
  return member.value.elements.map((element, i) => ({ value: element.value, path: `${path}[${i}]` }));
}

/** `value` as an entry at `path`, or undefined and an error when it is not an object. */
function asEntry(walk: Walk, value: ValueNode, path: string): Entry | undefined {
  if (value.type === 'Object') return { object: value, path };
  walk.errors.push({ message: `Expected ${path} to be an object, got ${typeName(value)}.`, loc: value.loc });
  return undefined;
}

/** The object items of array member `name` (an error for each item that is not an object). */
function objectsAt(walk: Walk, entry: Entry, name: string): Entry[] {
  return arrayAt(walk, entry, name).flatMap(({ value, path }) => asEntry(walk, value, path) ?? []);
}

/** The string member `name` of `entry` (undefined when absent; an error when not a string). */
function stringAt(walk: Walk, entry: Entry, name: string): StringNode | undefined {
  const member = lastMember(entry.object, name);
  if (!member) return undefined;
  if (member.value.type === 'String') return member.value;
  walk.errors.push({ message: `Expected ${entry.path}.${name} to be a string, got ${typeName(member.value)}.`, loc: member.value.loc });
  return undefined;
}

/**
 * Adds the policy document held by member `name` of `entry`: a JSON object (AWS CLI output) or
 * a string (URL-encoded, as the API returns it, or plain JSON text).
 */
function addDocument(walk: Walk, entry: Entry, name: string, policy: Omit<ExtractedPolicy, 'object' | 'path'>): void {
  const member = lastMember(entry.object, name);
  if (!member) return;
  const path = `${entry.path}.${name}`;
  const value = member.value;
  if (value.type === 'Object') {
    walk.policies.push({ object: value, path, ...policy });
  } else if (value.type === 'String') {
    const decoded = decodeDocumentString(walk.text, value, path);
    if (decoded.ok) walk.policies.push({ object: decoded.object, path, ...policy });
    else walk.errors.push(decoded.error);
  } else {
    walk.errors.push({ message: `Expected ${path} to be a policy document (a JSON object or a URL-encoded JSON string), got ${typeName(value)}.`, loc: value.loc });
  }
}

/** Adds the inline policies of list `name` of a principal (`PolicyName`, `PolicyDocument` pairs). */
function addInlinePolicies(walk: Walk, entry: Entry, name: string, owner: Ref | undefined): void {
  for (const item of objectsAt(walk, entry, name)) addDocument(walk, item, 'PolicyDocument', { policyType: 'identity', ...(owner ? { owner } : {}) });
}

/** Reads one user, group or role. */
function readPrincipal(walk: Walk, entry: Entry, spec: (typeof PRINCIPAL_LISTS)[number]): void {
  const name = stringAt(walk, entry, spec.nameKey)?.value;
  const arn = stringAt(walk, entry, 'Arn')?.value;
  const refs: Ref[] = [...(arn ? [arn] : []), ...(name ? [`name:${spec.kind}/${name}`] : [])];
  const owner = refs[0];
  const decl: PrincipalDecl = { kind: spec.kind, refs, name: name ?? arn ?? entry.path, loc: entry.object.loc };

  if (spec.kind === 'role') addDocument(walk, entry, 'AssumeRolePolicyDocument', { policyType: 'trust', ...(owner ? { owner } : {}) });
  addInlinePolicies(walk, entry, spec.inline, owner);
  for (const attached of objectsAt(walk, entry, 'AttachedManagedPolicies')) {
    const policyArn = stringAt(walk, attached, 'PolicyArn');
    if (policyArn && owner) walk.attachments.push({ policy: policyArn.value, principal: owner, loc: policyArn.loc });
  }
  if (spec.kind !== 'group') {
    const member = lastMember(entry.object, 'PermissionsBoundary');
    const boundary = member && asEntry(walk, member.value, `${entry.path}.PermissionsBoundary`);
    const boundaryArn = boundary && stringAt(walk, boundary, 'PermissionsBoundaryArn');
    if (boundaryArn) decl.boundary = { ref: boundaryArn.value, loc: boundaryArn.loc };
  }
  if (spec.kind === 'user') {
    const groups: { ref: Ref; loc: SourceLocation }[] = [];
    for (const { value, path } of arrayAt(walk, entry, 'GroupList')) {
      if (value.type === 'String') groups.push({ ref: `name:group/${value.value}`, loc: value.loc });
      else walk.errors.push({ message: `Expected ${path} to be a group name, got ${typeName(value)}.`, loc: value.loc });
    }
    if (groups.length > 0) decl.groups = groups;
  }
  walk.principals.push(decl);
}

/** The default version of a managed policy: `IsDefaultVersion: true`, else `VersionId` = `DefaultVersionId`. */
function defaultVersion(walk: Walk, entry: Entry): Entry | undefined {
  const versions = objectsAt(walk, entry, 'PolicyVersionList');
  const flagged = versions.filter((v) => {
    const isDefault = lastMember(v.object, 'IsDefaultVersion')?.value;
    return isDefault?.type === 'Boolean' && isDefault.value;
  });
  if (flagged.length > 0) return flagged[flagged.length - 1];
  const id = stringAt(walk, entry, 'DefaultVersionId')?.value;
  return versions.find((v) => {
    const versionId = lastMember(v.object, 'VersionId')?.value;
    return versionId?.type === 'String' && versionId.value === id;
  });
}

/** Reads one managed policy of `Policies` (AWS managed ones are left to the snapshot). */
function readManagedPolicy(walk: Walk, entry: Entry): void {
  const arn = stringAt(walk, entry, 'Arn');
  const name = stringAt(walk, entry, 'PolicyName')?.value;
  if (arn && AWS_MANAGED_ARN.test(arn.value)) return;
  if (!lastMember(entry.object, 'PolicyVersionList')) return; // `aws iam list-policies` output: no documents
  const version = defaultVersion(walk, entry);
  if (!version) {
    walk.errors.push({ message: `${entry.path} has no default version in PolicyVersionList (IsDefaultVersion: true).`, loc: entry.object.loc });
    return;
  }
  const refs: Ref[] = [...(arn ? [arn.value] : []), ...(name ? [`name:policy/${name}`] : [])];
  addDocument(walk, version, 'Document', { policyType: 'identity', ...(refs.length > 0 ? { refs } : {}) });
}

/**
 * Reads an authorization-details dump. Never throws: values of the wrong JSON type and policy
 * documents that cannot be decoded become `errors` (in file order), and the rest is still read.
 * - inline policies (`UserPolicyList`, `GroupPolicyList`, `RolePolicyList`) are `identity`
 *   policies owned by their principal (owner: its ARN, else `name:<kind>/<name>`);
 * - `AssumeRolePolicyDocument` is a `trust` policy owned by its role;
 * - `AttachedManagedPolicies` become attachments by `PolicyArn`, located at the ARN;
 * - `PermissionsBoundary.PermissionsBoundaryArn` is the principal's boundary, `GroupList` its groups
 *   (`name:group/<name>`);
 * - each customer managed policy of `Policies` gives its default version's `Document` as an
 *   `identity` policy with refs its `Arn` and `name:policy/<PolicyName>`; AWS managed policies
 *   (`arn:…:iam::aws:policy/…`) are skipped (the engine takes them from its snapshot).
 * Principals have refs their `Arn` and `name:<kind>/<name>`; `InstanceProfileList`, `Tags`,
 * `RoleLastUsed` and dates are not read.
 * @param document momoa document of the file
 * @param text the file text (for positions inside string-encoded documents)
 * @param file the file as given to the engine
 * @returns the policies, principals, attachments and errors of the dump
 */
export function readAuthorizationDetails(document: DocumentNode, text: string, file: string): SourceFile {
  const walk: Walk = { text, policies: [], principals: [], attachments: [], errors: [] };
  const root = document.body;
  if (root.type === 'Object') {
    const top: Entry = { object: root, path: '' };
    for (const spec of PRINCIPAL_LISTS) {
      for (const entry of objectsAt(walk, top, spec.list)) readPrincipal(walk, entry, spec);
    }
    for (const entry of objectsAt(walk, top, 'Policies')) readManagedPolicy(walk, entry);
  }
  const { policies, principals, attachments, errors } = walk;
  errors.sort((x, y) => x.loc.start.offset - y.loc.start.offset);
  return { file, format: 'authorization-details', policies, principals, attachments, errors };
}
