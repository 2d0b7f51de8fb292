// Benchmark of the pattern algebra and of effective permissions (issue #4; run after `tsc -b`).
// Prints figures only; never fails on timing.
//  (d) pattern operations per second: matches, intersects, covers, witness on typical patterns;
//  (e) effective permissions per AWS managed policy: build the terms, ask `outside` for a few
//      ML-scope questions and `access` for a few requests; median, p99 and max per policy.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { access, covers, effectivePermissions, intersects, matches, outside, policyFromText, witness } from '@iamscope/core';
import { MANAGED_DIR, writeManagedCorpus } from './corpus.mjs';

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

/** Calls `op` on each case in turn for about `ms` milliseconds; returns operations per second. */
function rate(cases, op, ms = 500) {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) for (const c of cases) (op(...c), n++);
  return n / ((performance.now() - start) / 1000);
}

const RESOURCES = [
  ['arn:aws:s3:::ml-data-lake-*/*', 'arn:aws:s3:::ml-data-lake-raw/2024/01/part-0001.parquet'],
  ['arn:aws:logs:*:*:log-group:/aws/sagemaker/*', 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/sagemaker/TrainingJobs:log-stream:x'],
  ['arn:aws:iam::*:role/ml-*', 'arn:aws:iam::123456789012:role/ml-exec'],
  ['arn:aws:sagemaker:*:*:training-job/ds-*', 'arn:aws:sagemaker:us-east-1:123456789012:training-job/ds-42'],
];
const PAIRS = [
  ['arn:aws:s3:::ml-*', 'arn:aws:s3:::ml-data-lake-*/*'],
  ['arn:aws:logs:*:*:*', 'arn:aws:logs:*:*:log-group:/aws/sagemaker/*'],
  ['*', 'arn:aws:iam::*:role/ml-*'],
  ['arn:aws:s3:::*/*', 'arn:aws:s3:::finance-*/*'],
];
const ACTIONS = [
  ['s3:Get*', 's3:GetObject'],
  ['sagemaker:Create*Job', 'sagemaker:CreateTrainingJob'],
  ['*', 'iam:PassRole'],
];
console.log('(d) pattern operations per second (one thread; intersects, covers and witness answer repeated questions from their memo):');
console.log(`    matches (resource): ${rate(RESOURCES, (p, v) => matches(p, v, 'resource')).toFixed(0)}`);
console.log(`    matches (action): ${rate(ACTIONS, (p, v) => matches(p, v, 'action')).toFixed(0)}`);
console.log(`    intersects: ${rate(PAIRS, (p, q) => intersects(p, q, 'resource')).toFixed(0)}`);
console.log(`    covers: ${rate(PAIRS, (p, q) => covers(p, q, 'resource')).toFixed(0)}`);
console.log(`    witness: ${rate(PAIRS, (p, q) => witness(p, q, 'resource')).toFixed(0)}`);

const { total } = await writeManagedCorpus();
const SCOPE_ACTIONS = ['s3:GetObject', 's3:PutObject', 'iam:PassRole', 'logs:PutLogEvents', 'ecr:BatchGetImage'];
const SCOPE = ['arn:aws:s3:::ml-data-lake-*/*', 'arn:aws:iam::*:role/ml-*', 'arn:aws:logs:*:*:log-group:/aws/sagemaker/*', 'arn:aws:ecr:*:*:repository/ml-*'];
const REQUESTS = [
  ['s3:GetObject', 'arn:aws:s3:::finance/q1.csv'],
  ['iam:PassRole', 'arn:aws:iam::123456789012:role/admin'],
  ['iam:CreateRole', 'arn:aws:iam::123456789012:role/x'],
];
const times = [];
let findings = 0;
for (const file of readdirSync(MANAGED_DIR).filter((f) => f.endsWith('.json')).sort()) {
  const text = readFileSync(join(MANAGED_DIR, file), 'utf8');
  const start = performance.now();
  const perms = effectivePermissions({ identity: [policyFromText(text, 'identity', file)] });
  findings += outside(perms, SCOPE_ACTIONS, SCOPE).length;
  for (const [action, resource] of REQUESTS) access(perms, action, resource);
  times.push(performance.now() - start);
}
const sum = times.reduce((a, b) => a + b, 0);
console.log(`(e) effective permissions over ${times.length} of ${total} managed policies (terms + outside for ${SCOPE_ACTIONS.length} actions + ${REQUESTS.length} access requests each):`);
console.log(`    per policy: median ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(1)} ms, max ${Math.max(...times).toFixed(0)} ms; total ${(sum / 1000).toFixed(1)} s; ${findings} outside findings`);
