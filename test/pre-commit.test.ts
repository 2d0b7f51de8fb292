import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** This checkout: the hook repository under test. */
const ROOT = fileURLToPath(new URL('../', import.meta.url));

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;
}

describe('pre-commit hook', () => {
  // pre-commit installs the hook with `npm install -g` of the packed root package (see README,
  // "pre-commit"): the root's `iamscope` bin must run from the bundled CLI package, and the bundle
  // only works when npm has hoisted every runtime dependency of the workspaces to the root.
  describe('what `npm install -g` of the root package needs', () => {
    it('declares the CLI bin, inside the bundled CLI package, as the root bin', () => {
      type Manifest = { name: string; bin: Record<string, string>; bundleDependencies?: string[] };
      const root = readJson<Manifest>('package.json');
      const cli = readJson<Manifest>('packages/cli/package.json');
      assert.deepEqual(root.bundleDependencies, ['@iamscope/cli']);
      assert.equal(cli.name, '@iamscope/cli');
      assert.deepEqual(root.bin, { iamscope: posix.join('node_modules/@iamscope/cli', cli.bin['iamscope']!) });
      assert.equal(root.bin['iamscope'], 'node_modules/@iamscope/cli/bin/iamscope.js');
    });

    it('has a manifest whose hook runs the root bin on staged policy and template files, in one process', () => {
      const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
      assert.deepEqual(
        hooks.map(({ description: _, ...hook }) => hook),
        [
          {
            id: 'iamscope',
            name: 'iamscope (AWS IAM policies)',
            language: 'node',
            entry: 'iamscope scan',
            files: '(?i)\\.(json|ya?ml|template|tf)$',
            require_serial: true,
            pass_filenames: true,
          },
        ],
      );
      assert.ok(readJson<{ bin: Record<string, string> }>('package.json').bin['iamscope'], 'the entry names the root bin');
      // pre-commit matches with Python's re.search; (?i) is Python's case-insensitive flag.
      const files = new RegExp(String(hooks[0]!['files']).replace('(?i)', ''), 'i');
      const matched = ['p.json', 'ROLE.JSON', 'a.yaml', 'b.YML', 'stack.template', 'main.tf', 'x.tfvars', 'a.json.bak', 'jsonl', 'policy'];
      assert.deepEqual(matched.filter((name) => files.test(name)), ['p.json', 'ROLE.JSON', 'a.yaml', 'b.YML', 'stack.template', 'main.tf']);
    });

    it('has no package nested below a workspace folder in the lockfile', () => {
      // npm packs a bundled workspace at node_modules/<name>, but its nested dependencies at
      // packages/<dir>/node_modules, where the installed package cannot find them.
      const lock = readJson<{ packages: Record<string, unknown> }>('package-lock.json');
      assert.deepEqual(Object.keys(lock.packages).filter((path) => /^packages\/[^/]+\/node_modules\//.test(path)), []);
    });
  });

  describe('the real pre-commit in a temporary repository (npm runs offline, from its cache)', function () {
    this.timeout(600_000);
    const work = mkdtempSync(join(tmpdir(), 'iamscope-pre-commit-'));
    const hookRepo = join(work, 'hook');
    const userRepo = join(work, 'user');
    const env: NodeJS.ProcessEnv = { ...process.env };
    // `npm test` exports npm_config_local_prefix and friends, which would point the hook's npm at this checkout.
    for (const key of Object.keys(env)) if (/^(npm_|git_)|^(init_cwd|node_options)$/i.test(key)) delete env[key];
    Object.assign(env, {
      PRE_COMMIT_HOME: join(work, 'cache'),
      npm_config_offline: 'true',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    });
    const run = (command: string, args: string[], cwd: string) => {
      const child = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
      return { code: child.status, output: `${child.stdout}${child.stderr}`, error: child.error };
    };
    const git = (args: string[], cwd: string): string => {
      const { code, output } = run('git', args, cwd);
      assert.equal(code, 0, `git ${args.join(' ')}:\n${output}`);
      return output;
    };
    const commits = (): number => Number(run('git', ['rev-list', '--count', 'HEAD'], userRepo).output.trim()) || 0;

    before(function () {
      const version = run('pre-commit', ['--version'], ROOT);
      if (version.code !== 0) {
        process.stderr.write('  SKIPPED: `pre-commit` is not installed (Debian: apt-get install pre-commit; .ci/run installs it).\n');
        this.skip();
      }
      // pre-commit clones the hook repository at a commit: commit a copy of the working tree
      // (tracked and new files, without ignored ones such as node_modules and dist).
      const listed = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).split('\0');
      for (const file of listed.filter((f) => f !== '' && existsSync(join(ROOT, f)))) {
        mkdirSync(dirname(join(hookRepo, file)), { recursive: true });
        copyFileSync(join(ROOT, file), join(hookRepo, file));
      }
      git(['init', '-q', '-b', 'main'], hookRepo);
      git(['add', '-A'], hookRepo);
      git(['commit', '-q', '-m', 'working tree of the iamscope checkout under test'], hookRepo);
      const rev = git(['rev-parse', 'HEAD'], hookRepo).trim();

      mkdirSync(userRepo);
      git(['init', '-q', '-b', 'main'], userRepo);
      const config = `repos:\n  - repo: ${JSON.stringify(hookRepo)}\n    rev: ${rev}\n    hooks:\n      - id: iamscope\n`;
      writeFileSync(join(userRepo, '.pre-commit-config.yaml'), config);
      const install = run('pre-commit', ['install', '--install-hooks'], userRepo);
      const log = join(work, 'cache', 'pre-commit.log');
      assert.equal(
        install.code,
        0,
        `pre-commit could not install the hook (npm runs offline: run \`npm ci\` first to fill its cache):\n${install.output}\n${
          existsSync(log) ? readFileSync(log, 'utf8') : ''
        }`,
      );
    });

    after(() => rmSync(work, { recursive: true, force: true }));

    const write = (path: string, text: string): void => {
      mkdirSync(dirname(join(userRepo, path)), { recursive: true });
      writeFileSync(join(userRepo, path), text);
    };

    it('lets a commit of a clean policy, Terraform module and CloudFormation template through', () => {
      write('policies/data-scientist.json', readFileSync(join(ROOT, 'fixtures/seed/good/data-scientist.json'), 'utf8'));
      write('infra/main.tf', 'resource "aws_iam_role" "training" {\n  name = "training"\n}\n');
      write('cfn/roles.template', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n');
      git(['add', '-A'], userRepo);
      const count = commits();
      const commit = run('git', ['commit', '-m', 'clean policy'], userRepo);
      assert.equal(commit.code, 0, commit.output);
      assert.match(commit.output, /^iamscope \(AWS IAM policies\)\.+Passed$/m);
      assert.equal(commits(), count + 1);
    });

    it('blocks a commit of a bad policy and names the finding by file:line:column', () => {
      // line 5 is 6 spaces and `"Effect": ` (10 characters), so "allow" starts at column 17.
      write(
        'policies/bad.json',
        [
          '{',
          '  "Version": "2012-10-17",',
          '  "Statement": [',
          '    {',
          '      "Effect": "allow",',
          '      "Action": "sagemaker:DescribeTrainingJob",',
          '      "Resource": "arn:aws:sagemaker:us-east-1:123456789012:training-job/ds-*"',
          '    }',
          '  ]',
          '}',
          '',
        ].join('\n'),
      );
      // line 8 is 10 spaces and `- Effect: ` (10 characters), so "allow" starts at column 21.
      write(
        'cfn/bad.yaml',
        'Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: "2012-10-17"\n        Statement:\n          - Effect: allow\n            Action: s3:GetObject\n            Resource: "*"\n',
      );
      git(['add', '-A'], userRepo);
      const count = commits();
      const commit = run('git', ['commit', '-m', 'bad policy'], userRepo);
      assert.equal(commit.code, 1, commit.output);
      assert.match(commit.output, /^iamscope \(AWS IAM policies\)\.+Failed$/m);
      assert.match(commit.output, /^- exit code: 1$/m);
      assert.match(commit.output, /invalid-effect {2}policies\/bad\.json:5:17$/m);
      assert.match(commit.output, /invalid-effect {2}cfn\/bad\.yaml:8:21$/m);
      assert.equal(commits(), count, 'the bad commit was not made');
    });
  });
});
