import assert from 'node:assert/strict';
import { runCli } from './run-cli.js';

describe('grammar fixtures (issue #3 "reported on the right line")', () => {
  it('reports each mistake at the position of the offending element', () => {
    const { code, stdout } = runCli(['scan', 'fixtures/grammar', '--format', 'json']);
    assert.equal(code, 1);
    // (the ML pack's scope rules also judge these files, e.g. ml/s3-scope on the bucket "ml-home")
    const found = (JSON.parse(stdout) as { results: { file: string; line: number; column: number; ruleId: string }[] }).results
      .filter((r) => !r.ruleId.startsWith('ml/'))
      .map((r) => `${r.file.replace('fixtures/grammar/', '')} ${r.line}:${r.column} ${r.ruleId}`);
    // every position counted by hand in the fixture files (see fixtures/README.md)
    assert.deepEqual(found, [
      'legacy-version.json 7:19 variable-without-version',
      'misspellings.json 6:17 invalid-effect',
      'misspellings.json 7:18 unknown-action',
      'misspellings.json 16:30 unknown-global-condition-key',
      'misspellings.json 22:17 action-resource-mismatch',
      'trailing-comma.json 4:67 parse-error',
    ]);
  });
});
