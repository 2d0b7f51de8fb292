import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuleRegistry } from '@iamscope/core';
import ml from '@iamscope/rules-ml';
import { withRuleTable } from '../scripts/rule-table.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const rules = new RuleRegistry([ml]).all();

describe('rule metadata and docs', () => {
  it('README rule table is current (run `npm run docs`)', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    assert.equal(withRuleTable(readme), readme);
  });

  for (const { id, rule } of rules) {
    describe(id, () => {
      it('has a doc page whose title and first paragraph match meta', () => {
        const path = `${root}${rule.meta.docs.url.replace(/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/main\//, '')}`;
        assert.ok(existsSync(path), `missing ${path}`);
        const [title, , description] = readFileSync(path, 'utf8').split('\n');
        assert.equal(title, `# ${id}`);
        assert.equal(description, rule.meta.docs.description);
      });

      it('follows the naming and message conventions', () => {
        assert.match(rule.name, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
        assert.ok(id === rule.name || id.endsWith(`/${rule.name}`));
        for (const [messageId, text] of Object.entries(rule.meta.messages)) {
          assert.match(messageId, /^[a-z][A-Za-z0-9]*$/);
          if (id !== 'parse-error') assert.match(text, /\.$/, `message "${messageId}" ends with a period`);
        }
        assert.ok((rule.meta.tags ?? []).length <= 10);
        assert.ok(rule.meta.docs.details.length <= 1024, 'fits SARIF fullDescription');
        if (rule.meta.tags?.includes('security')) {
          const s = rule.meta.securitySeverity;
          assert.ok(s !== undefined && s > 0 && s <= 10, 'security rules carry a security-severity');
        }
      });
    });
  }
});
