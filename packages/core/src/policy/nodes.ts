/**
 * The IAM layer of the policy AST. Every node keeps the momoa JSON node it was built from
 * (`json`) and that node's `loc` (1-based line/column in UTF-16 code units, end exclusive).
 * Element names follow the IAM JSON policy grammar:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import type { MemberNode, ObjectNode, ValueNode } from '@humanwhocodes/momoa';
import type { SourceLocation } from '../source/location.js';

/** Kind of policy a document is, which decides which elements are required or forbidden. */
export type PolicyType = 'identity' | 'resource' | 'trust' | 'boundary' | 'scp' | 'unknown';

/** All policy types, in a fixed order (for schemas and messages). */
export const POLICY_TYPES: readonly PolicyType[] = ['identity', 'resource', 'trust', 'boundary', 'scp', 'unknown'];

/** Where a policy document came from. */
export interface PolicyOrigin {
  /** File path as given to the engine (the CLI passes a path relative to the scan root, `/`-separated). */
  file: string;
  policyType: PolicyType;
  /** True when `policyType` was inferred from the document rather than set by config or the file format. */
  policyTypeInferred: boolean;
  /** The principal (user, role or group ARN or logical name) the policy belongs to, when known. */
  principal?: string;
  /** Where the document sits in a template, plan or dump, e.g. `Resources.Role.Properties.Policies[0].PolicyDocument`. */
  path?: string;
  /** CDK construct path (`aws:cdk:path` metadata) of the resource holding the document. */
  cdkPath?: string;
}

interface IamNodeBase<T extends string> {
  type: T;
  /** The JSON value node this IAM node was built from. */
  json: ValueNode;
  /** Location of `json`. */
  loc: SourceLocation;
}

/** A string-or-array element value normalised to items (a non-array value is one item). */
interface ItemBase<T extends string> extends IamNodeBase<T> {
  /** The string value, or `null` when the JSON value is not a string. */
  value: string | null;
  /** True for items of the negated element (`NotAction`, `NotResource`, `NotPrincipal`). */
  negated: boolean;
}

/** One item of `Action` or `NotAction`. */
export type ActionNode = ItemBase<'Action'>;
/** One item of `Resource` or `NotResource`. */
export type ResourceNode = ItemBase<'Resource'>;

/**
 * A statement element that holds a string or an array of strings (`Action`, `NotAction`,
 * `Resource`, `NotResource`). `member` is the JSON member (key and value); `items` the normalised
 * values; `isArray` records the written form. A wrong-typed value (number, object, …) yields one
 * item whose `value` is `null`.
 */
export interface ListElement<N> {
  name: 'Action' | 'NotAction' | 'Resource' | 'NotResource';
  negated: boolean;
  member: MemberNode;
  loc: SourceLocation;
  isArray: boolean;
  items: N[];
}

/** One value of a principal type, e.g. `"arn:aws:iam::123456789012:root"` under `AWS`. */
export interface PrincipalValueNode extends ItemBase<'PrincipalValue'> {
  /** `AWS`, `Service`, `Federated`, `CanonicalUser` (or an invalid key as written); `*` for the string form. */
  principalType: string;
}

/** `Principal` or `NotPrincipal`: `"*"` or a map of principal type to values. */
export interface PrincipalNode extends IamNodeBase<'Principal'> {
  negated: boolean;
  member: MemberNode;
  /** True for `"*"` and for `{"AWS": "*"}`. */
  wildcard: boolean;
  values: PrincipalValueNode[];
}

/** One condition value (string, number or boolean as written; `null` for other JSON types). */
export interface ConditionValueNode extends IamNodeBase<'ConditionValue'> {
  value: string | number | boolean | null;
}

/** A condition key under an operator, e.g. `aws:RequestedRegion`, with its values. */
export interface ConditionKeyNode extends IamNodeBase<'ConditionKey'> {
  member: MemberNode;
  key: string;
  values: ConditionValueNode[];
}

/** A condition operator block, e.g. `StringEquals`, `ForAnyValue:StringLike`, `ArnLikeIfExists`. */
export interface ConditionOperatorNode extends IamNodeBase<'ConditionOperator'> {
  member: MemberNode;
  operator: string;
  keys: ConditionKeyNode[];
}

/** The `Condition` element. */
export interface ConditionNode extends IamNodeBase<'Condition'> {
  member: MemberNode;
  operators: ConditionOperatorNode[];
}

/** A scalar statement or policy member kept as written (`Sid`, `Effect`, `Version`, `Id`). */
export interface ScalarNode<T extends 'Sid' | 'Effect' | 'Version' | 'Id'> extends IamNodeBase<T> {
  member: MemberNode;
  /** The string value, or `null` when the JSON value is not a string. */
  value: string | null;
}
/** A statement's `Sid`. */
export type SidNode = ScalarNode<'Sid'>;
/** A statement's `Effect` (valid values: `Allow`, `Deny`, case-sensitive). */
export type EffectNode = ScalarNode<'Effect'>;
/** The policy's `Version` (valid values: `2012-10-17`, `2008-10-17`). */
export type VersionNode = ScalarNode<'Version'>;
/** The policy's `Id`. */
export type IdNode = ScalarNode<'Id'>;

/**
 * One statement. When a key occurs more than once, the element fields hold the last occurrence
 * (as `JSON.parse` and AWS do); every occurrence stays in `object.members`.
 * A statement that is not a JSON object has `object` undefined and no elements.
 */
export interface StatementNode extends IamNodeBase<'Statement'> {
  /** 0-based index in the `Statement` array (0 for the single-object form). */
  index: number;
  object?: ObjectNode;
  sid?: SidNode;
  effect?: EffectNode;
  principal?: PrincipalNode;
  notPrincipal?: PrincipalNode;
  action?: ListElement<ActionNode>;
  notAction?: ListElement<ActionNode>;
  resource?: ListElement<ResourceNode>;
  notResource?: ListElement<ResourceNode>;
  condition?: ConditionNode;
}

/** A whole policy document. */
export interface PolicyNode extends IamNodeBase<'Policy'> {
  origin: PolicyOrigin;
  /** The policy's root JSON object. */
  object: ObjectNode;
  version?: VersionNode;
  id?: IdNode;
  /** The `Statement` member, when present. */
  statementMember?: MemberNode;
  statements: StatementNode[];
}

/** Any IAM node a rule can visit. */
export type IamNode =
  | PolicyNode
  | StatementNode
  | SidNode
  | EffectNode
  | VersionNode
  | IdNode
  | PrincipalNode
  | PrincipalValueNode
  | ActionNode
  | ResourceNode
  | ConditionNode
  | ConditionOperatorNode
  | ConditionKeyNode
  | ConditionValueNode;

/** Names of visitable IAM node types. */
export type IamNodeType = IamNode['type'];
