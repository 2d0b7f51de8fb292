import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sarifProblems } from '../../core/test/support/sarif-validator.js';
import { BIN, ROOT, runCli } from './run-cli.js';

describe('iamscope scan (end to end)', () => {
  it('exits 1 on the seed fixtures and prints file:line:col for every finding', () => {
    const { code, stdout } = runCli(['scan', 'fixtures/seed']);
    assert.equal(code, 1);
    // hand-checked positions: the "arn:aws:logs:*:*:*" item, the NotAction statement's Resource "*",
    // the lower-case "allow", and the trailing comma's closing bracket.
    for (const ref of [
      'fixtures/seed/bad/execution-role-logs-anywhere.json:17:9',
      // redundant-resource: the /aws/sagemaker/* item on line 16 is covered by arn:aws:logs:*:*:* on line 17
      'fixtures/seed/bad/execution-role-logs-anywhere.json:16:9',
      'fixtures/seed/bad/pipeline-notaction.json:8:19',
      // NotAction "iam:*" (line 7, value at column 20) lets ECR writes and any-instance-type SageMaker compute through
      'fixtures/seed/bad/pipeline-notaction.json:7:20',
      // data-scientist-typos.json line 16: the second "Resource": "*" (value at column 19) reaches any S3 bucket
      'fixtures/seed/bad/data-scientist-typos.json:16:19',
      'fixtures/seed/bad/data-scientist-typos.json:6:17',
      'fixtures/seed/bad/trailing-comma.json:8:6',
    ]) {
      assert.ok(stdout.includes(ref), `missing ${ref} in:\n${stdout}`);
    }
    assert.match(stdout, /17 problems \(11 errors, 5 warnings, 1 note\); 9 files read, 8 policies checked\./);
    assert.doesNotMatch(stdout, /\u001b\[/, 'no colour codes when stdout is not a TTY');
  });

  it('exits 0 on a clean folder', () => {
    const { code, stdout } = runCli(['scan', 'fixtures/seed/good']);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /0 problems.*5 files read, 5 policies checked/);
  });

  it('exits 2 with one line on an unknown flag', () => {
    const { code, stderr } = runCli(['scan', '--no-such-flag']);
    assert.equal(code, 2);
    assert.match(stderr, /unknown option '--no-such-flag'/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  });

  it('exits 2 on a path that does not exist', () => {
    const { code, stderr } = runCli(['scan', 'no/such/folder']);
    assert.equal(code, 2);
    assert.equal(stderr, 'iamscope: No such file or folder: no/such/folder\n');
  });

  describe('configuration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamscope-config-'));
    const write = (name: string, text: string): string => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    it('exits 2 and names line:column when the config is not JSON', () => {
      const path = write('broken.json', '{\n  "rules": {\n    "invalid-effect": "error",\n  }\n}\n');
      const { code, stderr } = runCli(['scan', 'fixtures/seed/good', '--config', path]);
      assert.equal(code, 2);
      // the trailing comma after "error" on line 3 (4 spaces, the 16-character key, ": ", then "error").
      assert.match(stderr, /broken\.json:3:30: Invalid JSON: Unexpected trailing comma before "}"\./);
      assert.equal(stderr.trim().split('\n').length, 1);
    });

    it('exits 2 and names the JSON path of an unknown rule or a bad level', () => {
      const unknown = runCli(['scan', 'fixtures/seed/good', '--config', write('unknown.json', '{"rules":{"no-such-rule":"error"}}')]);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /\/rules\/no-such-rule: unknown rule "no-such-rule"/);
      const level = runCli(['scan', 'fixtures/seed/good', '--config', write('level.json', '{"rules":{"invalid-effect":"fatal"}}')]);
      assert.equal(level.code, 2);
      assert.match(level.stderr, /\/rules\/invalid-effect/);
      const settings = runCli(['scan', 'fixtures/seed/good', '--config', write('settings.json', '{"settings":{"ml":{"logGroups":"x"}}}')]);
      assert.equal(settings.code, 2);
      assert.match(settings.stderr, /\/settings\/ml\/logGroups: must be array/);
    });

    it('applies rule levels, settings and per-file overrides (globs relative to the config file)', () => {
      const project = mkdtempSync(join(tmpdir(), 'iamscope-project-'));
      cpSync(join(ROOT, 'fixtures/seed/bad'), join(project, 'policies'), { recursive: true });
      mkdirSync(join(project, 'sub'));
      writeFileSync(
        join(project, 'iamscope.config.json'),
        JSON.stringify({
          rules: { 'invalid-effect': 'warning', 'ml/s3-scope': 'off', 'ml/ecr-scope': 'off', 'ml/instance-type-limit': 'off', 'ml/privilege-escalation': 'off' },
          settings: { ml: { logGroups: ['*'] } },
          overrides: [{ files: ['policies/trailing-comma.json', 'policies/data-scientist-typos.json'], rules: { 'duplicate-key': 'off' } }],
        }),
      );
      // run from a subfolder: the config is found upwards and its globs still match from its folder
      const { code, stdout } = runCli(['scan', '..', '--format', 'json'], { cwd: join(project, 'sub') });
      const report = JSON.parse(stdout) as { results: { ruleId: string; level: string }[] };
      const ids = report.results.map((r) => `${r.ruleId}:${r.level}`).sort();
      assert.deepEqual(ids, ['conflicting-elements:error', 'invalid-effect:warning', 'parse-error:error', 'redundant-resource:note']);
      assert.equal(code, 1);
    });

    it('names the configuration file in validation errors', () => {
      const path = write('named.json', '{"rules":{"nope":"error"}}');
      const { stderr } = runCli(['scan', 'fixtures/seed/good', '--config', path]);
      assert.equal(stderr, `iamscope: invalid configuration: ${path}: /rules/nope: unknown rule "nope" (see \`iamscope rules\`).\n`);
    });
  });

  it('--max-warnings and --quiet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamscope-warn-'));
    writeFileSync(join(dir, 'iamscope.config.json'), '{"rules":{"invalid-effect":"warning"}}');
    writeFileSync(join(dir, 'p.json'), '{"Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}');
    assert.equal(runCli(['scan'], { cwd: dir }).code, 0);
    assert.equal(runCli(['scan', '--max-warnings', '0'], { cwd: dir }).code, 1);
    assert.match(runCli(['scan', '--quiet'], { cwd: dir }).stdout, /0 problems/);
  });

  it('--format github prints workflow-command annotations', () => {
    const { code, stdout } = runCli(['scan', 'fixtures/seed/bad', '--format', 'github']);
    assert.equal(code, 1);
    // data-scientist-typos.json line 6: `"Effect": "allow"` with the value at columns 17-23
    assert.equal(
      stdout.split('\n')[0],
      '::error file=fixtures/seed/bad/data-scientist-typos.json,line=6,endLine=6,col=17,endColumn=24,title=invalid-effect::Expected Effect to be "Allow" or "Deny", got "allow".',
    );
    assert.equal(stdout.trim().split('\n').length, 17);
  });

  it('gives the same report from worker threads as from one thread', () => {
    const one = runCli(['scan', 'fixtures/seed', '--format', 'sarif', '--jobs', '1']);
    const two = runCli(['scan', 'fixtures/seed', '--format', 'sarif', '--jobs', '2']);
    assert.equal(two.code, 1);
    assert.equal(two.stdout, one.stdout);
    assert.deepEqual(sarifProblems(JSON.parse(one.stdout)), []);
  });

  it('leaves out files matching --ignore-pattern', () => {
    const { code, stdout } = runCli(['scan', 'fixtures/seed', '--ignore-pattern', '**/bad/**', '--format', 'json']);
    assert.equal(code, 0);
    assert.equal((JSON.parse(stdout) as { filesRead: number }).filesRead, 5);
  });

  it('loads a plugin named in the configuration, relative to the config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamscope-plugin-'));
    writeFileSync(
      join(dir, 'no-star.mjs'),
      `export default {
  meta: { name: 'no-star', version: '1.0.0', namespace: 'local' },
  rules: { 'no-star-action': {
    name: 'no-star-action',
    meta: { type: 'problem', docs: { description: 'Disallow "*" actions.', details: 'Test.', url: 'https://example.com' },
      defaultLevel: 'warning', recommended: true, messages: { star: 'Unexpected "*" action.' } },
    create: (context) => ({ Action(node) { if (node.value === '*') context.report({ node, messageId: 'star' }); } }),
  } },
  configs: { recommended: { rules: { 'local/no-star-action': 'warning' } } },
};
`,
    );
    writeFileSync(join(dir, 'iamscope.config.json'), '{"plugins":["./no-star.mjs"]}');
    // (a bucket inside settings.ml.dataBuckets, so that only the plugin's rule reports)
    writeFileSync(join(dir, 'p.json'), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::ml-data-lake-b"}]}');
    const { code, stdout } = runCli(['scan', '--format', 'json'], { cwd: dir });
    const results = (JSON.parse(stdout) as { results: { ruleId: string; line: number; column: number }[] }).results;
    // counted by hand: "Action" is cols 56-63, ":" col 64, so the "*" value starts at col 65.
    assert.deepEqual(results.map((r) => `${r.ruleId}@${r.line}:${r.column}`), ['local/no-star-action@1:65']);
    assert.equal(code, 0);
  });

  describe('awkward file systems', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamscope-fs-'));
    const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}';
    mkdirSync(join(dir, 'real'));
    mkdirSync(join(dir, 'ml'));
    writeFileSync(join(dir, 'real', 'a.json'), policy);
    writeFileSync(join(dir, 'real', 'UPPER.JSON'), policy);
    writeFileSync(join(dir, 'ml', 'skip.json'), policy);
    symlinkSync(join(dir, 'real', 'a.json'), join(dir, 'link.json'));
    symlinkSync(join(dir, 'real'), join(dir, 'loop'));
    symlinkSync(join(dir, 'self'), join(dir, 'self'));
    spawnSync('mkfifo', [join(dir, 'fifo.json')]);

    it('scans linked files and upper-case names, does not follow folder links, names ignored folders', () => {
      const { code, stdout } = runCli(['scan', '.', '--format', 'json', '--ignore-pattern', 'ml'], { cwd: dir });
      const report = JSON.parse(stdout) as { results: { file: string }[]; notifications: { code: string; file: string }[] };
      assert.deepEqual([...new Set(report.results.map((r) => r.file))].sort(), ['link.json', 'real/UPPER.JSON', 'real/a.json']);
      assert.deepEqual(report.notifications.map((n) => `${n.code} ${n.file}`), ['NOT_A_FILE fifo.json']);
      assert.equal(code, 1);
    });

    it('reports a FIFO or a link loop given by name with exit 2 instead of hanging', () => {
      const fifo = runCli(['scan', 'fifo.json'], { cwd: dir });
      assert.equal(fifo.code, 2);
      assert.match(fifo.stdout, /error {4}fifo\.json: Cannot check fifo\.json: not a regular file\./);
      const loop = runCli(['scan', 'self'], { cwd: dir });
      assert.equal(loop.code, 2);
      assert.equal(loop.stderr, 'iamscope: Cannot access self: ELOOP.\n');
    });

    it('refuses to overwrite a scanned file with the report, and names write errors', () => {
      const same = runCli(['scan', 'real', '-o', 'real/a.json'], { cwd: dir });
      assert.equal(same.code, 2);
      assert.match(same.stderr, /is one of the scanned files/);
      symlinkSync(join(dir, 'real', 'a.json'), join(dir, 'alias.out'));
      const alias = runCli(['scan', 'real', '-o', 'alias.out'], { cwd: dir });
      assert.equal(alias.code, 2, 'a link to a scanned file is the same file');
      const missing = runCli(['scan', 'real', '-o', 'no/such/dir/out.txt'], { cwd: dir });
      assert.equal(missing.stderr, 'iamscope: Cannot write no/such/dir/out.txt: ENOENT.\n');
      assert.equal(missing.code, 2);
    });

    it('leaves its own previous report at the output path out of the scan, so a command can be run again', () => {
      const project = mkdtempSync(join(tmpdir(), 'iamscope-rerun-'));
      cpSync(join(ROOT, 'fixtures/seed/good'), project, { recursive: true });
      for (const format of ['json', 'sarif']) {
        const first = runCli(['scan', '.', '-f', format, '-o', `report.${format}.json`], { cwd: project });
        const again = runCli(['scan', '.', '-f', format, '-o', `report.${format}.json`], { cwd: project });
        assert.deepEqual([first.code, again.code], [0, 0], again.stderr);
      }
      // the five good fixtures (four roles and a boundary); neither report counts as a scanned file
      assert.equal((JSON.parse(readFileSync(join(project, 'report.json.json'), 'utf8')) as { filesRead: number }).filesRead, 5);
    });

    it('reports a folder it cannot read, with exit 2 (run as an unprivileged user when root)', function () {
      if (process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).status !== 0) this.skip();
      const shared = mkdtempSync(join(tmpdir(), 'iamscope-perm-'));
      chmodSync(shared, 0o755);
      mkdirSync(join(shared, 'locked'));
      writeFileSync(join(shared, 'locked', 'x.json'), policy);
      writeFileSync(join(shared, 'open.json'), policy);
      chmodSync(join(shared, 'open.json'), 0o644);
      chmodSync(join(shared, 'locked'), 0o000);
      const child = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, 'scan', shared, '--format', 'json'], {
        encoding: 'utf8',
        cwd: shared,
      });
      chmodSync(join(shared, 'locked'), 0o755);
      const report = JSON.parse(child.stdout) as { filesRead: number; notifications: { code: string; file: string }[] };
      assert.deepEqual(report.notifications.map((n) => `${n.code} ${n.file}`), ['READ_ERROR locked']);
      assert.equal(report.filesRead, 1);
      assert.equal(child.status, 2);
      assert.match(child.stderr, /^iamscope: 1 tool error \(unreadable files or folders, failed rules\)/);
    });

    it('ends quietly when the reader closes the pipe', () => {
      const piped = spawnSync('sh', ['-c', `node ${JSON.stringify(BIN)} scan ${JSON.stringify(ROOT)}fixtures/seed | head -c 10`], { encoding: 'utf8' });
      assert.equal(piped.stderr, '');
    });
  });

  it('rejects a plugin whose rules lack the metadata SARIF needs, naming the rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamscope-badplugin-'));
    writeFileSync(
      join(dir, 'bad.mjs'),
      "export default { meta: { name: 'bad', version: '1', namespace: 'bad' }, rules: { r: { name: 'r', meta: { docs: { description: 'd' } }, create() { return {}; } } }, configs: { recommended: { rules: {} } } };\n",
    );
    writeFileSync(join(dir, 'p.json'), '{"Statement":[]}');
    const { code, stderr } = runCli(['scan', '--plugin', './bad.mjs'], { cwd: dir });
    assert.equal(code, 2);
    assert.match(stderr, /^iamscope: invalid configuration: \/plugins: file:.*bad\.mjs rule "r" needs create\(\) and meta/);
  });

  it('reads UTF-16 files with a byte-order mark, and says no command is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamscope-utf16-'));
    const text = '{"Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}';
    writeFileSync(join(dir, 'p.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    // "allow" starts at column 25 once the byte-order mark is dropped, as editors show it.
    assert.match(runCli(['scan', 'p.json'], { cwd: dir }).stdout, /1:25 {2}error {4}Expected Effect/);
    assert.equal(runCli([]).code, 2);
  });

  it('lists rules', () => {
    const { code, stdout } = runCli(['rules', '--format', 'json']);
    assert.equal(code, 0);
    const ids = (JSON.parse(stdout) as { id: string }[]).map((r) => r.id);
    assert.ok(ids.includes('ml/logs-scope') && ids.includes('invalid-effect') && ids.includes('parse-error'));
  });

  it('prints the IAM data version', () => {
    assert.match(runCli(['--version']).stdout, /^iamscope \d+\.\d+\.\d+ \(IAM data @cloud-copilot\/iam-data [\d.]+, updated \d{4}-\d{2}-\d{2}; AWS managed policies of \d{4}-\d{2}-\d{2}\)\n$/);
  });
});
