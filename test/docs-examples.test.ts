import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Engine, RuleRegistry } from '@iamscope/core';
import ml from '@iamscope/rules-ml';

const root = fileURLToPath(new URL('../', import.meta.url));
const rules = new RuleRegistry([ml]).all();

/**
 * One ```json (or ```yaml, ```hcl) block of a doc section, with the policy type, rule options
 * and file name from `<!-- policyType: x -->`, `<!-- options: {json} -->` and
 * `<!-- filename: template.yaml -->` lines just above it.
 */
interface Example {
  code: string;
  filename?: string;
  policyType?: string;
  options?: Record<string, unknown>;
}

/**
 * The json code blocks of one `## <heading>` section of a rule doc.
 * @returns blocks in order (empty when the section is missing)
 */
function examples(doc: string, heading: string): Example[] {
  const section = doc.split(/^## /m).find((s) => s.startsWith(`${heading}\n`)) ?? '';
  return [...section.matchAll(/((?:<!-- \w+: .* -->\n)*)```(?:json|yaml|hcl)\n([\s\S]*?)\n```/g)].map((m) => {
    const notes = Object.fromEntries([...m[1]!.matchAll(/<!-- (\w+): (.*) -->/g)].map((n) => [n[1]!, n[2]!]));
    return {
      code: m[2]!,
      ...(notes['filename'] ? { filename: notes['filename'] } : {}),
      ...(notes['policyType'] ? { policyType: notes['policyType'] } : {}),
      ...(notes['options'] ? { options: JSON.parse(notes['options']) as Record<string, unknown> } : {}),
    };
  });
}

function lint(id: string, example: Example) {
  const config: Record<string, unknown> = { rules: { [id]: example.options ? ['error', example.options] : 'error' } };
  if (example.policyType) config['overrides'] = [{ files: ['**'], policyType: example.policyType }];
  const engine = new Engine({ plugins: [ml], config, recommended: false });
  const report = engine.lintText(example.code, example.filename ?? 'example.json');
  assert.deepEqual(report.notifications, [], 'the rule must not crash');
  if (!example.filename) assert.ok(report.policies > 0, 'the example must be a policy document');
  assert.deepEqual(report.results.filter((r) => r.ruleId === 'parse-error').map((r) => r.message), [], 'the example must parse');
  return report.results.filter((r) => r.ruleId === id);
}

describe('rule docs: flagged and allowed examples run through their rule', () => {
  for (const { id, rule } of rules) {
    if (id === 'parse-error') continue; // its flagged example is not a policy document
    const path = `${root}${rule.meta.docs.url.replace(/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/main\//, '')}`;
    it(id, () => {
      const doc = readFileSync(path, 'utf8');
      const flagged = examples(doc, 'Flagged example');
      const allowed = examples(doc, 'Allowed example');
      assert.ok(flagged.length > 0 && allowed.length > 0, 'the doc has a flagged and an allowed example');
      for (const example of flagged) assert.ok(lint(id, example).length > 0, `flagged example gives no result:\n${example.code}`);
      for (const example of allowed) assert.deepEqual(lint(id, example).map((r) => r.message), [], `allowed example gives results:\n${example.code}`);
    });
  }
});
