import type { Rule } from '../linter/types.js';
import actionResourceMismatch from './action-resource-mismatch.js';
import allowWithNotPrincipal from './allow-with-not-principal.js';
import allowWithUnsupportedTagKey from './allow-with-unsupported-tag-key.js';
import arnFieldNotAllowed from './arn-field-not-allowed.js';
import conditionKeyActionMismatch from './condition-key-action-mismatch.js';
import conflictingElements from './conflicting-elements.js';
import createSlrWildcard from './create-slr-wildcard.js';
import denyWithUnsupportedTagKey from './deny-with-unsupported-tag-key.js';
import deprecatedGlobalConditionKey from './deprecated-global-condition-key.js';
import duplicateConditionKey from './duplicate-condition-key.js';
import duplicateKey from './duplicate-key.js';
import duplicateResourcePolicySid from './duplicate-resource-policy-sid.js';
import duplicateSid from './duplicate-sid.js';
import emptyElement from './empty-element.js';
import epochDateValue from './epoch-date-value.js';
import federatedPrincipalOutsideTrust from './federated-principal-outside-trust.js';
import forAllValuesSingleValuedKey from './for-all-values-single-valued-key.js';
import forAllValuesWithoutKeyGuard from './for-all-values-without-key-guard.js';
import githubSubWildcard from './github-sub-wildcard.js';
import improvableIpRange from './improvable-ip-range.js';
import invalidConditionValue from './invalid-condition-value.js';
import invalidConditionValueFormat from './invalid-condition-value-format.js';
import invalidConditionValueType from './invalid-condition-value-type.js';
import invalidEffect from './invalid-effect.js';
import invalidFederatedPrincipal from './invalid-federated-principal.js';
import invalidPolicyVariable from './invalid-policy-variable.js';
import invalidPrincipal from './invalid-principal.js';
import invalidPrincipalValue from './invalid-principal-value.js';
import invalidSid from './invalid-sid.js';
import invalidVersion from './invalid-version.js';
import malformedArn from './malformed-arn.js';
import mismatchedActionForPrincipal from './mismatched-action-for-principal.js';
import missingPairedConditionKey from './missing-paired-condition-key.js';
import missingPrincipal from './missing-principal.js';
import missingResource from './missing-resource.js';
import missingSetQualifier from './missing-set-qualifier.js';
import missingStatementElement from './missing-statement-element.js';
import missingTagKey from './missing-tag-key.js';
import missingVersion from './missing-version.js';
import notPrincipalInTrustPolicy from './not-principal-in-trust-policy.js';
import nullWithIfExists from './null-with-if-exists.js';
import nullWithQualifier from './null-with-qualifier.js';
import oidcAudienceSetOperator from './oidc-audience-set-operator.js';
import oidcTrustWithoutCondition from './oidc-trust-without-condition.js';
import operatorKeyTypeMismatch from './operator-key-type-mismatch.js';
import parseError from './parse-error.js';
import passRoleWildcard from './pass-role-wildcard.js';
import policySizeLimit from './policy-size-limit.js';
import principalNotAllowed from './principal-not-allowed.js';
import principalUniqueId from './principal-unique-id.js';
import privateIpCondition from './private-ip-condition.js';
import privateIpConditionSubset from './private-ip-condition-subset.js';
import publicResourcePolicy from './public-resource-policy.js';
import redundantAction from './redundant-action.js';
import redundantNumericConditionValue from './redundant-numeric-condition-value.js';
import redundantPrincipal from './redundant-principal.js';
import redundantResource from './redundant-resource.js';
import redundantStatement from './redundant-statement.js';
import rolesAnywhereTrustActions from './roles-anywhere-trust-actions.js';
import scpLegacySyntax from './scp-legacy-syntax.js';
import scpSizeLimit from './scp-size-limit.js';
import servicePrincipalUnsupportedKey from './service-principal-unsupported-key.js';
import servicePrincipalWeakCondition from './service-principal-weak-condition.js';
import servicePrincipalWithoutSource from './service-principal-without-source.js';
import sessionTagKeyWithoutTagSession from './session-tag-key-without-tag-session.js';
import trustPolicyResource from './trust-policy-resource.js';
import trustPolicyWildcardPrincipal from './trust-policy-wildcard-principal.js';
import unknownAction from './unknown-action.js';
import unknownConditionKey from './unknown-condition-key.js';
import unknownConditionOperator from './unknown-condition-operator.js';
import unknownElement from './unknown-element.js';
import unknownGlobalConditionKey from './unknown-global-condition-key.js';
import variableInNonStringOperator from './variable-in-non-string-operator.js';
import variableInUnsupportedElement from './variable-in-unsupported-element.js';
import variableWithoutVersion from './variable-without-version.js';
import wildcardInServicePrefix from './wildcard-in-service-prefix.js';
import wildcardWithoutLikeOperator from './wildcard-without-like-operator.js';
import wrongElementType from './wrong-element-type.js';

/** Core's built-in rules, sorted by name. */
export const coreRules: readonly Rule<any>[] = [
  actionResourceMismatch,
  allowWithNotPrincipal,
  allowWithUnsupportedTagKey,
  arnFieldNotAllowed,
  conditionKeyActionMismatch,
  conflictingElements,
  createSlrWildcard,
  denyWithUnsupportedTagKey,
  deprecatedGlobalConditionKey,
  duplicateConditionKey,
  duplicateKey,
  duplicateResourcePolicySid,
  duplicateSid,
  emptyElement,
  epochDateValue,
  federatedPrincipalOutsideTrust,
  forAllValuesSingleValuedKey,
  forAllValuesWithoutKeyGuard,
  githubSubWildcard,
  improvableIpRange,
  invalidConditionValue,
  invalidConditionValueFormat,
  invalidConditionValueType,
  invalidEffect,
  invalidFederatedPrincipal,
  invalidPolicyVariable,
  invalidPrincipal,
  invalidPrincipalValue,
  invalidSid,
  invalidVersion,
  malformedArn,
  mismatchedActionForPrincipal,
  missingPairedConditionKey,
  missingPrincipal,
  missingResource,
  missingSetQualifier,
  missingStatementElement,
  missingTagKey,
  missingVersion,
  notPrincipalInTrustPolicy,
  nullWithIfExists,
  nullWithQualifier,
  oidcAudienceSetOperator,
  oidcTrustWithoutCondition,
  operatorKeyTypeMismatch,
  parseError,
  passRoleWildcard,
  policySizeLimit,
  principalNotAllowed,
  principalUniqueId,
  privateIpCondition,
  privateIpConditionSubset,
  publicResourcePolicy,
  redundantAction,
  redundantNumericConditionValue,
  redundantPrincipal,
  redundantResource,
  redundantStatement,
  rolesAnywhereTrustActions,
  scpLegacySyntax,
  scpSizeLimit,
  servicePrincipalUnsupportedKey,
  servicePrincipalWeakCondition,
  servicePrincipalWithoutSource,
  sessionTagKeyWithoutTagSession,
  trustPolicyResource,
  trustPolicyWildcardPrincipal,
  unknownAction,
  unknownConditionKey,
  unknownConditionOperator,
  unknownElement,
  unknownGlobalConditionKey,
  variableInNonStringOperator,
  variableInUnsupportedElement,
  variableWithoutVersion,
  wildcardInServicePrefix,
  wildcardWithoutLikeOperator,
  wrongElementType,
];
