import assert from 'node:assert/strict';
import { parseJson, MAX_JSON_DEPTH } from '@iamscope/core';

describe('parseJson', () => {
  it('keeps original positions when the text starts with a byte-order mark', () => {
    const result = parseJson('\uFEFF{"Version": 1}');
    assert.ok(result.ok);
    const member = result.document.body.type === 'Object' ? result.document.body.members[0]! : undefined;
    // the BOM occupies column 1, so "Version" starts at column 3 and the value 1 at column 14.
    assert.deepEqual(member?.value.loc.start, { line: 1, column: 14, offset: 13 });
  });

  it('counts CRLF as one line break', () => {
    const result = parseJson('{\r\n  "a":\r\n  "é😀"\r\n}');
    assert.ok(result.ok);
    const value = result.document.body.type === 'Object' ? result.document.body.members[0]!.value : undefined;
    // "é😀" is 1 + 2 UTF-16 units, quoted 5: columns 3 to 8 (exclusive) on line 3; its opening quote
    // is offset 13 ("{", CR, LF, two spaces, "a" quoted, ":", CR, LF, two spaces).
    assert.deepEqual(value?.loc, { start: { line: 3, column: 3, offset: 13 }, end: { line: 3, column: 8, offset: 18 } });
  });

  it('reports the position of a syntax error', () => {
    const result = parseJson('{\n  "Statement": [1,]\n}');
    assert.ok(!result.ok);
    // the trailing comma: line 2, column 18 ("  " + "Statement" quoted is cols 3-13, then ": [1").
    assert.deepEqual(result.error.position, { line: 2, column: 18, offset: 19 });
    assert.equal(result.error.message, 'Invalid JSON: Unexpected trailing comma before "]".');
  });

  it('reports a truncated document at its end, not at its last token', () => {
    const text = '{\n  "Statement": [ {';
    const result = parseJson(text);
    assert.ok(!result.ok);
    assert.equal(result.error.message, 'Invalid JSON: Unexpected end of input.');
    // the text ends after the "{" at line 2, column 18: the end position is column 19, offset 20.
    assert.deepEqual(result.error.position, { line: 2, column: 19, offset: 20 });
  });

  it('escapes invisible characters in messages', () => {
    const result = parseJson('\u0000');
    assert.ok(!result.ok);
    assert.equal(result.error.message, "Invalid JSON: Unexpected character '\\u0000'.");
  });

  it('rejects excessive nesting at the first bracket beyond the limit, without recursion', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const result = parseJson(text);
    assert.ok(!result.ok);
    assert.deepEqual(result.error.position, { line: 1, column: MAX_JSON_DEPTH + 1, offset: MAX_JSON_DEPTH });
    assert.equal(result.error.message, `JSON nesting deeper than ${MAX_JSON_DEPTH} levels.`);
  });

  it('does not count brackets inside strings as nesting', () => {
    assert.ok(parseJson(`{"a": "${'['.repeat(1000)}"}`).ok);
  });
});
