/**
 * Whole-pipeline fuzz tests: thousands of generated and mutated inputs go through the engine with
 * core + ML rules (`Engine.lintText`) and, for byte-level inputs, through the CLI's `checkGroup` on
 * temp files (whose report must equal `lintText` on the decoded text). Every input must yield
 * either rule results or exactly one `parse-error` result: never an exception, never a notification
 * (RULE_CRASH or other), every location 1-based with start <= end, rule results within the text,
 * a parse-error's line at most the number of lines + 1. Collected over all cases and asserted at the
 * end: every line/column agrees with its offset, and JSON that JSON.parse accepts is not a parse-error.
 *
 * Each case runs in a worker thread with a generous deadline (10 s + 1 ms per KB of input), so a
 * case that hangs is reported as such (and the worker replaced) instead of stalling the run. No
 * wall-clock time is asserted otherwise; a per-category summary with the slowest case is printed.
 *
 * `FUZZ_SEED=<n>` replays a fast-check run (the seed is printed on failure); `FUZZ_SCALE=<k>`
 * multiplies the number of generated cases. The worker resolves `tsx` from the working directory,
 * so run mocha from the repository root. This file alone:
 *   npx mocha --no-config --node-option import=tsx --node-option conditions=source --timeout 120000 test/fuzz.test.ts
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { compareResults, PARSE_ERROR_RULE_ID, positionAt, type FileReport, type Result } from '@iamscope/core';

const FILE = 'fuzz.json';
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** `FUZZ_SCALE=10` multiplies every fast-check run count (for longer fuzzing sessions). */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const fcParams = (numRuns: number) => ({
  numRuns: Math.round(numRuns * SCALE),
  seed: SEED,
  interruptAfterTimeLimit: 30_000 * SCALE,
  markInterruptAsFailure: true,
});

// ---------------------------------------------------------------------------------------------
// Realistic policies (seeds for truncation, flips, mutation and wrong-type replacement)
// ---------------------------------------------------------------------------------------------

const SAGEMAKER_EXECUTION_ROLE = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'TrainingData',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
      Resource: ['arn:aws:s3:::ml-training-data', 'arn:aws:s3:::ml-training-data/*'],
    },
    { Sid: 'EcrAuth', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
    {
      Sid: 'EcrPull',
      Effect: 'Allow',
      Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
      Resource: 'arn:aws:ecr:us-east-1:123456789012:repository/training-images',
    },
    {
      Sid: 'Logs',
      Effect: 'Allow',
      Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      Resource: 'arn:aws:logs:*:*:log-group:/aws/sagemaker/*',
    },
    {
      Sid: 'Metrics',
      Effect: 'Allow',
      Action: 'cloudwatch:PutMetricData',
      Resource: '*',
      Condition: { StringEquals: { 'cloudwatch:namespace': '/aws/sagemaker/TrainingJobs' } },
    },
  ],
};

const ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

const TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: ['sagemaker.amazonaws.com'] },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'aws:SourceAccount': '123456789012' },
        ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:us-east-1:123456789012:*' },
      },
    },
  ],
};

const CONDITIONS = {
  Version: '2012-10-17',
  Id: 'conditions',
  Statement: [
    {
      Sid: 'LogsFromVpc',
      Effect: 'Allow',
      Action: ['logs:PutLogEvents', 'logs:CreateLogStream'],
      Resource: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/TrainingJobs:*',
      Condition: {
        StringEquals: { 'aws:SourceVpc': ['vpc-111', 'vpc-222'], 'aws:RequestedRegion': 'us-east-1' },
        IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] },
        Bool: { 'aws:SecureTransport': 'true' },
        DateGreaterThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' },
        NumericLessThanEquals: { 's3:max-keys': 10 },
        'ForAnyValue:StringLike': { 'aws:TagKeys': ['team-*', 'project-?'] },
        Null: { 'aws:TokenIssueTime': false },
      },
    },
    {
      Effect: 'Allow',
      Action: 'logs:*',
      Resource: '*',
      Condition: { StringEqualsIfExists: { 'aws:ResourceTag/env': 'dev' } },
    },
  ],
};

const NOT_ELEMENTS = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'AllButIam', Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' },
    {
      Sid: 'LogsOutsideAudit',
      Effect: 'Allow',
      Action: 'logs:*',
      NotResource: ['arn:aws:logs:*:*:log-group:audit*', 'arn:aws:logs:*:*:log-group:audit*:log-stream:*'],
    },
    { Sid: 'DenyOthers', Effect: 'Deny', NotAction: 's3:*', NotResource: 'arn:aws:s3:::ml-*' },
  ],
};

const VARIABLES = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'HomeDir',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: 'arn:aws:s3:::home-bucket/home/${aws:username}/*',
    },
    {
      Sid: 'TeamLogs',
      Effect: 'Allow',
      Action: 'logs:PutLogEvents',
      Resource: 'arn:aws:logs:*:*:log-group:/teams/${aws:PrincipalTag/team}/${*}literal-star',
    },
    { Sid: 'UserKeys', Effect: 'Allow', Action: 'iam:*AccessKey*', Resource: 'arn:aws:iam::*:user/${aws:username}' },
  ],
};

const DENIES = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'logs:*', Resource: '*' },
    { Sid: 'NoDelete', Effect: 'Deny', Action: ['logs:DeleteLogGroup', 'logs:DeleteLogStream'], Resource: '*' },
    { Sid: 'OnlySageMaker', Effect: 'Deny', Action: 'logs:*', NotResource: 'arn:aws:logs:*:*:log-group:/aws/sagemaker/*' },
    {
      Sid: 'RequireMfa',
      Effect: 'Deny',
      NotAction: ['iam:CreateVirtualMFADevice', 'sts:GetSessionToken'],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
};

