/**
 * What a format reader (raw JSON policy, CloudFormation, Terraform, Terraform plan, CDK output,
 * authorization-details dump) gives the engine: the policy documents in a file, each as a
 * momoa-shaped JSON tree whose every node carries the location of the source node it was built
 * from (1-based line/column, UTF-16 code units, end exclusive, as `source/location.ts` says), and
 * the principals, attachments and boundaries the file declares, by reference. The engine joins the
 * references of all files of one group (`principals.ts`).
 */
import type { ObjectNode } from '@humanwhocodes/momoa';
import type { PolicyType } from '../policy/nodes.js';
import type { SourceLocation } from '../source/location.js';

/** Formats iamscope reads. */
export type SourceFormat = 'policy-json' | 'cloudformation' | 'terraform' | 'terraform-plan' | 'authorization-details';

/**
 * A reference from one declaration to another, as a string key the engine compares for equality
 * within one group of files:
 * - `arn:…` an ARN known in full (AWS managed policy, a literal customer policy ARN);
 * - `cfn:<file>#<LogicalId>` a CloudFormation resource in one template;
 * - `tf:<module folder>#<type>.<name>` a Terraform resource or data source of one module
 *   (folder `/`-separated, relative to the scan root, `.` for the root);
 * - `name:role/<name>`, `name:user/<name>`, `name:group/<name>`, `name:policy/<name>` an IAM name
 *   known literally (how Terraform attachments and authorization dumps name principals).
 */
export type Ref = string;

/** A policy document found in a file. */
export interface ExtractedPolicy {
  /** Root object of the document (momoa node, or a synthetic one with original positions). */
  object: ObjectNode;
  /** The policy type the document has where it sits (trust for AssumeRolePolicyDocument, …). */
  policyType: PolicyType;
  /** Where it sits, for messages, e.g. `Resources.TrainingRole.Properties.Policies[0].PolicyDocument`. */
  path: string;
  /** How other declarations refer to this document (a managed policy's keys), when they can. */
  refs?: Ref[];
  /** The principal this document belongs to when it is inline (a role's inline policy, trust policy). */
  owner?: Ref;
  /** CDK construct path (`aws:cdk:path` metadata of the resource), for CDK output. */
  cdkPath?: string;
}

/** A role, user or group the file declares. */
export interface PrincipalDecl {
  kind: 'role' | 'user' | 'group';
  /** Keys other declarations use for it (logical id, Terraform address, `name:role/x`, ARN). */
  refs: Ref[];
  /** Display name: the IAM name when literal, else the logical id / address. */
  name: string;
  /** The declaration (resource block, CloudFormation resource, dump entry). */
  loc: SourceLocation;
  /** Permissions boundary by reference, with the location of the reference. */
  boundary?: { ref: Ref; loc: SourceLocation };
  /** Groups a user belongs to (by reference). */
  groups?: { ref: Ref; loc: SourceLocation }[];
  /** CDK construct path, for CDK output. */
  cdkPath?: string;
}

/** "Policy `policy` is attached to principal `principal`", declared at `loc`. */
export interface AttachmentDecl {
  policy: Ref;
  principal: Ref;
  loc: SourceLocation;
}

/** A syntax error or unreadable construct, reported as a `parse-error` result. */
export interface SourceError {
  message: string;
  loc: SourceLocation;
}

/** Everything a reader found in one file. */
export interface SourceFile {
  /** The file as given to the engine. */
  file: string;
  /** The format, or undefined when the file holds nothing iamscope reads (package.json, a YAML workflow). */
  format?: SourceFormat;
  policies: ExtractedPolicy[];
  principals: PrincipalDecl[];
  attachments: AttachmentDecl[];
  errors: SourceError[];
}

/**
 * Reads a file that a reader may pull in by reference (Terraform `file("policy.json")`).
 * @param path `/`-separated path relative to the scan root
 * @returns the text, or undefined when it cannot be read or lies outside the scan root
 */
export type ReadReferencedFile = (path: string) => string | undefined;
