/**
 * The rule contract, shaped like ESLint's (https://eslint.org/docs/latest/extend/custom-rules):
 * a rule has `meta` and `create(context, options)` returning visitors keyed by IAM node type.
 */
import type { SourceLocation } from '../source/location.js';
import type { IamNode, IamNodeType, PolicyNode, PolicyType } from '../policy/nodes.js';
import type { Principal } from '../sources/principals.js';

/** Result levels, as SARIF 2.1.0 §3.27.10 names them. */
export type Level = 'error' | 'warning' | 'note';

/** All levels, most severe first. */
export const LEVELS: readonly Level[] = ['error', 'warning', 'note'];

/** A JSON Schema object (draft-07 subset accepted by ajv). */
export type JsonSchema = Record<string, unknown>;

/** Everything a rule declares about itself. */
export interface RuleMeta {
  /** `problem`: the policy is wrong or dangerous; `suggestion`: it could be better. */
  type: 'problem' | 'suggestion';
  docs: {
    /** One sentence, imperative ("Disallow …", "Require …"). Used as SARIF shortDescription. */
    description: string;
    /** Longer explanation: what it flags and why. Used as SARIF fullDescription and help text. */
    details: string;
    /** Documentation page (SARIF helpUri). */
    url: string;
    /** AWS documentation pages backing the rule. */
    references?: string[];
  };
  /** Level used when the rule is enabled by a `recommended` config. */
  defaultLevel: Level;
  /** Whether the package's `recommended` config enables the rule. */
  recommended: boolean;
  /** SARIF rule tags (GitHub shows them; at most 10). */
  tags?: string[];
  /** GitHub code scanning `security-severity`, 0.0–10.0, for security rules. */
  securitySeverity?: number;
  /** SARIF `precision` property: how often results are true positives. */
  precision?: 'very-high' | 'high' | 'medium' | 'low';
  /** Message templates by messageId; `{{name}}` placeholders are filled from report data. */
  messages: Record<string, string>;
  /** JSON Schema of the rule's options object; omit when the rule takes no options. */
  schema?: JsonSchema;
  /** Options used when the user gives none; user options are merged over them. */
  defaultOptions?: Record<string, unknown>;
  /** Policy types the rule applies to; omitted means every type. */
  policyTypes?: PolicyType[];
  /** IAM Access Analyzer ValidatePolicy issue codes this rule covers (e.g. `INVALID_ACTION`). */
  accessAnalyzer?: string[];
}

/** A visitor per IAM node type; `"<Type>:exit"` runs after the node's children. */
export type Visitors = {
  [K in IamNodeType]?: (node: Extract<IamNode, { type: K }>) => void;
} & {
  [K in IamNodeType as `${K}:exit`]?: (node: Extract<IamNode, { type: K }>) => void;
};

/** A place in a scanned file with a message: a related location or one step of a code flow. */
export interface LocatedMessage {
  /** File as given to the engine. */
  file: string;
  loc: SourceLocation;
  /** What this place contributes, e.g. "grants iam:PassRole on every role". */
  message: string;
}

/** What a rule passes to `context.report`. */
export interface ReportDescriptor {
  /** The node the result points at (its `loc` becomes the SARIF region). */
  node?: { loc: SourceLocation };
  /** An explicit location, overriding `node.loc`. */
  loc?: SourceLocation;
  messageId: string;
  data?: Record<string, string | number>;
  /**
   * True when the finding depends on something the document does not decide (a condition, a
   * policy variable): the result's level is lowered one step (error → warning → note) and the
   * message should say "may".
   */
  uncertain?: boolean;
  /** Other places that contribute to the finding (SARIF `relatedLocations`, §3.27.22). */
  related?: LocatedMessage[];
  /** The steps of a path, in order (SARIF `codeFlows` with one thread flow, §3.36). */
  flow?: LocatedMessage[];
}

/** What a rule's `create` receives. */
export interface RuleContext {
  /** Full rule id, e.g. `invalid-effect` or `ml/logs-scope`. */
  readonly id: string;
  /** The file being checked, as given to the engine. */
  readonly file: string;
  /** The policy being checked. */
  readonly policy: PolicyNode;
  /**
   * The principals (roles, users, groups) of the scan this policy applies to, as an identity
   * policy, trust policy or permissions boundary, with their other policies (`sources/principals.ts`);
   * empty for a standalone policy file.
   */
  readonly principals: readonly Principal[];
  /** `settings` from the configuration (shared by all rules; plugins use their namespace key). */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Records a result. */
  report(descriptor: ReportDescriptor): void;
}