const LEGACY_RESOURCE_POLICY = {
  Version: '2008-10-17',
  Id: 'bucket-policy',
  Statement: [
    {
      Sid: 'CrossAccount',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111122223333:root', '444455556666'] },
      Action: ['s3:GetObject'],
      Resource: 'arn:aws:s3:::shared-models/*',
    },
    { Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/Admin' }, Action: 's3:DeleteObject', Resource: '*' },
    { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-models/*' },
  ],
};

/** Hand-written text (duplicate keys, escapes, non-ASCII, invalid Effect, conflicting elements). */
const ODD_TEXT = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Donn\\u00e9es \u2713 \ud83d\ude00",
      "Effect": "allow",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "NotAction": "s3:PutObject",
      "Resource": ["arn:aws:s3:::caf\u00e9/*", "arn:aws:logs:*:*:*"],
      "Condition": { "StringLike": { "s3:prefix": ["\\"quoted\\"", "tab\\tnew\\nline"] }, "StringLike": {} }
    }
  ]
}
`;

const OBJECT_POLICIES: Record<string, unknown> = {
  sagemaker: SAGEMAKER_EXECUTION_ROLE,
  admin: ADMIN,
  trust: TRUST,
  conditions: CONDITIONS,
  notElements: NOT_ELEMENTS,
  variables: VARIABLES,
  denies: DENIES,
  legacy: LEGACY_RESOURCE_POLICY,
};

const POLICY_TEXTS: [string, string][] = [
  ...Object.entries(OBJECT_POLICIES).map(([name, p]): [string, string] => [name, JSON.stringify(p, null, 2) + '\n']),
  ['odd', ODD_TEXT],
];

/** Text layouts: line endings, BOM, indentation. */
const LAYOUTS: Record<string, (text: string) => string> = {
  lf: (t) => t,
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  cr: (t) => t.replace(/\n/g, '\r'),
  bom: (t) => '\ufeff' + t,
  bomCrlf: (t) => '\ufeff' + t.replace(/\n/g, '\r\n'),
  compact: (t) => JSON.stringify(safeParse(t) ?? t),
  tabs: (t) => t.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)),
};
const LAYOUT_NAMES = Object.keys(LAYOUTS);

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Guarded pipeline: each case runs in a worker thread under a deadline
// ---------------------------------------------------------------------------------------------

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
(async () => {
  (await import(workerData.tsx)).register();
  const { Engine } = await import(workerData.core);
  const ml = (await import(workerData.ml)).default;
  const { checkGroup } = await import(workerData.engineHost);
  const engine = new Engine({ plugins: [ml] });
  parentPort.on('message', async (m) => {
    const t0 = performance.now();
    try {
      if (m.file !== undefined) {
        const [report] = checkGroup(engine, [{ absolute: m.file, relative: ${JSON.stringify(FILE)}, matchPath: ${JSON.stringify(FILE)} }]);
        const ms = performance.now() - t0;
        const textReport = m.compare ? engine.lintText(((b) => (b[0] === 0xff && b[1] === 0xfe ? new TextDecoder('utf-16le').decode(b) : b[0] === 0xfe && b[1] === 0xff ? new TextDecoder('utf-16be').decode(b) : new TextDecoder('utf-8').decode(b)))(readFileSync(m.file)), ${JSON.stringify(FILE)}) : undefined;
        parentPort.postMessage({ id: m.id, ok: true, report, textReport, ms });
      } else {
        const report = engine.lintText(m.text, ${JSON.stringify(FILE)});
        parentPort.postMessage({ id: m.id, ok: true, report, ms: performance.now() - t0 });
      }
    } catch (error) {
      parentPort.postMessage({ id: m.id, ok: false, error: String((error && error.stack) || error), ms: performance.now() - t0 });
    }
  });
  parentPort.postMessage({ ready: true });
})().catch((error) => parentPort.postMessage({ ready: false, error: String((error && error.stack) || error) }));
`;

type Outcome =
  | { kind: 'done'; report: FileReport; textReport?: FileReport; ms: number }
  | { kind: 'threw'; error: string; ms: number }
  | { kind: 'hang'; ms: number }
  | { kind: 'died'; error: string; ms: number };

class GuardedPipeline {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 0;

  private start(): Promise<void> {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        tsx: 'tsx/esm/api', // resolved from the working directory (the repository root, like .mocharc.json)
        core: new URL('../packages/core/src/index.ts', import.meta.url).href,
        ml: new URL('../packages/rules-ml/src/index.ts', import.meta.url).href,
        engineHost: new URL('../packages/cli/src/engine-host.ts', import.meta.url).href,
      },
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.once('message', (m: { ready: boolean; error?: string }) =>
        m.ready ? resolve() : reject(new Error(`fuzz worker failed to start: ${m.error}`)),
      );
      worker.once('error', reject);
    });
    return this.ready;
  }

  async run(request: { text: string } | { file: string; compare: boolean }, guardMs: number): Promise<Outcome> {
    if (!this.worker) await this.start();
    else await this.ready;
    const worker = this.worker!;
    const id = ++this.nextId;
    const started = performance.now();
    return new Promise<Outcome>((resolve) => {
      let settled = false;
      const finish = (outcome: Outcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (m: { id?: number; ok: boolean; report: FileReport; textReport?: FileReport; error: string; ms: number }) => {
        if (m.id !== id) return;
        finish(m.ok ? { kind: 'done', report: m.report, textReport: m.textReport, ms: m.ms } : { kind: 'threw', error: m.error, ms: m.ms });
      };
      const onError = (error: Error) => {
        this.worker = undefined;
        finish({ kind: 'died', error: String(error.stack ?? error), ms: performance.now() - started });
      };
      const onExit = (code: number) => {
        this.worker = undefined;
        finish({ kind: 'died', error: `worker exited with code ${code}`, ms: performance.now() - started });
      };
      const timer = setTimeout(() => {
        this.worker = undefined;
        finish({ kind: 'hang', ms: guardMs });
        void worker.terminate();
      }, guardMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, ...request });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}

// ---------------------------------------------------------------------------------------------
// Cases, checks and statistics
// ---------------------------------------------------------------------------------------------

interface Case {
  category: string;
  label: string;
  text?: string;
  bytes?: Uint8Array;
}

interface CategoryStats {
  count: number;
  parseErrors: number;
  withResults: number;
  totalMs: number;
  slowest: { label: string; ms: number };
}

const pipeline = new GuardedPipeline();
const stats = new Map<string, CategoryStats>();
const hangs: string[] = [];
/** Inputs where JSON.parse and the engine disagree on validity (printed; only `validJsonRejected` is asserted). */
const jsonDisagreements: { category: string; label: string; engine: 'accepted' | 'rejected'; sample: string }[] = [];
/** Texts JSON.parse accepts that the engine reported as parse-error (other than the nesting limit). */
const validJsonRejected: string[] = [];
/** Locations whose line/column disagree with their offset (see notePositionMismatch). */
const positionMismatches = { count: 0, samples: [] as { what: string; length: number; text: string }[] };
let tempDir = '';
const MAX_HANGS = 3;

/** Generous per-case deadline: 10 s plus 1 ms per KB. */
function guardFor(size: number): number {
  return 10_000 + Math.ceil(size / 1024);
}

function preview(c: Case): string {
  const raw = c.text ?? Buffer.from(c.bytes!).toString('latin1');
  const size = c.text !== undefined ? `${c.text.length} UTF-16 units` : `${c.bytes!.length} bytes`;
  const head = JSON.stringify(raw.slice(0, 300));
  return `${c.category} › ${c.label} (${size}): ${head}${raw.length > 300 ? '…' : ''}`;
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

function record(c: Case, ms: number, report?: FileReport): void {
  let s = stats.get(c.category);
  if (!s) stats.set(c.category, (s = { count: 0, parseErrors: 0, withResults: 0, totalMs: 0, slowest: { label: '', ms: -1 } }));
  s.count++;
  s.totalMs += ms;
  if (report?.results[0]?.ruleId === PARSE_ERROR_RULE_ID) s.parseErrors++;
  else if (report && report.results.length > 0) s.withResults++;
  if (ms > s.slowest.ms) s.slowest = { label: c.label, ms };
}

function checkPosition(where: string, name: string, p: { line: number; column: number; offset: number }): void {
  assert.ok(
    Number.isInteger(p.line) && Number.isInteger(p.column) && Number.isInteger(p.offset) && p.line >= 1 && p.column >= 1 && p.offset >= 0,
    `${where}: ${name} is not a 1-based position: ${JSON.stringify(p)}`,
  );
}

/** The invariants every report must satisfy, `text` being what the engine saw. */
function verify(c: Case, text: string, report: FileReport): void {
  const where = preview(c);
  let index: ((offset: number) => { line: number; column: number }) | undefined;
  const at = (offset: number) => (index ??= positionIndex(text))(offset);
  assert.deepEqual(report.notifications, [], `${where}: unexpected notifications`);
  assert.equal(report.file, FILE, where);
  const parseErrors = report.results.filter((r) => r.ruleId === PARSE_ERROR_RULE_ID);
  if (parseErrors.length > 0) {
    assert.equal(report.results.length, 1, `${where}: a parse-error must be the only result: ${JSON.stringify(report.results.map((r) => r.ruleId))}`);
    assert.equal(report.policies, 0, `${where}: parse-error with policies`);
    const { start } = parseErrors[0]!.loc;
    checkPosition(where, 'parse-error start', start);
    assert.ok(start.line <= lineCount(text) + 1, `${where}: parse-error line ${start.line} beyond ${lineCount(text)} lines`);
    assert.ok(start.offset <= text.length, `${where}: parse-error offset ${start.offset} beyond length ${text.length}`);
    notePositionMismatch(c, text, at, 'parse-error start', start);
  }
  let previous: Result | undefined;
  for (const r of report.results) {
    const { start, end } = r.loc;
    checkPosition(where, `${r.ruleId} start`, start);
    checkPosition(where, `${r.ruleId} end`, end);
    assert.ok(
      start.line < end.line || (start.line === end.line && start.column <= end.column),
      `${where}: ${r.ruleId} starts after it ends: ${JSON.stringify(r.loc)}`,
    );
    assert.ok(start.offset <= end.offset, `${where}: ${r.ruleId} start offset after end offset: ${JSON.stringify(r.loc)}`);
    assert.ok(['error', 'warning', 'note'].includes(r.level), `${where}: level ${r.level}`);
    assert.ok(typeof r.message === 'string' && r.message.length > 0, `${where}: empty message from ${r.ruleId}`);
    assert.equal(r.file, FILE, where);
    if (r.ruleId !== PARSE_ERROR_RULE_ID) {
      assert.ok(end.offset <= text.length, `${where}: ${r.ruleId} ends past the text: ${JSON.stringify(r.loc)}`);
      notePositionMismatch(c, text, at, `${r.ruleId} start`, start);
      notePositionMismatch(c, text, at, `${r.ruleId} end`, end);
    }
    if (previous) assert.ok(compareResults(previous, r) <= 0, `${where}: results not sorted`);
    previous = r;
  }
  noteJsonAgreement(c, text, parseErrors[0]?.message);
}

/**
 * Line/column of an offset, as source/location.ts defines them (line breaks LF, CRLF, lone CR;
 * 1-based columns in UTF-16 units), in O(log lines) per query after one pass over the text.
 * Written independently of `positionAt`, which the regression tests below use.
 */
function positionIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/**
 * Records a position whose line/column is not where its offset is (the convention of
 * source/location.ts: both describe the same point). Collected rather than thrown so that one
 * such case does not stop the search for crashes; asserted by its own test at the end.
 */
function notePositionMismatch(
  c: Case,
  text: string,
  at: (offset: number) => { line: number; column: number },
  what: string,
  p: { line: number; column: number; offset: number },
): void {
  const expected = at(p.offset);
  if (expected.line === p.line && expected.column === p.column) return;
  positionMismatches.count++;
  if (positionMismatches.samples.length < 5 || text.length < positionMismatches.samples.at(-1)!.length) {
    positionMismatches.samples.push({ what: `${c.category} › ${c.label}: ${what} is ${p.line}:${p.column} but offset ${p.offset} is ${expected.line}:${expected.column}`, length: text.length, text: JSON.stringify(text.slice(0, 200)) });
    positionMismatches.samples.sort((a, b) => a.length - b.length).splice(5);
  }
}

/** Records inputs that JSON.parse (RFC 8259) and the engine judge differently; the BOM and the nesting limit are by design. */
function noteJsonAgreement(c: Case, text: string, parseError: string | undefined): void {
  if (text.length > 1_000_000 || (jsonDisagreements.length >= 50 && parseError === undefined)) return;
  if (parseError !== undefined && /nesting deeper than/.test(parseError)) return;
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const accepted = parseError === undefined;
  if (accepted === (safeParse(stripped) !== undefined)) return;
  if (!accepted) validJsonRejected.push(`${c.category} › ${c.label}: ${parseError} in ${JSON.stringify(text.slice(0, 200))}`);
  jsonDisagreements.push({ category: c.category, label: c.label, engine: accepted ? 'accepted' : 'rejected', sample: JSON.stringify(text.slice(0, 120)) });
}

/**
 * Runs one case through the guarded pipeline and checks the invariants. A hang is recorded (and
 * the worker replaced); after {@link MAX_HANGS} hangs further cases are skipped. Crashes and
 * invariant violations throw (so fast-check shrinks them).
 */
async function check(c: Case): Promise<void> {
  if (hangs.length >= MAX_HANGS) return;
  let outcome: Outcome;
  let text: string;
  if (c.bytes !== undefined) {
    const file = join(tempDir, 'case.json');
    writeFileSync(file, c.bytes);
    outcome = await pipeline.run({ file, compare: c.bytes.length <= 1_000_000 }, guardFor(c.bytes.length));
    // decoded as checkGroup does: UTF-16 after a UTF-16 byte-order mark, else UTF-8
    text = ((b) => (b[0] === 0xff && b[1] === 0xfe ? new TextDecoder('utf-16le').decode(b) : b[0] === 0xfe && b[1] === 0xff ? new TextDecoder('utf-16be').decode(b) : new TextDecoder('utf-8').decode(b)))(c.bytes);
  } else {
    text = c.text!;
    outcome = await pipeline.run({ text }, guardFor(text.length * 2));
  }
  record(c, outcome.ms, outcome.kind === 'done' ? outcome.report : undefined);
  switch (outcome.kind) {
    case 'hang':
      hangs.push(`${preview(c)} — no answer within ${outcome.ms} ms`);
      return;
    case 'threw':
      assert.fail(`${preview(c)}: the pipeline threw:\n${outcome.error}`);
    case 'died':
      assert.fail(`${preview(c)}: the worker died:\n${outcome.error}`);
    case 'done':
      verify(c, text, outcome.report);
      if (outcome.textReport) {
        assert.deepEqual(outcome.report, outcome.textReport, `${preview(c)}: checkGroup differs from lintText on the decoded text`);
      }
  }
}

function assertNoHangs(): void {
  assert.deepEqual(hangs.splice(0), [], 'cases that did not finish within their guard');
}

/** A mocha test whose cases run under the hang guard; hangs fail the test after all its cases ran. */
function fuzzIt(title: string, body: () => Promise<void>): void {
  it(title, async () => {
    await body();
    assertNoHangs();
  });
}

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const policyArb = fc.nat({ max: POLICY_TEXTS.length - 1 }).map((i) => POLICY_TEXTS[i]!);
const layoutArb = fc.constantFrom(...LAYOUT_NAMES);
const laidOutPolicyArb = fc.tuple(policyArb, layoutArb).map(([[name, text], layout]) => ({ name: `${name}/${layout}`, text: LAYOUTS[layout]!(text) }));

/** Replacement values for "wrong JSON type in every element", as raw JSON text. */
const WRONG_TYPES: Record<string, string> = {
  zero: '0',
  negativeFraction: '-12.5e-3',
  hugeNumber: '1e400',
  longInteger: '123456789012345678901234567890',
  null: 'null',
  true: 'true',
  false: 'false',
  emptyObject: '{}',
  policyishObject: '{"Effect":"Allow","Action":"*","Resource":"*","x":[null,{"y":[true,{}]}]}',
  emptyArray: '[]',
  mixedArray: '[null,1,"*",[],{},true]',
  nestedArrays: '[[[[[[[[[[{"a":[[[{"b":[null]}]]]}]]]]]]]]]]',
  nestedObjects: '{"a":{"b":{"c":{"d":[1,[2,[3,[4,{"Statement":[]}]]]]}}}}',
  emptyString: '""',
  nulString: '"\\u0000"',
  loneSurrogate: '"\\ud800x\\udfff"',
};
/** The subset tried at every element of every policy (the rest are tried at random elements). */
const EVERY_ELEMENT_TYPES = ['zero', 'null', 'true', 'emptyObject', 'mixedArray', 'nestedObjects', 'emptyString'];

type JsonPath = (string | number)[];

function allPaths(value: unknown, path: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => allPaths(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...path, k], out);
  return out;
}

const MARKER = '@@FUZZ-REPLACED@@';

/** The policy's pretty JSON with the value at `path` replaced by the raw JSON text `raw`. */
function replaceAt(policy: unknown, path: JsonPath, raw: string): string {
  if (path.length === 0) return raw;
  const clone = structuredClone(policy) as Record<string | number, unknown>;
  let node = clone;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = MARKER;
  return JSON.stringify(clone, null, 2).replace(JSON.stringify(MARKER), () => raw);
}

/** Strings IAM policies contain, plus patterns that stress the wildcard machinery. */
const IAM_STRINGS = [
  '*', '', 'Allow', 'Deny', 'allow', '2012-10-17', '2008-10-17', 's3:*', 's3:GetObject', 'logs:*', 'logs:PutLogEvents',
  'logs:Create*', 'logs:*LogGroup*', 'logs:??tLogEvents', 'sts:AssumeRole', 'iam:PassRole', 'ecr:*', 'sagemaker:*', '*:*',
  'arn:aws:logs:*:*:*', 'arn:aws:logs:*:*:log-group:/aws/sagemaker/*', 'arn:aws:logs:us-east-1:123456789012:log-group:x:*',
  'arn:aws:logs:*:*:log-group:${aws:username}', 'arn:aws:logs:*:*:log-group:${*}', 'arn:aws:logs:*:*:log-group:${?}${$}',
  'arn:aws:logs:*:*:log-group:${unterminated', 'arn:aws:s3:::bucket/${aws:username}/*', 'arn:aws:s3:::*', 'arn:*:*:*:*:*',
  'arn:aws:logs', 'arn:aws:logs:::::::::', ':::::', 'arn:aws:iam::123456789012:root', 'sagemaker.amazonaws.com',
  'StringEquals', 'StringLike', 'ForAllValues:StringEquals', 'Bool', 'Null', 'aws:SourceIp', 'aws:username',
  '\u0000', '\ud800', '\udfff\ud800', '😀', 'é', '\u2028', '\r\n', '"', '\\', 'constructor', '__proto__', 'toString',
];
const iamStringArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...IAM_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...'arn:aws:logs-group/*?${}_.AZaz09 '), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 4 }) },
);
const garbageArb = fc.jsonValue({ maxDepth: 3 });
const listArb = fc.oneof(
  { weight: 4, arbitrary: iamStringArb },
  { weight: 4, arbitrary: fc.array(iamStringArb, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(iamStringArb, garbageArb), { maxLength: 4 }) },
  { weight: 1, arbitrary: garbageArb },
);
const conditionArb = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(
      fc.oneof(fc.constantFrom('StringEquals', 'StringLike', 'ArnLike', 'Bool', 'Null', 'IpAddress', 'ForAnyValue:StringEquals', 'StringEqualsIfExists'), fc.string({ maxLength: 8 })),
      fc.oneof(
        { weight: 4, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom('aws:SourceIp', 'aws:username', 's3:prefix', 'aws:ResourceTag/${aws:username}'), fc.string({ maxLength: 8 })), fc.oneof(listArb, fc.integer(), fc.boolean(), fc.constant(null)), { maxKeys: 3 }) },
        { weight: 1, arbitrary: garbageArb },
      ),
      { maxKeys: 3 },
    ) },
  { weight: 1, arbitrary: garbageArb },
);
const principalArb = fc.oneof(
  fc.constant('*'),
  fc.dictionary(fc.constantFrom('AWS', 'Service', 'Federated', 'CanonicalUser', 'aws', ''), listArb, { maxKeys: 3 }),
  garbageArb,
);
const statementArb = fc.oneof(
  { weight: 12, arbitrary: fc.record(
      {
        Sid: fc.oneof(iamStringArb, garbageArb),
        Effect: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('Allow', 'Deny') }, { weight: 1, arbitrary: iamStringArb }, { weight: 1, arbitrary: garbageArb }),
        Principal: principalArb,
        NotPrincipal: principalArb,
        Action: listArb,
        NotAction: listArb,
        Resource: listArb,
        NotResource: listArb,
        Condition: conditionArb,
      },
      { requiredKeys: [] },
    ) },
  { weight: 1, arbitrary: garbageArb },
);
/** Policy-shaped documents: right structure, random (often wrong) element values. */
const generatedPolicyArb = fc.record(
  {
    Version: fc.oneof(fc.constantFrom('2012-10-17', '2008-10-17'), iamStringArb, garbageArb),
    Id: iamStringArb,
    Statement: fc.oneof({ weight: 6, arbitrary: fc.array(statementArb, { maxLength: 4 }) }, { weight: 2, arbitrary: statementArb }, { weight: 1, arbitrary: garbageArb }),
  },
  { requiredKeys: ['Statement'] },
);

