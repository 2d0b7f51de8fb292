import type { Rule } from '../linter/types.js';
import conflictingElements from './conflicting-elements.js';
import duplicateKey from './duplicate-key.js';
import invalidEffect from './invalid-effect.js';
import invalidVersion from './invalid-version.js';
import missingStatementElement from './missing-statement-element.js';
import parseError from './parse-error.js';
import unknownAction from './unknown-action.js';

/** Core's built-in rules, sorted by name. */
export const coreRules: readonly Rule<any>[] = [
  conflictingElements,
  duplicateKey,
  invalidEffect,
  invalidVersion,
  missingStatementElement,
  parseError,
  unknownAction,
];
