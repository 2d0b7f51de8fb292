import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unsupportedFormat } from '../src/file-format.js';
import { runCli } from './run-cli.js';

describe('files named on the command line in formats not checked yet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamscope-format-'));
  const write = (name: string, text: string | Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('names YAML and Terraform by extension, in any case', () => {
    assert.equal(unsupportedFormat(write('a.yaml', '{}')), 'YAML');
    assert.equal(unsupportedFormat(write('b.YML', 'a: 1\n')), 'YAML');
    assert.equal(unsupportedFormat(write('main.Tf', 'resource "a" "b" {}\n')), 'Terraform');
    assert.equal(unsupportedFormat(write('p.json', 'a: 1\n')), undefined, 'a .json file is always JSON');
    assert.equal(unsupportedFormat(write('policy', 'a: 1\n')), undefined);
  });

  it('reads a .template as JSON when it starts with { or [ after white space or a byte-order mark', () => {
    assert.equal(unsupportedFormat(write('json.template', '\n  {"Resources": {}}')), undefined);
    assert.equal(unsupportedFormat(write('bom.template', '\ufeff{}')), undefined);
    assert.equal(unsupportedFormat(write('utf16.template', Buffer.from('\ufeff{}', 'utf16le'))), undefined);
    assert.equal(unsupportedFormat(write('empty.template', '')), undefined);
    assert.equal(unsupportedFormat(write('yaml.template', 'AWSTemplateFormatVersion: "2010-09-09"\n')), 'YAML');
    assert.equal(unsupportedFormat(write('comment.template', '# roles\nResources: {}\n')), 'YAML');
    assert.equal(unsupportedFormat(join(dir, 'missing.template')), undefined, 'the JSON reader reports a file it cannot read');
  });

  it('skips them with a note and exit 0, and still checks the JSON files', () => {
    write('bad.json', '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}');
    const clean = runCli(['scan', 'a.yaml', 'main.Tf', 'yaml.template', 'json.template'], { cwd: dir });
    assert.equal(clean.code, 0, clean.stdout);
    for (const line of [
      '  note     a.yaml: Skipped a.yaml: YAML files are not checked yet (only JSON).\n',
      '  note     main.Tf: Skipped main.Tf: Terraform files are not checked yet (only JSON).\n',
      '  note     yaml.template: Skipped yaml.template: YAML files are not checked yet (only JSON).\n',
    ]) {
      assert.ok(clean.stdout.includes(line), `missing ${line} in:\n${clean.stdout}`);
    }
    assert.match(clean.stdout, /0 problems \(0 errors, 0 warnings, 0 notes\); 1 file read, 0 policies checked/, 'json.template is read');
    const bad = runCli(['scan', 'b.YML', 'bad.json'], { cwd: dir });
    assert.equal(bad.code, 1);
    // counted by hand: `{"Version":"2012-10-17","Statement":[{` is 38 columns, `"Effect":` 9 more, so "allow" starts at 48.
    assert.ok(bad.stdout.includes('invalid-effect  bad.json:1:48\n'), bad.stdout);
    assert.ok(bad.stdout.includes('note     b.YML: Skipped b.YML: YAML files are not checked yet (only JSON).'), bad.stdout);
  });
});
