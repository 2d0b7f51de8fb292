import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { positionAt } from '@iamscope/core';
import { ROOT, runCli } from './run-cli.js';

const schema = JSON.parse(
  readFileSync(new URL('../../core/test/fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as object;

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  charOffset: number;
  charLength: number;
}

function scanToSarif(target: string): { text: string; log: any } {
  const out = join(mkdtempSync(join(tmpdir(), 'iamscope-sarif-')), 'out.sarif');
  const { code } = runCli(['scan', target, '--format', 'sarif', '--output-file', out]);
  assert.equal(code, 1);
  const text = readFileSync(out, 'utf8');
  return { text, log: JSON.parse(text) };
}

describe('SARIF output', () => {
  const { text, log } = scanToSarif('fixtures/seed');

  it('validates against the OASIS SARIF 2.1.0 schema (draft-04)', () => {
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  });

  it('has a region for every result that covers exactly the offending JSON element', () => {
    const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Region } }[] }[];
    assert.equal(results.length, 7);
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
