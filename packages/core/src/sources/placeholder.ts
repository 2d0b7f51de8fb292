/**
 * Values a reader cannot know (a CloudFormation `!Ref` to a parameter without a default, a
 * `!GetAtt`, `!ImportValue`, the stack's account and region; a Terraform `var.x` without a default,
 * a resource attribute, an interpolation) are written into the document as a placeholder
 * `${unresolved:<what>}`. It has the form of an IAM policy variable, so the pattern algebra treats
 * it as one (it may stand for any text: answers become "may", never a false "yes" or "no"), and the
 * grammar rules leave it alone ({@link hasPlaceholder}).
 */

const PREFIX = '${unresolved:';

/**
 * The placeholder for an unknown value.
 * @param what a short description of the source expression, e.g. `Ref:DataBucket`, `var.bucket`,
 *   `AWS::AccountId`; white space, `{`, `}` and `$` are replaced by `_` so the placeholder stays one
 *   well-formed variable
 * @returns `${unresolved:<what>}`
 */
export function placeholder(what: string): string {
  return `${PREFIX}${what.replace(/[\s{}$]/g, '_')}}`;
}

/**
 * Whether a value contains a placeholder for an unknown value.
 * @param value an element value (null for non-strings)
 */
export function hasPlaceholder(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.includes(PREFIX);
}

/**
 * Whether the policy-variable text `variable` (from `${` to `}`, as `findVariables` returns it) is a placeholder.
 * @param variable e.g. `${unresolved:Ref:DataBucket}`
 */
export function isPlaceholderVariable(variable: string): boolean {
  return variable.startsWith(PREFIX);
}

/**
 * Whether the placeholders in a Resource value can change which resources it names in a way that
 * matters for scope questions: true when a placeholder stands anywhere but as the whole region or
 * the whole account field of an ARN (`arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:x`
 * names the same log groups in every region and account, so questions about log-group names do
 * not depend on them).
 * @param value a Resource or NotResource value
 * @returns false when the value has no placeholder, or has them only as whole region/account fields
 */
export function placeholderDecides(value: string | null): boolean {
  if (!hasPlaceholder(value)) return false;
  const fields = value!.replace(/\$\{unresolved:[^}]*\}/g, '\u0000').split(':');
  if (fields[0] !== 'arn' || fields.length < 6) return true;
  const rest = fields.slice(5).join(':');
  return [fields[1], fields[2], rest].some((f) => f!.includes('\u0000')) || [fields[3], fields[4]].some((f) => f!.includes('\u0000') && f !== '\u0000');
}

/**
 * Whether a value begins with a placeholder, so nothing about its form is known (an ARN built by
 * `!GetAtt Key.Arn` or `var.kms_key_arn` may be any ARN): syntax rules leave such a value alone.
 * @param value an element value (null for non-strings)
 */
export function startsWithPlaceholder(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/**
 * A value with its placeholders taken out, for rules that look for real policy variables in it.
 * @param value an element value
 * @returns the value without any `${unresolved:…}`
 */
export function withoutPlaceholders(value: string): string {
  return value.replace(/\$\{unresolved:[^}]*\}/g, '');
}
