/**
 * @iamscope/core — the iamscope engine. Pure: takes text and configuration, returns results;
 * the CLI does file I/O. Positions are 1-based line/column in UTF-16 code units, end exclusive.
 */
export { Engine, compareResults, type EngineOptions, type PolicyDocuments } from './linter/engine.js';
export type { LintInput } from './linter/read-group.js';
export * from './sources/types.js';
export { joinPrincipals, policySetsFor, type ExternalAttachment, type FileLocation, type Principal, type PrincipalModel, type ManagedPolicyLookup } from './sources/principals.js';
export { hasPlaceholder, isPlaceholderVariable, placeholder } from './sources/placeholder.js';
export { findVariables, substitutesVariables, type VariableOccurrence, type VariableProblem } from './policy/variables.js';
export { fileKind, readFile, type FileKind, type ReadFile } from './sources/read.js';
export { loadTerraformParser } from './sources/terraform/index.js';
export { awsManagedPolicy, managedPolicySnapshotDate, type AwsManagedPolicy } from './catalog/managed-policies.js';
export { awsManagedPolicyNode } from './catalog/managed-policy-node.js';
export { RuleRegistry, type RegisteredRule } from './linter/registry.js';
export * from './linter/types.js';
export { formatMessage } from './linter/message.js';
export { traversePolicy } from './linter/traverse.js';
export { ACCESS_ANALYZER_RULE_PREFIX, partitionOf, type Config, type ConfigAccessAnalyzer, type ConfigOverride, type ConfigSuppression } from './config/config.js';
export { validateConfig } from './config/validate.js';
export { ConfigError, IamscopeError, type ErrorCode } from './errors.js';
export * from './source/location.js';
export { serializedSubmission, sourceLocation, wholeFileSubmission, type SubmittedText } from './source/submitted-text.js';
export { parseJson, type JsonParseResult, type JsonSyntaxError } from './json/parse.js';
export { MAX_JSON_DEPTH } from './json/prescan.js';
export * from './policy/nodes.js';
export { buildPolicy, lastMember } from './policy/build.js';
export { findPolicyObjects } from './policy/detect.js';
export { inferPolicyType } from './policy/infer-type.js';
export { policyFromText } from './policy/from-text.js';
export { parseConditionOperator, operatorNames, BASE_OPERATORS, type ParsedOperator, type OperatorFamily, type SetQualifier } from './policy/condition-operator.js';
export { lookupConditionKey, type ConditionKeyInfo, type ConditionKeyLookup } from './catalog/condition-keys.js';
export { compileGlob, literalTokens, type Token } from './pattern/tokens.js';
export { compileMatcher, matchTokens, type Matcher } from './pattern/automaton.js';
export { findWitness, findWitnessInSets, overlaps, type WitnessResult, type WorkBudget } from './pattern/witness.js';
export { compileResourcePattern, type ResourcePattern, type ResourcePatternOptions } from './pattern/arn.js';
export { actionMatches } from './pattern/action.js';
export { covers, intersects, matches, witness, type PatternKind, type Verdict, type Witness } from './pattern/algebra.js';
export {
  serviceActions,
  serviceResourceTypes,
  iamDataInfo,
  serviceNames,
  type ActionInfo,
  type ActionResourceType,
  type ResourceTypeInfo,
} from './catalog/iam-data.js';
export { coreRules } from './rules/index.js';
export { PARSE_ERROR_RULE_ID } from './rules/parse-error.js';
export { ruleCreator, REPOSITORY_URL } from './rules/define.js';
export { formatSarif, FINGERPRINT_KEY, GITHUB_MAX_DESCRIPTION, GITHUB_MAX_RESULTS, SARIF_SCHEMA_URI, type SarifOptions } from './formatters/sarif.js';
export { formatStylish, NO_COLORS, type Colors } from './formatters/stylish.js';
export { formatJson } from './formatters/json.js';
export { formatGithub } from './formatters/github.js';
export { allNotifications, suppressedCount, type CrossCheckSummary, type ScanReport, type ToolInfo } from './formatters/report.js';
export { compileArnTemplate, compileExampleArn, compileLooseArnTemplate, witnessCandidates } from './pattern/arn-template.js';
export {
  findResourceGaps,
  type ActionUniverse,
  type PolicySet,
  type ResourceGap,
  type ScopeQuery,
} from './analysis/resource-gaps.js';
export {
  access,
  appliesToAction,
  effectivePermissions,
  type AccessDecision,
  type AccessVerdict,
  type DecidingStatement,
  type EffectivePermissions,
  type PolicyRole,
  type Term,
} from './analysis/effective.js';
export { actionUniverse, expandActions, outside, type OutsideFinding } from './analysis/outside.js';
export { gapRank, policyGaps } from './analysis/policy-gaps.js';
export { principalPolicySet } from './analysis/principal-set.js';
export { lookupActionPattern, type ActionLookup } from './catalog/actions.js';
export { closest, editDistance } from './catalog/suggest.js';
export { actionResourceFormats, resourceTypeArn } from './catalog/resource-formats.js';
