/** Placeholder values longer than this (UTF-16 units) are shortened in messages. */
export const MAX_PLACEHOLDER_LENGTH = 200;

/**
 * Fills `{{name}}` placeholders of a message template. A value longer than
 * {@link MAX_PLACEHOLDER_LENGTH} keeps its first 150 and last 40 units around an ellipsis with
 * the full length (a 10 MB ARN must not become a 10 MB message); the location still points at the
 * whole element.
 * @param template e.g. `Unknown action "{{action}}".`
 * @param data placeholder values
 * @returns the message; placeholders without data are left as written
 */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? clip(String(data[name])) : whole,
  );
}

function clip(value: string): string {
  if (value.length <= MAX_PLACEHOLDER_LENGTH) return value;
  return `${head(value, 150)}…(${value.length} characters)…${tail(value, 40)}`;
}

/** The first `n` units, one fewer when that would split a surrogate pair. */
function head(value: string, n: number): string {
  return isHighSurrogate(value.charCodeAt(n - 1)) ? value.slice(0, n - 1) : value.slice(0, n);
}

/** The last `n` units, one fewer when that would split a surrogate pair. */
function tail(value: string, n: number): string {
  const start = value.length - n;
  return isHighSurrogate(value.charCodeAt(start - 1)) ? value.slice(start + 1) : value.slice(start);
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
