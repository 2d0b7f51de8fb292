/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'none'}`) and the escapes
 * `${*}`, `${?}`, `${$}`. Source of truth: IAM User Guide, "IAM policy elements: Variables and
 * tags" (reference_policies_variables); iam-grammar.md §7.
 */
import { hasPlaceholder } from '../sources/placeholder.js';
import type { PolicyNode } from './nodes.js';

/** Why a `${…}` occurrence is malformed (the Access Analyzer issue it corresponds to). */
export type VariableProblem =
  | 'missingBrace' // MISSING_BRACE_IN_VARIABLE
  | 'missingQuote' // MISSING_QUOTE_IN_VARIABLE
  | 'spaceInName' // UNSUPPORTED_SPACE_IN_VARIABLE
  | 'empty'; // EMPTY_VARIABLE

/** One `${…}` occurrence in a string. */
export interface VariableOccurrence {
  /** The text from `${` to the closing `}` (or to where the variable ends unclosed). */
  text: string;
  /** 0-based index of `$` in the string. */
  index: number;
  /** The problem, or undefined for a well-formed variable or escape. */
  problem?: VariableProblem;
}

/** Index of the `}` closing the variable whose body starts at `start`, or -1; a `'…'` default may hold `}`. */
function closingBrace(value: string, start: number): number {
  let quoted = false;
  let afterComma = false;
  for (let i = start; i < value.length; i++) {
    const c = value[i];
    if (quoted) {
      if (c === "'") quoted = false;
    } else if (c === '}') {
      return i;
    } else if (c === '$' && value[i + 1] === '{') {
      return -1; // a new variable starts before this one was closed
    } else if (c === ',') {
      afterComma = true;
    } else if (c === "'" && afterComma) {
      quoted = true;
    }
  }
  return -1;
}

/** The problem of a variable body (text between `${` and `}`), or undefined when it is well-formed. */
function bodyProblem(body: string): VariableProblem | undefined {
  const comma = body.indexOf(',');
  const name = comma === -1 ? body : body.slice(0, comma);
  if (name.trim() === '') return 'empty';
  if (/\s/.test(name)) return 'spaceInName';
  if (comma === -1) return undefined;
  const fallback = body.slice(comma + 1).trim();
  return fallback.length >= 2 && fallback.startsWith("'") && fallback.endsWith("'") ? undefined : 'missingQuote';
}

/**
 * Finds every `${…}` in a string and says whether it is well-formed: a non-empty name without
 * white space, optionally followed by `, 'default text'`; `${*}`, `${?}` and `${$}` are escapes.
 * A `${` with no `}` before the end of the string or before the next `${` is missing its brace.
 * @param value an element value as written (Resource item, condition value, …)
 * @returns the occurrences in order (empty when the string has no `${`)
 */
export function findVariables(value: string): VariableOccurrence[] {
  const found: VariableOccurrence[] = [];
  let index = value.indexOf('${');
  while (index !== -1) {
    const end = closingBrace(value, index + 2);
    if (end === -1) {
      const next = value.indexOf('${', index + 2);
      found.push({ text: value.slice(index, next === -1 ? value.length : next), index, problem: 'missingBrace' });
      index = next;
      continue;
    }
    const problem = bodyProblem(value.slice(index + 2, end));
    found.push({ text: value.slice(index, end + 1), index, ...(problem ? { problem } : {}) });
    index = value.indexOf('${', end + 1);
  }
  return found;
}

const substitutes = new WeakMap<PolicyNode, boolean>();

/**
 * Whether policy variables in `policy` stand for values (IAM substitutes them only with
 * `"Version": "2012-10-17"`; otherwise `${…}` is literal text), or the policy holds placeholders
 * for values a template leaves unknown (`sources/placeholder.ts`), which must be read as values
 * whatever the version says, so that they never give a false "no".
 * @param policy the policy
 * @returns true when `${…}` is to be read as a variable
 */
export function substitutesVariables(policy: PolicyNode): boolean {
  let known = substitutes.get(policy);
  if (known === undefined) {
    known = policy.version?.value === '2012-10-17' || holdsPlaceholder(policy);
    substitutes.set(policy, known);
  }
  return known;
}

function holdsPlaceholder(policy: PolicyNode): boolean {
  return policy.statements.some((s) =>
    [s.action, s.notAction, s.resource, s.notResource].some((e) => e?.items.some((i) => hasPlaceholder(i.value))) ||
    s.condition?.operators.some((o) => o.keys.some((k) => k.values.some((v) => typeof v.value === 'string' && hasPlaceholder(v.value)))),
  );
}
