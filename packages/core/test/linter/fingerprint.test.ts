import assert from 'node:assert/strict';
import { Engine, type Result } from '@iamscope/core';

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "Read", "Effect": "allow", "Action": ["s3:GetObjekt", "s3:GetObjekt"], "Resource": "*" },
    { "Sid": "Write", "Effect": "allow", "Action": "s3:PutObject", "Resource": "*" }
  ]
}
`;

const engine = new Engine();
const lint = (text: string, rule: string): Result[] => engine.lintText(text, 'p.json').results.filter((r) => r.ruleId === rule);

describe('result fingerprints', () => {
  it('look like <16 hex digits>:<occurrence>', () => {
    for (const r of engine.lintText(POLICY, 'p.json').results) assert.match(r.fingerprint, /^[0-9a-f]{16}:[1-9]\d*$/);
  });

  it('stay the same when lines, indentation and a statement are inserted above the finding', () => {
    const edited = POLICY.replace('"Statement": [\n', '"Statement": [\n\n\n    { "Sid": "New", "Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*" },\n')
      .replace('{ "Sid": "Write"', '\n      { "Sid": "Write"');
    const before = lint(POLICY, 'invalid-effect');
    const after = lint(edited, 'invalid-effect');
    // the Write statement moved from line 5 to line 9 (three lines for the new statement, one more before it)
    assert.deepEqual(before.map((r) => r.loc.start.line), [4, 5]);
    assert.deepEqual(after.map((r) => r.loc.start.line), [7, 9]);
    assert.deepEqual(after.map((r) => r.fingerprint), before.map((r) => r.fingerprint));
  });

  it('stay the same when a statement is inserted above a statement without a Sid', () => {
    const noSid = '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}';
    const inserted = noSid.replace('"Statement":[', '"Statement":[{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"},');
    const [before] = lint(noSid, 'invalid-effect');
    const [after] = lint(inserted, 'invalid-effect');
    // the statement is now the second element of the array, further right on the line
    assert.ok(after!.loc.start.offset > before!.loc.start.offset);
    assert.equal(after!.fingerprint, before!.fingerprint);
  });

  it('differ for the same finding in statements with different Sids', () => {
    const [read, write] = lint(POLICY, 'invalid-effect');
    assert.notEqual(read!.fingerprint.split(':')[0], write!.fingerprint.split(':')[0]);
    assert.ok(read!.fingerprint.endsWith(':1') && write!.fingerprint.endsWith(':1'));
  });

  it('number repeated findings on equal elements :1, :2 in position order', () => {
    const [first, second] = lint(POLICY, 'unknown-action');
    assert.equal(first!.loc.start.column < second!.loc.start.column, true);
    assert.equal(first!.fingerprint.replace(/:1$/, ':2'), second!.fingerprint);
  });

  it('depend on the element, not on the message text or the line number', () => {
    // the duplicate-key message names the line of the last occurrence; the fingerprint must not change with it
    const text = '{"Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "a", "Resource": "*"}}';
    const moved = `\n\n${text.replace('"Resource": "a", ', '"Resource": "a",\n\n ')}`;
    const [a] = lint(text, 'duplicate-key');
    const [b] = lint(moved, 'duplicate-key');
    assert.notEqual(a!.message, b!.message);
    assert.equal(a!.fingerprint, b!.fingerprint);
  });

  it('of a file that is not JSON come from the text of the line, so they survive lines inserted above', () => {
    const [a] = lint('{\n  "Statement": [,]\n}', 'parse-error');
    const [b] = lint('\n\n{\n    "Statement": [,]\n}', 'parse-error');
    assert.deepEqual([a!.loc.start.line, b!.loc.start.line], [2, 4]);
    assert.equal(a!.fingerprint, b!.fingerprint);
    const [c] = lint('{\n  "Statement": [1,,]\n}', 'parse-error');
    assert.notEqual(c!.fingerprint, a!.fingerprint);
  });
});
