import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { positionAt } from '@iamscope/core';
import { sarifProblems } from '../../core/test/support/sarif-validator.js';
import { ROOT, runCli } from './run-cli.js';

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  charOffset: number;
  charLength: number;
}

function scanToSarif(target: string, extra: string[] = [], expectedCode: number | null = 1): { text: string; log: any } {
  const out = join(mkdtempSync(join(tmpdir(), 'iamscope-sarif-')), 'out.sarif');
  const { code } = runCli(['scan', target, '--format', 'sarif', '--output-file', out, ...extra]);
  if (expectedCode === null) assert.ok(code === 0 || code === 1, `${target}: exit code ${code}`);
  else assert.equal(code, expectedCode, target);
  const text = readFileSync(out, 'utf8');
  return { text, log: JSON.parse(text) };
}

describe('SARIF output', () => {
  const { text, log } = scanToSarif('fixtures/seed');

  it('validates against the OASIS SARIF 2.1.0 schema and GitHub code scanning\'s rules', () => {
    assert.deepEqual(sarifProblems(log), []);
  });

  it('of every fixture file passes the schema and GitHub\'s rules, with a category', () => {
    const files = readdirSync(join(ROOT, 'fixtures'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(json|ya?ml|template|tf)$/.test(f));
    assert.ok(files.length >= 30, `fixtures found: ${files.join(', ')}`);
    for (const file of files) {
      const path = `fixtures/${file.split('\\').join('/')}`;
      // good fixtures are clean; a bad folder may hold clean helper files (a policy read by file())
      const expected = /\/good[/.]/.test(path) ? 0 : null;
      const { log: fixtureLog } = scanToSarif(path, ['--category', 'iamscope/fixtures'], expected);
      assert.deepEqual(sarifProblems(fixtureLog), [], path);
      assert.equal(fixtureLog.runs[0].automationDetails.id, 'iamscope/fixtures/');
    }
  });

  it('has a region for every result that covers exactly the offending JSON element', () => {
    const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Region } }[] }[];
    assert.equal(results.length, 17);
    for (const result of results) {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      const source = readFileSync(join(ROOT, decodeURIComponent(artifactLocation.uri)), 'utf8');
      assert.deepEqual(positionAt(source, region.charOffset), { line: region.startLine, column: region.startColumn, offset: region.charOffset });
      const end = region.charOffset + region.charLength;
      assert.deepEqual(positionAt(source, end), { line: region.endLine, column: region.endColumn, offset: end });
      const slice = source.slice(region.charOffset, end);
      if (result.ruleId === 'parse-error') {
        assert.equal(slice, ',', 'the trailing comma where parsing stopped');
      } else if (result.ruleId === 'missing-statement-element') {
        assert.ok(slice.startsWith('{') && slice.endsWith('}'));
      } else {
        assert.doesNotThrow(() => JSON.parse(slice), `region text is a whole JSON value: ${slice}`);
      }
    }
  });

  it('uses relative URIs, utf16 columns and a rule entry for every ruleIndex', () => {
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.ok(!text.includes(ROOT), 'no absolute paths');
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.match(result.locations[0].physicalLocation.artifactLocation.uri, /^fixtures\/seed\//);
    }
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.help.text && rule.helpUri);
      const severity = rule.properties['security-severity'];
      if (severity !== undefined) assert.match(severity, /^\d+\.\d$/);
    }
    assert.equal(run.invocations[0].executionSuccessful, true);
  });

  it('is byte-for-byte deterministic', () => {
    assert.equal(scanToSarif('fixtures/seed').text, text);
  });
});
