/**
 * Fills `{{name}}` placeholders of a message template.
 * @param template e.g. `Unknown action "{{action}}".`
 * @param data placeholder values
 * @returns the message; placeholders without data are left as written
 */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
}
