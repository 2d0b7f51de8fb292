import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { runCli } from '../packages/cli/test/run-cli.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const scanStep = action.runs.steps.find((s) => s.id === 'scan')!;

describe('GitHub Action (action.yml)', () => {
  it('is a composite action that sets up Node 20 and installs iamscope from its own checkout', () => {
    assert.equal(action.runs.using, 'composite');
    const [setup, install, scan] = action.runs.steps;
    assert.equal(setup?.uses, 'actions/setup-node@v4');
    assert.deepEqual(setup?.with, { 'node-version': 20 });
    assert.equal(install?.run, 'npm ci --no-audit --no-fund');
    assert.equal(install?.['working-directory'], '${{ github.action_path }}');
    assert.equal(scan, scanStep);
    assert.equal(scan.shell, 'bash');
  });

  it('has the inputs paths, config, format (default sarif), category and fail-on, each passed to the scan', () => {
    assert.deepEqual(Object.keys(action.inputs), ['paths', 'config', 'format', 'category', 'fail-on']);
    assert.deepEqual(
      Object.fromEntries(Object.entries(action.inputs).map(([id, input]) => [id, input.default])),
      { paths: '.', config: '', format: 'sarif', category: '', 'fail-on': 'error' },
    );
    assert.deepEqual(scanStep.env, {
      IAMSCOPE_PATHS: '${{ inputs.paths }}',
      IAMSCOPE_CONFIG: '${{ inputs.config }}',
      IAMSCOPE_FORMAT: '${{ inputs.format }}',
      IAMSCOPE_CATEGORY: '${{ inputs.category }}',
      IAMSCOPE_FAIL_ON: '${{ inputs.fail-on }}',
    });
    assert.doesNotMatch(scanStep.run!, /\$\{\{/, 'no expression is pasted into the script');
    assert.deepEqual(action.outputs, {
      'sarif-file': { description: action.outputs['sarif-file']!.description, value: '${{ steps.scan.outputs.sarif-file }}' },
    });
  });

  it('passes only options that `iamscope scan` has', () => {
    const { code, stdout } = runCli(['scan', '--help']);
    assert.equal(code, 0);
    const passed = [...new Set(scanStep.run!.match(/--[a-z][a-z-]*/g))].sort();
    assert.deepEqual(passed, ['--category', '--config', '--fail-on', '--format', '--output-file']);
    for (const option of passed) assert.match(stdout, new RegExp(`^ +(-\\w, )?${option} <`, 'm'), `${option} is not in:\n${stdout}`);
  });

  describe('the scan step, run as the runner runs it', () => {
    const temp = mkdtempSync(join(tmpdir(), 'iamscope-action-'));
    after(() => rmSync(temp, { recursive: true, force: true }));
    const runStep = (inputs: Record<string, string>) => {
      const outputFile = join(mkdtempSync(join(temp, 'output-')), 'GITHUB_OUTPUT');
      writeFileSync(outputFile, '');
      const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', GITHUB_ACTION_PATH: ROOT, RUNNER_TEMP: temp, GITHUB_OUTPUT: outputFile };
      for (const [name, value] of Object.entries(scanStep.env!)) {
        const id = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value)![1]!;
        env[name] = inputs[id] ?? action.inputs[id]!.default ?? '';
      }
      // GitHub runs `shell: bash` steps as `bash --noprofile --norc -eo pipefail <script>`.
      const child = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', scanStep.run!], { cwd: ROOT, env, encoding: 'utf8' });
      return { code: child.status, stdout: child.stdout, stderr: child.stderr, outputs: readFileSync(outputFile, 'utf8') };
    };

    it('writes SARIF with the category under RUNNER_TEMP and names it in the sarif-file output', () => {
      const step = runStep({ paths: 'fixtures/seed/good', category: 'iamscope/ml-roles/' });
      assert.equal(step.code, 0, step.stderr);
      assert.equal(step.stdout, '');
      const match = /^sarif-file=(.+\/iamscope-\w{6}\/iamscope\.sarif)\n$/.exec(step.outputs);
      assert.ok(match && match[1]!.startsWith(`${temp}/`), step.outputs);
      const log = JSON.parse(readFileSync(match[1]!, 'utf8')) as { runs: { automationDetails?: { id: string }; results: unknown[] }[] };
      assert.equal(log.runs[0]!.automationDetails?.id, 'iamscope/ml-roles/');
      assert.deepEqual(log.runs[0]!.results, [], 'the good seed policies are clean');
    });

    it('fails on findings, takes paths on several lines, and prints annotations with format github', () => {
      const step = runStep({ paths: 'fixtures/seed/good\nfixtures/seed/bad/data-scientist-typos.json', format: 'github' });
      assert.equal(step.code, 1, step.stderr);
      assert.equal(step.outputs, '', 'no SARIF file');
      // the lower-case "allow" of the Effect on line 6, after 6 spaces and `"Effect": `
      assert.match(step.stdout, /^::error file=fixtures\/seed\/bad\/data-scientist-typos\.json,line=6,.*col=17,/m);
    });

    it('exits 2 and writes no output when an input is invalid', () => {
      const step = runStep({ paths: 'fixtures/seed/good', 'fail-on': 'fatal' });
      assert.equal(step.code, 2);
      assert.match(step.stderr, /option '--fail-on <level>' argument 'fatal' is invalid/);
      assert.equal(step.outputs, '');
    });
  });
});
