/**
 * Condition operator names: the 27 base operators, the `IfExists` suffix and the `ForAllValues:` /
 * `ForAnyValue:` set qualifiers. Source of truth: IAM User Guide, "IAM JSON policy elements:
 * Condition operators" and "Multivalued context keys"; iam-grammar.md §5.3–5.4.
 */

/** The value family of an operator: what its values must look like and which key types it fits. */
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** The base operators as AWS spells them, with their family. */
export const BASE_OPERATORS: Readonly<Record<string, OperatorFamily>> = {
  StringEquals: 'String',
  StringNotEquals: 'String',
  StringEqualsIgnoreCase: 'String',
  StringNotEqualsIgnoreCase: 'String',
  StringLike: 'String',
  StringNotLike: 'String',
  NumericEquals: 'Numeric',
  NumericNotEquals: 'Numeric',
  NumericLessThan: 'Numeric',
  NumericLessThanEquals: 'Numeric',
  NumericGreaterThan: 'Numeric',
  NumericGreaterThanEquals: 'Numeric',
  DateEquals: 'Date',
  DateNotEquals: 'Date',
  DateLessThan: 'Date',
  DateLessThanEquals: 'Date',
  DateGreaterThan: 'Date',
  DateGreaterThanEquals: 'Date',
  Bool: 'Bool',
  BinaryEquals: 'Binary',
  IpAddress: 'IpAddress',
  NotIpAddress: 'IpAddress',
  ArnEquals: 'Arn',
  ArnLike: 'Arn',
  ArnNotEquals: 'Arn',
  ArnNotLike: 'Arn',
  Null: 'Null',
};

/** A set qualifier as AWS spells it. */
export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

/** A condition operator name taken apart. */
export interface ParsedOperator {
  /** The qualifier before `:`, when present. */
  qualifier?: SetQualifier;
  /** The base operator as AWS spells it (`StringEquals`). */
  base: string;
  family: OperatorFamily;
  /** True for the `…IfExists` form. */
  ifExists: boolean;
  /** True for operators that match when the value differs (`StringNotEquals`, `NotIpAddress`, …). */
  negated: boolean;
  /** The canonical spelling of the whole name (`ForAnyValue:StringLikeIfExists`). */
  canonical: string;
  /** False when the name as written differs from the canonical spelling in letter case only. */
  exactCase: boolean;
}

const BY_LOWER = new Map(Object.keys(BASE_OPERATORS).map((name) => [name.toLowerCase(), name]));

/**
 * Parses an operator name, matching case-insensitively (AWS documents PascalCase; behaviour for
 * other spellings is unspecified, so callers report them separately via `exactCase`).
 * @param name the operator as written, e.g. `ForAllValues:StringLikeIfExists`
 * @returns the parsed operator, or undefined when the base, the qualifier or the suffix is unknown
 */
export function parseConditionOperator(name: string): ParsedOperator | undefined {
  let rest = name;
  let qualifier: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon).toLowerCase();
    if (prefix === 'forallvalues') qualifier = 'ForAllValues';
    else if (prefix === 'foranyvalue') qualifier = 'ForAnyValue';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let base = BY_LOWER.get(rest.toLowerCase());
  let ifExists = false;
  if (!base && rest.toLowerCase().endsWith('ifexists')) {
    base = BY_LOWER.get(rest.slice(0, -'ifexists'.length).toLowerCase());
    ifExists = base !== undefined;
  }
  if (!base) return undefined;
  const canonical = `${qualifier ? `${qualifier}:` : ''}${base}${ifExists ? 'IfExists' : ''}`;
  return {
    ...(qualifier ? { qualifier } : {}),
    base,
    family: BASE_OPERATORS[base]!,
    ifExists,
    negated: /Not/.test(base),
    canonical,
    exactCase: canonical === name,
  };
}

/** Every operator name without a qualifier (53: the bases and their `IfExists` forms except `NullIfExists`), for suggestions. */
export function operatorNames(): string[] {
  return Object.keys(BASE_OPERATORS).flatMap((base) => (base === 'Null' ? [base] : [base, `${base}IfExists`]));
}
