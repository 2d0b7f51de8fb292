import type { RegisteredRule } from '@iamscope/core';

/**
 * Text of `iamscope rules`: one line per rule (`id  level  recommended  description`), or JSON
 * `[{ id, defaultLevel, recommended, description, url, source }]`.
 * @param rules rules sorted by id
 * @param format `text` or `json`
 * @returns text ending in a newline
 */
export function formatRules(rules: RegisteredRule[], format: 'text' | 'json'): string {
  const rows = rules.map((r) => ({
    id: r.id,
    defaultLevel: r.rule.meta.defaultLevel,
    recommended: r.rule.meta.recommended,
    description: r.rule.meta.docs.description,
    url: r.rule.meta.docs.url,
    source: r.source,
  }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const width = Math.max(...rows.map((r) => r.id.length));
  return `${rows.map((r) => `${r.id.padEnd(width)}  ${r.defaultLevel.padEnd(7)}  ${r.recommended ? 'recommended' : '           '}  ${r.description}`).join('\n')}\n`;
}