/** Serialises with random indentation and line endings. */
const serialisedArb = <T>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, fc.constantFrom<[number | string, string]>([0, '\n'], [2, '\n'], ['\t', '\r\n'], [1, '\r'], [4, '\n'])).map(([value, [indent, eol]]) =>
    JSON.stringify(value, null, indent).replace(/\n/g, eol),
  );

/** Tokens inserted by text mutations. */
const INSERTIONS = [
  '{', '}', '[', ']', ',', ':', '"', '\\', '\\u', '\\ud800', 'null', 'true', '-', '0', '1e999', '"Effect"', '"Statement":', '"*"',
  '"Action":"logs:*"', '"Resource":"*"', '${aws:username}', '\u0000', '\ud800', '\udc00', '😀', '\ufeff', '\u2028', '\r', '\r\n', '\t',
  '/*c*/', '//c\n', "'", 'NaN', 'Infinity', '[[[[[[[[', '}}}}', '"\\"', ' '.repeat(50),
];
const mutationArb = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...INSERTIONS) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ op: fc.constant('replaceChar' as const), at: fc.nat(), char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), other: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
);
type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.op) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.token + text.slice(at);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'replaceChar':
      return text.slice(0, at) + m.char + text.slice(at + 1);
    case 'swap': {
      const other = text.length === 0 ? 0 : m.other % (text.length + 1);
      const [a, b] = at <= other ? [at, other] : [other, at];
      if (a + m.length > b) return text;
      return text.slice(0, a) + text.slice(b, b + m.length) + text.slice(a + m.length, b) + text.slice(a, a + m.length) + text.slice(b + m.length);
    }
  }
}

