import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuleRegistry } from '@iamscope/core';
import ml from '@iamscope/rules-ml';

const root = fileURLToPath(new URL('../', import.meta.url));
const rules = new RuleRegistry([ml]).all();

interface Row {
  code: string;
  type: string;
  ruleIds: string[];
  note: string;
}

/** The rows of the table in docs/access-analyzer-parity.md. */
function rows(): Row[] {
  const doc = readFileSync(`${root}docs/access-analyzer-parity.md`, 'utf8');
  return doc
    .split('\n')
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => {
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      return {
        code: cells[1]!.replace(/`/g, ''),
        type: cells[2]!,
        ruleIds: cells[3] === '—' ? [] : cells[3]!.split(',').map((id) => id.trim().replace(/`/g, '')),
        note: cells[4]!,
      };
    });
}

describe('docs/access-analyzer-parity.md', () => {
  const table = rows();

  it('lists the 135 checks once each: 73 errors, 23 warnings, 14 security warnings, 25 suggestions', () => {
    assert.equal(new Set(table.map((r) => r.code)).size, 135);
    const count = (type: string) => table.filter((r) => r.type === type).length;
    assert.deepEqual([count('ERROR'), count('WARNING'), count('SECURITY_WARNING'), count('SUGGESTION')], [73, 23, 14, 25]);
  });

  it('names only existing rules, each of which lists the code in meta.accessAnalyzer', () => {
    for (const row of table) {
      for (const id of row.ruleIds) {
        const rule = rules.find((r) => r.id === id);
        assert.ok(rule, `${row.code}: no rule ${id}`);
        assert.ok(rule.rule.meta.accessAnalyzer?.includes(row.code), `${id} does not list ${row.code} in meta.accessAnalyzer`);
      }
    }
  });

  it('has a row naming the rule for every code a rule lists', () => {
    for (const { id, rule } of rules) {
      for (const code of rule.meta.accessAnalyzer ?? []) {
        const row = table.find((r) => r.code === code);
        assert.ok(row, `${id} lists unknown code ${code}`);
        assert.ok(row.ruleIds.includes(id), `row ${code} does not name ${id}`);
      }
    }
  });

  it('explains every unmapped check, and maps at least 90% of the checks decidable offline', () => {
    const unmapped = table.filter((r) => r.ruleIds.length === 0);
    for (const row of unmapped) assert.match(row.note, /^(Not decidable offline|Not yet)\b.{20,}/, `${row.code} needs a reason`);
    const undecidable = unmapped.filter((r) => r.note.startsWith('Not decidable offline')).length;
    const decidable = table.length - undecidable;
    const mapped = table.length - unmapped.length;
    assert.ok(mapped / decidable >= 0.9, `${mapped} of ${decidable} offline-decidable checks mapped`);
  });
});
