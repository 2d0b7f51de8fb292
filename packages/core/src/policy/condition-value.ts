/**
 * What condition values of each operator family look like. Source of truth: IAM User Guide,
 * "IAM JSON policy elements: Condition operators" and "Policy variables"; iam-grammar.md §1.3,
 * §5.3 and §7.
 */
import type { ConditionValueNode } from './nodes.js';

/**
 * The text IAM compares for a scalar condition value (numbers and booleans through their string
 * form, iam-grammar.md §1.3).
 * @param node a condition value
 * @returns the text, or undefined for a JSON null, object or array
 */
export function valueText(node: ConditionValueNode): string | undefined {
  return node.value === null ? undefined : String(node.value);
}

/** The escapes `${*}`, `${?}`, `${$}`, which stand for a literal character, not a variable. */
const ESCAPES = new Set(['*', '?', '$']);

/**
 * Finds the first policy variable in a value.
 * @param text a condition value
 * @returns the variable as written (`${aws:username}`), or undefined when there is none (escapes are not variables)
 */
export function findVariable(text: string): string | undefined {
  for (let start = text.indexOf('${'); start !== -1; start = text.indexOf('${', start + 2)) {
    const end = text.indexOf('}', start + 2);
    if (end === -1) return undefined;
    if (!ESCAPES.has(text.slice(start + 2, end))) return text.slice(start, end + 1);
  }
  return undefined;
}

/** True for `true` / `false` in any letter case (Bool and Null values). */
export function isBooleanText(text: string): boolean {
  return /^(true|false)$/i.test(text);
}

/** True for an integer or decimal, optionally signed, optionally with an exponent (Numeric values). */
export function isNumberText(text: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text);
}

/** True for a number of seconds since 1970 written as digits (optionally signed, with a fraction). */
export function isEpochText(text: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(text);
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]|[+-](\d{2}):?(\d{2}))?)?)?)?$/;

/**
 * True for a W3C / ISO 8601 date or date-time in extended format: `YYYY`, `YYYY-MM`,
 * `YYYY-MM-DD`, `YYYY-MM-DDThh:mm[:ss[.s…]][Z|±hh:mm]` with fields in range.
 */
export function isIsoDateText(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [, , month, day, hour, minute, second, offsetHour, offsetMinute] = m.map((g) => (g === undefined ? undefined : Number(g)));
  const within = (v: number | undefined, lo: number, hi: number) => v === undefined || (v >= lo && v <= hi);
  return (
    within(month, 1, 12) &&
    within(day, 1, 31) &&
    within(hour, 0, 24) &&
    within(minute, 0, 59) &&
    within(second, 0, 60) &&
    within(offsetHour, 0, 23) &&
    within(offsetMinute, 0, 59)
  );
}

/** True for standard base-64 (RFC 4648 §4 alphabet; `=` padding optional, as Java's decoder accepts). */
export function isBase64Text(text: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.replace(/=+$/, '').length % 4 !== 1 && (!text.endsWith('=') || text.length % 4 === 0);
}