/** Invalid UTF-8 sequences (overlong, surrogates, out of range, truncated, stray continuation). */
const INVALID_UTF8: number[][] = [
  [0x80], [0xbf], [0xc0, 0xaf], [0xc1, 0xbf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfe], [0xff], [0xff, 0xfe],
  [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xc3], [0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xef, 0xbb], [0x00],
];

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('fuzz: whole pipeline never throws, never crashes a rule, keeps positions valid', function () {
  this.timeout(180_000);

  before(async function () {
    tempDir = mkdtempSync(join(tmpdir(), 'iamscope-fuzz-'));
    // warm up: starts the worker and loads the IAM catalog
    await check({ category: 'warm-up', label: 'sagemaker', text: POLICY_TEXTS[0]![1] });
    stats.delete('warm-up');
  });

  after(async function () {
    await pipeline.close();
    rmSync(tempDir, { recursive: true, force: true });
    const rows = [...stats].map(([category, s]) => ({
      category,
      cases: s.count,
      parseErrors: s.parseErrors,
      withResults: s.withResults,
      totalMs: Math.round(s.totalMs),
      slowestMs: Math.round(s.slowest.ms),
      slowest: s.slowest.label.slice(0, 70),
    }));
    const total = rows.reduce((n, r) => n + r.cases, 0);
    const slowest = [...stats].sort((a, b) => b[1].slowest.ms - a[1].slowest.ms)[0];
    console.log(`\n    fuzz summary: ${total} cases`);
    console.table(rows);
    if (slowest) console.log(`    slowest case: ${slowest[0]} › ${slowest[1].slowest.label} (${Math.round(slowest[1].slowest.ms)} ms)`);
    if (jsonDisagreements.length > 0) {
      const accepted = jsonDisagreements.filter((d) => d.engine === 'accepted');
      const rejected = jsonDisagreements.filter((d) => d.engine === 'rejected');
      console.log(`    JSON.parse vs engine (diagnostic, first 50 recorded): engine accepted ${accepted.length} texts JSON.parse rejects, rejected ${rejected.length} it accepts`);
      for (const d of [...accepted.slice(0, 3), ...rejected.slice(0, 5)]) console.log(`      engine ${d.engine}: ${d.category} › ${d.label.slice(0, 80)}: ${d.sample}`);
    }
    if (positionMismatches.count > 0) console.log(`    locations whose line/column disagree with their offset: ${positionMismatches.count}`);
  });

  beforeEach(() => {
    hangs.length = 0;
  });

  fuzzIt('seed policies in every layout lint cleanly through lintText and checkGroup', async () => {
    for (const [name, text] of POLICY_TEXTS) {
      for (const layout of LAYOUT_NAMES) {
        const laid = LAYOUTS[layout]!(text);
        await check({ category: 'seed', label: `${name}/${layout}`, text: laid });
        await check({ category: 'seed', label: `${name}/${layout} (bytes)`, bytes: utf8(laid) });
      }
    }
    // the seeds themselves parse (otherwise truncation and replacement would test nothing)
    assert.equal(stats.get('seed')!.parseErrors, 0);
  });

  fuzzIt('truncated policies: every offset of every seed policy', async () => {
    for (const [name, text] of POLICY_TEXTS) {
      for (let i = 0; i <= text.length; i++) await check({ category: 'truncated', label: `${name}[0,${i})`, text: text.slice(0, i) });
    }
  });

  fuzzIt('truncated policies: random offsets of CRLF/BOM/tab layouts, cut as text and as bytes (mid code point)', async () => {
    await fc.assert(
      fc.asyncProperty(laidOutPolicyArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), async (p, where, asBytes) => {
        if (asBytes) {
          const bytes = utf8(p.text);
          const cut = Math.floor(where * bytes.length);
          await check({ category: 'truncated-random', label: `${p.name} bytes[0,${cut})`, bytes: bytes.subarray(0, cut) });
        } else {
          const cut = Math.floor(where * p.text.length);
          await check({ category: 'truncated-random', label: `${p.name}[0,${cut})`, text: p.text.slice(0, cut) });
        }
      }),
      fcParams(400),
    );
    // every byte offset of the non-ASCII policy (cuts inside multi-byte sequences)
    const odd = utf8(ODD_TEXT);
    for (let i = 0; i <= odd.length; i++) await check({ category: 'truncated-bytes', label: `odd bytes[0,${i})`, bytes: odd.subarray(0, i) });
  });

  fuzzIt('byte-flipped policies (checkGroup on temp files)', async () => {
    const flipArb = fc.record({
      at: fc.nat(),
      value: fc.integer({ min: 0, max: 255 }),
      mode: fc.constantFrom('set' as const, 'xorBit' as const),
    });
    await fc.assert(
      fc.asyncProperty(laidOutPolicyArb, fc.array(flipArb, { minLength: 1, maxLength: 4 }), async (p, flips) => {
        const bytes = utf8(p.text);
        for (const f of flips) {
          const i = f.at % bytes.length;
          bytes[i] = f.mode === 'set' ? f.value : bytes[i]! ^ (1 << (f.value & 7));
        }
        await check({ category: 'byte-flipped', label: `${p.name} ${JSON.stringify(flips)}`, bytes });
      }),
      fcParams(1000),
    );
  });

  fuzzIt('text-mutated policies (delete, insert tokens, duplicate, swap, replace characters)', async () => {
    await fc.assert(
      fc.asyncProperty(laidOutPolicyArb, fc.array(mutationArb, { minLength: 1, maxLength: 5 }), async (p, mutations) => {
        const text = mutations.reduce(mutate, p.text);
        await check({ category: 'mutated', label: `${p.name} ${JSON.stringify(mutations).slice(0, 200)}`, text });
      }),
      fcParams(1500),
    );
  });

  fuzzIt('wrong JSON type in every element of every seed policy', async () => {
    for (const [name, policy] of Object.entries(OBJECT_POLICIES)) {
      for (const path of allPaths(policy)) {
        for (const type of EVERY_ELEMENT_TYPES) {
          await check({ category: 'wrong-type', label: `${name} ${JSON.stringify(path)} = ${type}`, text: replaceAt(policy, path, WRONG_TYPES[type]!) });
        }
      }
    }
  });

  fuzzIt('object keys that are Object.prototype names, empty or NUL, added to every object of every seed policy', async () => {
    const members = ['"__proto__":{"Effect":"Allow","Action":"*"}', '"constructor":null', '"hasOwnProperty":1', '"toString":"x"', '"valueOf":[]', '"":""', '"\\u0000":0', '"Statement":[]'];
    const serialise = (value: unknown, extra: string, last: boolean): string => {
      if (Array.isArray(value)) return `[${value.map((v) => serialise(v, extra, last)).join(',')}]`;
      if (value !== null && typeof value === 'object') {
        const own = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${serialise(v, extra, last)}`);
        return `{${(last ? [...own, extra] : [extra, ...own]).join(',')}}`;
      }
      return JSON.stringify(value);
    };
    for (const [name, policy] of Object.entries(OBJECT_POLICIES)) {
      for (const member of members) {
        for (const last of [false, true]) {
          await check({ category: 'prototype-keys', label: `${name} + ${member} ${last ? 'last' : 'first'}`, text: serialise(policy, member, last) });
        }
      }
    }
  });

  fuzzIt('wrong JSON type: random elements replaced by random types and random JSON garbage', async () => {
    const names = Object.keys(OBJECT_POLICIES);
    const replacementArb = fc.oneof(
      fc.constantFrom(...Object.values(WRONG_TYPES)),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.nat(), fc.array(replacementArb, { minLength: 1, maxLength: 3 }), async (name, pick, raws) => {
        const policy = OBJECT_POLICIES[name];
        let text = JSON.stringify(policy, null, 2);
        const labels: string[] = [];
        // replace up to three distinct elements (each on the policy with the earlier replacements)
        let current: unknown = policy;
        raws.forEach((raw, i) => {
          const paths = allPaths(current);
          const path = paths[(pick + i * 7) % paths.length]!;
          text = replaceAt(current, path, raw);
          labels.push(`${JSON.stringify(path)}=${raw.slice(0, 40)}`);
          current = safeParse(text) ?? current;
        });
        await check({ category: 'wrong-type-random', label: `${name} ${labels.join(' ')}`, text });
      }),
      fcParams(400),
    );
  });

  fuzzIt('generated policy-shaped documents and arbitrary JSON', async () => {
    await fc.assert(
      fc.asyncProperty(serialisedArb(generatedPolicyArb), async (text) => {
        await check({ category: 'generated-policy', label: text.slice(0, 120), text });
      }),
      fcParams(2500),
    );
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 6 }), async (text) => {
        await check({ category: 'generated-json', label: text.slice(0, 120), text });
      }),
      fcParams(300),
    );
  });

  fuzzIt('deep nesting: 100,000 levels of [ and { (open, balanced, inside a policy) and the 256-level boundary', async () => {
    const N = 100_000;
    const open = (s: string, n = N) => s.repeat(n);
    const wrap = (depth: number, inner: string) => '['.repeat(depth) + inner + ']'.repeat(depth);
    const inPolicy = (value: string) => `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*","Condition":${value}}]}`;
    const deep: [string, string][] = [
      ['[ x100000', open('[')],
      ['{ x100000', open('{')],
      ['{"a": x100000', open('{"a":')],
      ['[{"a": x100000', open('[{"a":', N / 2)],
      ['balanced [] x100000', open('[') + open(']')],
      ['balanced {"a":} x100000', open('{"a":') + '1' + open('}')],
      ['Statement: [ x100000', `{"Statement":${open('[')}`],
      ['Action nested 100000 deep, balanced', `{"Statement":[{"Effect":"Allow","Action":${wrap(N, '"logs:*"')},"Resource":"*"}]}`],
      ['Condition value nested 100000 deep', inPolicy(`{"StringEquals":{"aws:username":${wrap(N, '"x"')}}}`)],
      ['brackets inside strings', `{"Statement":[{"Sid":"${'['.repeat(N)}","Effect":"Allow","Action":"*","Resource":"*"}]}`],
      ['escaped quotes then brackets', `{"Statement":[{"Sid":"\\"${'\\\\"['.repeat(1000)}","Effect":"Allow","Action":"*","Resource":"*"}]}` + open('[')],
      ['closers first', open(']', 1000) + open('[', N)],
    ];
    for (const depth of [250, 251, 252, 253, 254, 255, 256]) {
      // the Condition value is at nesting depth 5 + depth of its own arrays
      deep.push([`Condition value, total depth ${depth + 5}`, inPolicy(`{"StringEquals":{"aws:username":${wrap(depth, '"x"')}}}`)]);
      deep.push([`Resource value, total depth ${depth + 3}`, `{"Statement":[{"Effect":"Allow","Action":"logs:*","Resource":${wrap(depth, '"*"')}}]}`]);
    }
    for (const [label, text] of deep) await check({ category: 'deep-nesting', label, text });
    await check({ category: 'deep-nesting', label: '[ x100000 (bytes)', bytes: utf8(open('[')) });
  });

  fuzzIt('10 MB string values (a few, through lintText and checkGroup)', async () => {
    const MB10 = 10 * 1024 * 1024;
    const big = 'a'.repeat(MB10);
    const sagemaker = structuredClone(SAGEMAKER_EXECUTION_ROLE);
    sagemaker.Statement[0]!.Sid = big;
    await check({ category: '10MB-string', label: 'Sid of 10 MB', text: JSON.stringify(sagemaker) });
    await check({
      category: '10MB-string',
      label: 'Condition value of 10 MB',
      text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'logs:*', Resource: '*', Condition: { StringLike: { 'aws:username': big } } }] }),
    });
    await check({ category: '10MB-string', label: 'unterminated 10 MB string', text: `{"Statement":[{"Sid":"${big}` });
    await check({
      category: '10MB-string',
      label: 'Action of 10 MB (5 Mi × "é", bytes)',
      bytes: utf8(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:${'é'.repeat(MB10 / 2)}","Resource":"*"}]}`),
    });
  });

  fuzzIt('UTF-8 BOM, CRLF and lone CR line endings', async () => {
    const extras: [string, string][] = [
      ['BOM only', '\ufeff'],
      ['BOM + whitespace', '\ufeff \r\n\t'],
      ['two BOMs', '\ufeff\ufeff' + POLICY_TEXTS[0]![1]],
      ['BOM inside', POLICY_TEXTS[0]![1].replace('"Statement"', '\ufeff"Statement"')],
      ['BOM in string', POLICY_TEXTS[0]![1].replace('TrainingData', '\ufeffTrainingData')],
      ['mixed CRLF, CR, LF', POLICY_TEXTS[3]![1].replace(/\n/g, (_m, i: number) => ['\r\n', '\r', '\n'][i % 3]!)],
      ['CR LF split across BOM', '\ufeff\r\n' + POLICY_TEXTS[1]![1]],
      ['CRLF with trailing garbage', POLICY_TEXTS[1]![1].replace(/\n/g, '\r\n') + '\r\n}'],
    ];
    for (const [label, text] of extras) {
      await check({ category: 'bom-crlf', label, text });
      await check({ category: 'bom-crlf', label: `${label} (bytes)`, bytes: utf8(text) });
    }
    await fc.assert(
      fc.asyncProperty(policyArb, fc.constantFrom('bom', 'crlf', 'cr', 'bomCrlf'), fc.array(mutationArb, { maxLength: 2 }), async ([name, text], layout, mutations) => {
        const laid = mutations.reduce(mutate, LAYOUTS[layout]!(text));
        await check({ category: 'bom-crlf', label: `${name}/${layout} ${JSON.stringify(mutations).slice(0, 100)}`, bytes: utf8(laid) });
      }),
      fcParams(300),
    );
  });

  fuzzIt('invalid UTF-8 sequences anywhere in a policy (checkGroup)', async () => {
    // every sequence into every string of the SageMaker policy, deterministically
    const base = utf8(POLICY_TEXTS[0]![1]);
    const quotes = [...base.keys()].filter((i) => base[i] === 0x22);
    for (const [n, seq] of INVALID_UTF8.entries()) {
      for (const q of quotes.filter((_, i) => i % 2 === 0)) {
        const bytes = new Uint8Array([...base.subarray(0, q + 1), ...seq, ...base.subarray(q + 1)]);
        await check({ category: 'invalid-utf8', label: `seq#${n} after quote at byte ${q}`, bytes });
      }
    }
    await fc.assert(
      fc.asyncProperty(
        laidOutPolicyArb,
        fc.array(fc.record({ at: fc.nat(), seq: fc.constantFrom(...INVALID_UTF8), replace: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        async (p, edits) => {
          let bytes = [...utf8(p.text)];
          for (const e of edits) {
            const at = e.at % (bytes.length + 1);
            bytes = [...bytes.slice(0, at), ...e.seq, ...bytes.slice(at + (e.replace ? e.seq.length : 0))];
          }
          await check({ category: 'invalid-utf8', label: `${p.name} ${JSON.stringify(edits)}`, bytes: new Uint8Array(bytes) });
        },
      ),
      fcParams(400),
    );
  });

  fuzzIt('binary files: random bytes, NUL bytes, JSON-ish bytes, UTF-16, gzip', async () => {
    const sagemaker = POLICY_TEXTS[0]![1];
    const fixed: [string, Uint8Array][] = [
      ['1 KiB of NUL', new Uint8Array(1024)],
      ['1 MiB of NUL', new Uint8Array(1024 * 1024)],
      ['single NUL', new Uint8Array(1)],
      ['NUL after policy', utf8(sagemaker + '\0')],
      ['NUL before policy', utf8('\0' + sagemaker)],
      ['NUL inside strings', utf8(sagemaker.replace(/"Allow"/g, '"Al\0low"'))],
      ['control characters inside strings', utf8(sagemaker.replace(/s3:/g, 's3\u0001\u001f:'))],
      ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, ...Buffer.from(sagemaker, 'utf16le')])],
      ['UTF-16BE with BOM', new Uint8Array([0xfe, 0xff, ...Buffer.from(sagemaker, 'utf16le').swap16()])],
      ['UTF-16LE without BOM', new Uint8Array(Buffer.from(sagemaker, 'utf16le'))],
      ['gzip of a policy', new Uint8Array(gzipSync(sagemaker))],
      ['PNG header', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
      ['all byte values', new Uint8Array(Array.from({ length: 256 }, (_, i) => i))],
    ];
    for (const [label, bytes] of fixed) await check({ category: 'binary', label, bytes });
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        await check({ category: 'binary', label: `random ${bytes.length} bytes`, bytes });
      }),
      fcParams(300),
    );
    const jsonish = [...'{}[]":,0123456789.eE+-truefalsn \n\r\t\\u/'].map((c) => c.charCodeAt(0));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...jsonish) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) }), { maxLength: 512 }), async (codes) => {
        await check({ category: 'binary', label: `JSON-ish ${codes.length} bytes`, bytes: new Uint8Array(codes) });
      }),
      fcParams(500),
    );
  });

  fuzzIt('empty and whitespace-only files', async () => {
    const blanks: [string, string][] = [
      ['empty', ''],
      ['space', ' '],
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['CR', '\r'],
      ['tabs and newlines', '\t\n\t\r\n  \r'],
      ['1 MiB of spaces', ' '.repeat(1024 * 1024)],
      ['100k newlines', '\n'.repeat(100_000)],
      ['NBSP', '\u00a0'],
      ['LINE SEPARATOR', '\u2028'],
      ['vertical tab and form feed', '\v\f'],
      ['BOM', '\ufeff'],
    ];
    for (const [label, text] of blanks) {
      await check({ category: 'empty-whitespace', label, text });
      await check({ category: 'empty-whitespace', label: `${label} (bytes)`, bytes: utf8(text) });
    }
  });

  fuzzIt('huge arrays: 5,000 actions, statements, resources, condition values, duplicate keys', async () => {
    const N = 5000;
    const logsActions = Array.from({ length: N }, (_, i) => ['logs:PutLogEvents', 'logs:Create*', 'logs:*Log*', `logs:Made${i}Up`][i % 4]!);
    const mixedActions = Array.from({ length: N }, (_, i) => ['s3:GetObject', 'ecr:*', 'sagemaker:Create*', 'iam:?ass*', `svc${i}:Act${i}`][i % 5]!);
    const cases: [string, unknown][] = [
      ['5,000 logs actions, Resource *', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: logsActions, Resource: '*' }] }],
      ['5,000 mixed actions, Resource *', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: mixedActions, Resource: '*' }] }],
      ['5,000 NotAction items', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: mixedActions, Resource: 'arn:aws:logs:*:*:*' }] }],
      ['5,000 Deny actions', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:*', Resource: '*' }, { Effect: 'Deny', Action: logsActions, Resource: 'arn:aws:logs:*:*:log-group:x*' }] }],
      ['5,000 wrong-typed actions', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: Array.from({ length: N }, (_, i) => [i, null, true, {}, []][i % 5]), Resource: '*' }] }],
      ['5,000 s3 resources', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: N }, (_, i) => `arn:aws:s3:::bucket-${i}/*`) }] }],
      ['500 logs resources', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: Array.from({ length: 500 }, (_, i) => `arn:aws:logs:us-east-1:123456789012:log-group:g${i}`) }] }],
      ['2,000 Deny resources', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:*', Resource: '*' }, { Effect: 'Deny', Action: 'logs:*', Resource: Array.from({ length: 2000 }, (_, i) => `arn:aws:logs:*:*:log-group:g${i}`) }] }],
      ['5,000 statements', { Version: '2012-10-17', Statement: Array.from({ length: N }, (_, i) => ({ Sid: `S${i % 100}`, Effect: i % 2 ? 'Allow' : 'allow', Action: `s3:Get${i}`, Resource: '*' })) }],
      ['5,000 condition values', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:*', Resource: 'arn:aws:logs:*:*:log-group:/aws/sagemaker/*', Condition: { IpAddress: { 'aws:SourceIp': Array.from({ length: N }, (_, i) => `10.0.${i >> 8}.${i & 255}/32`) } } }] }],
      ['5,000 duplicate keys', null],
    ];
    for (const [label, value] of cases) {
      const text = value === null ? `{"Statement":[{${Array.from({ length: N }, () => '"Effect":"Allow"').join(',')},"Action":"*","Resource":"*"}]}` : JSON.stringify(value);
      await check({ category: 'huge-arrays', label, text });
    }
  });

  it('collected over all cases above: JSON that JSON.parse accepts is never a parse-error', () => {
    assert.deepEqual(validJsonRejected.slice(0, 5), [], `${validJsonRejected.length} valid JSON texts were reported as parse errors`);
  });

  it('collected over all cases above: every location has its line/column where its offset is', () => {
    assert.equal(
      positionMismatches.count,
      0,
      `${positionMismatches.count} locations disagree with their offsets; shortest inputs:\n` +
        positionMismatches.samples.map((m) => `  ${m.what}\n    text: ${m.text}`).join('\n'),
    );
  });

  // ---------------------------------------------------------------------------------------------
  // Regression cases found by this fuzzer (minimised). The first three are hangs of ml/logs-scope's
  // witness search (packages/core/src/analysis/resource-gaps.ts + pattern/witness.ts): they run
  // in the worker under the same 10 s guard and fail while the search has no overall bound.
  // ---------------------------------------------------------------------------------------------

  fuzzIt('regression: Deny + NotResource statements multiply the witness search spaces (2^20 for 20 statements)', async () => {
    // searchSpaces() (analysis/resource-gaps.ts) takes the cross product of the items of every
    // applicable Deny+NotResource statement: k statements of 2 items give 2^k findWitness searches
    // per resource type and candidate. Measured without the guard (HEAD 5f82edf): k=14 3.3 s,
    // k=16 15 s, k=18 79 s (e9ab566), so these k=20 take minutes; before 5318d85 k=14 took 12.7 s.
    const deny = '{"Effect":"Deny","Action":"*","NotResource":["a","b"]}';
    const text = `{"Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"},${Array(20).fill(deny).join(',')}]}`;
    await check({ category: 'regression', label: '20 × Deny NotResource ["a","b"]', text });
  });

  fuzzIt('regression: Resource wildcards whose witness search exhausts the state budget cost ~0.5 s each, with no overall bound', async () => {
    // "*:*a" followed by 16 "?" has 2^16 reachable subset states, over findWitness's 20,000-state
    // budget, so each search for such an item ends "unknown" after exploring the whole budget; the
    // rule runs several searches per Resource item and nothing bounds the total. Measured without
    // the guard (HEAD 5f82edf): 1 item 0.6 s, these 50 (1.3 KB) 29 s; 1,000 items (a 30 KB policy)
    // would take ≈ 10 min. (No result is reported for these items either, although
    // e.g. "arn:aws:logs:us-east-1:123456789012:log-group:abbbbbbbbbbbbbbbb0" is reachable.)
    const items = Array.from({ length: 50 }, (_, i) => `"*:*a${'?'.repeat(16)}${i}"`);
    const text = `{"Statement":[{"Effect":"Allow","Action":"logs:*","Resource":[${items.join(',')}]}]}`;
    await check({ category: 'regression', label: '50 × Resource "*:*a????????????????<i>"', text });
  });

  fuzzIt('regression: witness search time grows with the length of a Resource string (a 10 MB one never finishes)', async () => {
    // One long literal log-group name. Measured without the guard (HEAD e9ab566 / 5f82edf): 5,000
    // chars 1.7 s, 10,000 5.5 / 5.1 s, 20,000 13.7 s (budget exhausted: no result), these 40,000
    // 24 / 20 s; a 10 MB Resource did not finish in 400 s (at 78cf9c5 it took 12.5 s). Each explored state steps a
    // bit-set automaton whose cost is proportional to the pattern length, up to 20,000 states per
    // findWitness call, several calls per item. Since the search keeps only active positions per
    // state (sparse-nfa.ts), 40,000 chars take ~0.3 s (undecided within the element allowance)
    // and 5,000 chars are decided.
    const text = `{"Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"arn:aws:logs:*:*:log-group:${'a'.repeat(40_000)}"}]}`;
    await check({ category: 'regression', label: 'Resource "arn:aws:logs:*:*:log-group:" + 40,000 × "a"', text });
  });

  // Raw control characters (here LF) inside JSON strings are accepted by the parser (momoa; RFC 8259
  // §7 and JSON.parse reject them), and momoa computes a string token's end as start column + length
  // on the start line, so a node whose string holds a raw line break ends at a line/column that is
  // not where its end offset is.

  it('regression: a string holding a raw line break ends at the line/column of its end offset', async () => {
    await assertPositionsAgree('{"Statement":[{"Effect":"Allow\nx","Action":"s3:*","Resource":"*"}]}');
  });

  // Found before c5b9450 (parse-error positions were momoa's line/column, which did not count a line
  // break read just before the end of input, and gave a CRLF's CR column with its LF offset); fixed
  // there by deriving line/column from the offset. Kept as regressions.
  it('regression: end of input after a raw line break inside an unterminated string', async () => {
    await assertPositionsAgree('{"a":"x\n');
  });

  it('regression: a parse-error at a CRLF line break has the line/column of its offset', async () => {
    await assertPositionsAgree('{"Version": 1.\r\n}');
  });
});

/** Lints `text` in the guarded worker and checks every location's line/column against its offset. */
async function assertPositionsAgree(text: string): Promise<void> {
  const outcome = await pipeline.run({ text }, guardFor(text.length));
  assert.equal(outcome.kind, 'done', JSON.stringify(outcome));
  const { report } = outcome as Extract<Outcome, { kind: 'done' }>;
  assert.ok(report.results.length > 0, 'expected a result to check');
  for (const r of report.results) {
    const points = r.ruleId === PARSE_ERROR_RULE_ID ? { start: r.loc.start } : r.loc;
    for (const [name, p] of Object.entries(points)) {
      const { line, column } = positionAt(text, p.offset);
      assert.deepEqual({ line: p.line, column: p.column }, { line, column }, `${r.ruleId} ${name} (offset ${p.offset}) in ${JSON.stringify(text)}`);
    }
  }
}
