import type { Rule } from '../linter/types.js';
import actionResourceMismatch from './action-resource-mismatch.js';
import conflictingElements from './conflicting-elements.js';
import duplicateKey from './duplicate-key.js';
import duplicateResourcePolicySid from './duplicate-resource-policy-sid.js';
import duplicateSid from './duplicate-sid.js';
import invalidEffect from './invalid-effect.js';
import invalidSid from './invalid-sid.js';
import invalidVersion from './invalid-version.js';
import missingResource from './missing-resource.js';
import missingStatementElement from './missing-statement-element.js';
import missingVersion from './missing-version.js';
import parseError from './parse-error.js';
import unknownAction from './unknown-action.js';
import unknownGlobalConditionKey from './unknown-global-condition-key.js';
import variableWithoutVersion from './variable-without-version.js';

/** Core's built-in rules, sorted by name. */
export const coreRules: readonly Rule<any>[] = [
  actionResourceMismatch,
  conflictingElements,
  duplicateKey,
  duplicateResourcePolicySid,
  duplicateSid,
  invalidEffect,
  invalidSid,
  invalidVersion,
  missingResource,
  missingStatementElement,
  missingVersion,
  parseError,
  unknownAction,
  unknownGlobalConditionKey,
  variableWithoutVersion,
];
