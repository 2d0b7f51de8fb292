import assert from 'node:assert/strict';
import { Engine } from '../linter/engine.js';
import { coreRules } from '../rules/index.js';
import type { Plugin, Rule, RuleLevelSetting } from '../linter/types.js';
import type { PolicyType } from '../policy/nodes.js';

/** A case the rule must not report on. */
export interface ValidTestCase {
  /** Describes the scenario; must be unique within the run. */
  name: string;
  /** A complete policy document (multi-line, so positions are real), or a whole file in the format `filename` names. */
  code: string;
  /**
   * File name the code is checked as (default `policy.json`): e.g. `template.yaml` for a
   * CloudFormation template, `main.tf` for Terraform (call `loadTerraformParser()` in a `before` hook).
   */
  filename?: string;
  /** Rule options (validated against the rule's schema). */
  options?: Record<string, unknown>;
  /** Configuration `settings`. */
  settings?: Record<string, unknown>;
  /** Policy type to check the document as (default: inferred from the document). */
  policyType?: PolicyType;
}

/** One expected result: messageId and the full 1-based region (end exclusive, UTF-16 columns). */
export interface ExpectedError {
  messageId: string;
  data?: Record<string, string | number>;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Expected level (default: the level the case runs the rule at, `error`). */
  level?: 'error' | 'warning' | 'note';
}

/** A case the rule must report on, exactly with `errors` (in position order). */
export interface InvalidTestCase extends ValidTestCase {
  errors: ExpectedError[];
}

type TestFn = (name: string, fn: () => void) => void;

const ERROR_KEYS = new Set(['messageId', 'data', 'line', 'column', 'endLine', 'endColumn', 'level']);

/**
 * Runs valid/invalid cases for one rule, like ESLint's RuleTester, with mocha's (or any
 * compatible) `describe`/`it`. Fails on: duplicate case names, invalid cases with no errors,
 * unknown keys or missing positions in expected errors, messageIds not in `meta.messages`,
 * placeholders left unfilled, options that fail the rule's schema, any rule crash, and any
 * mutation of the AST (it is frozen, so writes throw and show up as crashes).
 */
export class RuleTester {
  /** Test-suite function; defaults to the global `describe`. */
  static describe: TestFn = (name, fn) => (globalThis as unknown as { describe: TestFn }).describe(name, fn);
  /** Test-case function; defaults to the global `it`. */
  static it: TestFn = (name, fn) => (globalThis as unknown as { it: TestFn }).it(name, fn);

  /**
   * @param id full rule id, e.g. `invalid-effect` or `ml/logs-scope` (the namespace becomes the plugin's)
   * @param rule the rule module
   * @param tests valid and invalid cases
   */
  run(id: string, rule: Rule<any>, tests: { valid: ValidTestCase[]; invalid: InvalidTestCase[] }): void {
    const names = [...tests.valid, ...tests.invalid].map((t) => t.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    RuleTester.describe(id, () => {
      RuleTester.it('has unique case names', () => assert.equal(duplicate, undefined, `duplicate case name "${duplicate}"`));
      RuleTester.describe('valid', () => {
        for (const test of tests.valid) RuleTester.it(test.name, () => assert.deepEqual(this.lint(id, rule, test), []));
      });
      RuleTester.describe('invalid', () => {
        for (const test of tests.invalid) RuleTester.it(test.name, () => this.checkInvalid(id, rule, test));
      });
    });
  }

  private checkInvalid(id: string, rule: Rule<any>, test: InvalidTestCase): void {
    assert.ok(test.errors.length > 0, 'an invalid case needs at least one expected error');
    for (const e of test.errors) {
      for (const key of Object.keys(e)) assert.ok(ERROR_KEYS.has(key), `unknown key "${key}" in expected error`);
      assert.ok(Object.hasOwn(rule.meta.messages, e.messageId), `messageId "${e.messageId}" is not in meta.messages`);
      for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
        assert.equal(typeof e[key], 'number', `expected error needs ${key}`);
      }
    }
    const actual = this.lint(id, rule, test);
    for (const r of actual) assert.doesNotMatch(r.message, /\{\{\s*\w+\s*\}\}/, `unfilled placeholder in "${r.message}"`);
    const comparable = actual.map((r, i) => {
      const expected = test.errors[i];
      const out: Record<string, unknown> = {
        messageId: r.messageId,
        line: r.line,
        column: r.column,
        endLine: r.endLine,
        endColumn: r.endColumn,
      };
      if (expected?.level) out['level'] = r.level;
      if (expected?.data) {
        const template = rule.meta.messages[r.messageId] ?? '';
        out['data'] = expected.data;
        const filled = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(expected.data![k]));
        assert.equal(r.message, filled, 'message differs from the template filled with the expected data');
      }
      return out;
    });
    assert.deepEqual(comparable, test.errors);
  }

  private lint(id: string, rule: Rule<any>, test: ValidTestCase) {
    const slash = id.indexOf('/');
    const plugins: Plugin[] = [];
    if (slash !== -1) {
      const namespace = id.slice(0, slash);
      plugins.push({
        meta: { name: `rule-tester-${namespace}`, version: '0.0.0', namespace },
        rules: { [id.slice(slash + 1)]: rule },
        configs: { recommended: { rules: {} } },
      });
    }
    const level: RuleLevelSetting = 'error';
    const config: Record<string, unknown> = {
      rules: { [id]: test.options ? [level, test.options] : level },
      settings: test.settings ?? {},
    };
    if (test.policyType) config['overrides'] = [{ files: ['**'], policyType: test.policyType }];
    const unlisted = slash === -1 && !coreRules.includes(rule) ? [rule] : [];
    const engine = new Engine({ plugins, config, recommended: false, freezeAst: true, unlistedCoreRules: unlisted });
    if (slash === -1 && engine.registry.get(id)?.rule !== rule) throw new Error(`"${id}" is not a core rule; plugin rule ids have a namespace.`);
    const report = engine.lintText(test.code, test.filename ?? 'policy.json');
    assert.deepEqual(report.notifications, [], 'the rule must not crash');
    if (!test.filename) assert.ok(report.policies > 0, 'the case code must be a policy document');
    const parseErrors = report.results.filter((r) => r.ruleId !== id);
    assert.deepEqual(parseErrors.map((r) => r.message), [], 'the case code must parse');
    return report.results.map((r) => ({
      messageId: r.messageId,
      message: r.message,
      level: r.level,
      line: r.loc.start.line,
      column: r.loc.start.column,
      endLine: r.loc.end.line,
      endColumn: r.loc.end.column,
    }));
  }
}