/** A rule module. `Options` is the merged options object. */
export interface Rule<Options extends Record<string, unknown> = Record<string, unknown>> {
  /** Rule name without namespace (kebab-case, names the flagged pattern). */
  name: string;
  meta: RuleMeta;
  create(context: RuleContext, options: Options): Visitors;
  /**
   * Checks one principal (role, user, group) declared in a scanned file, once per principal, after
   * the policy visitors ran: for findings about the principal as a whole (an AWS managed policy
   * attached to it, a path to more privileges). Reports go to the principal's file.
   */
  checkPrincipal?(principal: Principal, context: PrincipalRuleContext, options: Options): void;
}

/** What a rule's `checkPrincipal` receives. */
export interface PrincipalRuleContext {
  /** Full rule id. */
  readonly id: string;
  /** The file that declares the principal. */
  readonly file: string;
  /** Every principal of the group of files (the roles a path may continue through). */
  readonly principals: readonly Principal[];
  /** `settings` from the configuration. */
  readonly settings: Readonly<Record<string, unknown>>;
  /**
   * Records a result in `file` (default: the principal's file; an attachment may sit in another
   * file of the group). A result for a file that is not checked in this group is dropped.
   */
  report(descriptor: ReportDescriptor & { file?: string }): void;
}

/** A configured rule level; `off` disables the rule. */
export type RuleLevelSetting = Level | 'off';

/** A rule's configuration: a level, or a level and an options object. */
export type RuleSetting = RuleLevelSetting | [RuleLevelSetting] | [RuleLevelSetting, Record<string, unknown>];

/** A shareable config inside a plugin. */
export interface PluginConfig {
  rules: Record<string, RuleSetting>;
}

/** A rule pack (ESLint plugin shape). Rule ids become `<namespace>/<rule name>`. */
export interface Plugin {
  meta: {
    /** Package name, e.g. `@iamscope/rules-ml`. */
    name: string;
    version: string;
    /** Prefix of the pack's rule ids and its key under `settings`, e.g. `ml`. */
    namespace: string;
  };
  rules: Record<string, Rule<any>>;
  /** Shared configs by name; `recommended` applies by default, others when a config `extends` `<namespace>/<name>`. */
  configs: { recommended: PluginConfig } & Record<string, PluginConfig>;
  /** JSON Schema for `settings[namespace]`, checked when the configuration is loaded. */
  settingsSchema?: JsonSchema;
}

/** One finding. */
export interface Result {
  ruleId: string;
  level: Level;
  messageId: string;
  message: string;
  /** File path as given to the engine. */
  file: string;
  /** 1-based line/column (UTF-16 code units), end exclusive. */
  loc: SourceLocation;
  /**
   * Identity of the finding within its file that survives edits elsewhere in the file
   * (`<16 hex digits>:<occurrence>`, computed by the engine from the rule, the JSON path and the
   * shape of the reported element, never from line numbers). SARIF `partialFingerprints`, baselines.
   */
  fingerprint: string;
  /** CDK construct path of the resource the finding is in (CDK output only); SARIF `properties.cdkPath`. */
  cdkPath?: string;
  /** Other places that contribute to the finding. */
  related?: LocatedMessage[];
  /** The steps of a path the finding follows (e.g. a privilege-escalation chain), in order. */
  flow?: LocatedMessage[];
  /** Why the result is suppressed; present only on the results in {@link FileReport.suppressed}. */
  suppressions?: Suppression[];
}

/**
 * A reason a result is muted (SARIF 2.1.0 §3.35 "suppression"). `external`: a suppression in the
 * configuration file; `inSource`: one written next to the policy (comments in YAML and HCL,
 * CloudFormation `Metadata`), for the file formats that have a place for it.
 */
export interface Suppression {
  kind: 'external' | 'inSource';
  /** The user's reason, as written. */
  justification: string;
}

/** A problem of the tool itself (unreadable file, crashed rule), not a finding about a policy. */
export interface Notification {
  level: Level;
  message: string;
  /** Machine-readable kind, e.g. `RULE_CRASH`, `READ_ERROR`. */
  code: string;
  file?: string;
  ruleId?: string;
  loc?: SourceLocation;
}

/** Everything the engine found in one file. */
export interface FileReport {
  file: string;
  /** Number of IAM policy documents found and checked. */
  policies: number;
  results: Result[];
  /** Results muted by a suppression: not counted for the exit code; present only when there are some. */
  suppressed?: Result[];
  notifications: Notification[];
}
