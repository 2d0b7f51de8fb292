import assert from 'node:assert/strict';
import { Engine, formatSarif, type ScanReport } from '@iamscope/core';
import { sarifProblems } from '../support/sarif-validator.js';

// line 3: invalid-effect (error), suppressed by its Sid; line 4: invalid-effect (error); no Version: missing-version (warning) on line 1
const POLICY = `{
  "Statement": [
    { "Sid": "Legacy", "Effect": "allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" },
    { "Sid": "Other", "Effect": "allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*" }
  ]
}
`;
const TOOL = { name: 'iamscope', version: '1.2.3', informationUri: 'https://github.com/iamscope/iamscope' };

function report(): ScanReport {
  const engine = new Engine({ config: { suppressions: [{ rule: 'invalid-effect', files: ['*'], sid: 'Legacy', reason: 'owned by team A' }] } });
  const file = engine.lintText(POLICY, 'roles/p q.json');
  return { files: [file], rules: engine.registry.all(), notifications: [], filesRead: 1, policiesChecked: 1 };
}

describe('formatSarif', () => {
  it('writes suppressed results with their justification and [] on the others, with fingerprints', () => {
    const log = JSON.parse(formatSarif(report(), TOOL));
    assert.deepEqual(sarifProblems(log), []);
    const results = log.runs[0].results.map((r: any) => [r.ruleId, r.locations[0].physicalLocation.region.startLine, r.suppressions]);
    assert.deepEqual(results, [
      ['missing-version', 1, []],
      ['invalid-effect', 3, [{ kind: 'external', justification: 'owned by team A' }]],
      ['invalid-effect', 4, []],
    ]);
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'roles/p%20q.json');
    assert.match(log.runs[0].results[1].partialFingerprints['iamscope/v1'], /^[0-9a-f]{16}:1$/);
    assert.deepEqual(log.runs[0].properties, { filesRead: 1, policiesChecked: 1, suppressed: 1 });
    assert.equal(log.runs[0].automationDetails, undefined);
  });

  it('sets automationDetails.id from the category, ending it with "/"', () => {
    const id = (category: string) => JSON.parse(formatSarif(report(), TOOL, { category })).runs[0].automationDetails.id;
    assert.equal(id('iamscope/ml-roles'), 'iamscope/ml-roles/');
    assert.equal(id('iamscope/ml-roles/'), 'iamscope/ml-roles/');
  });

  it('keeps at most maxResults results, unsuppressed errors first, and says how many were left out', () => {
    const log = JSON.parse(formatSarif(report(), TOOL, { maxResults: 1 }));
    assert.deepEqual(sarifProblems(log), []);
    assert.deepEqual(log.runs[0].results.map((r: any) => [r.ruleId, r.locations[0].physicalLocation.region.startLine]), [['invalid-effect', 4]]);
    const [notification] = log.runs[0].invocations[0].toolExecutionNotifications;
    assert.equal(notification.level, 'warning');
    assert.equal(notification.descriptor.id, 'RESULTS_CAPPED');
    assert.equal(notification.message.text, "2 of 3 results were left out: a run holds at most 1 (GitHub code scanning's limit); the most severe were kept.");
    assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
  });
});

describe('the SARIF test validator', () => {
  it('flags what GitHub rejects', () => {
    const log = JSON.parse(formatSarif(report(), TOOL));
    const run = log.runs[0];
    run.tool.driver.rules[0].properties = { tags: ['security'], precision: 'high', 'security-severity': 7.0 };
    run.tool.driver.rules[1].properties = { tags: ['security'], precision: 'high', 'security-severity': '4.0' };
    delete run.tool.driver.rules[2].help;
    run.results[0].locations[0].physicalLocation.artifactLocation.uri = 'file:///tmp/p.json';
    delete run.results[1].suppressions;
    run.automationDetails = { id: 'no-category' };
    const problems = sarifProblems(log).filter((p) => !p.startsWith('schema:'));
    const [r0, r1, r2] = run.tool.driver.rules.map((r: any) => `runs[0].rules[${run.tool.driver.rules.indexOf(r)}] ${r.id}`);
    assert.deepEqual(problems, [
      `${r0}: security-severity 7 is not a numeric string in (0, 10]`,
      `${r1}: security-severity 4.0 is on the edge of a severity band`,
      `${r2}: help.text is missing`,
      `${r2}: help.markdown is missing`,
      'runs[0]: automationDetails.id "no-category" names no category',
      'runs[0]: suppressions must be on all results or none',
      'runs[0].results[0].locations[0]: uri file:///tmp/p.json is not repository-relative',
    ]);
  });
});
