import assert from 'node:assert/strict';
import { formatMessage } from '@iamscope/core';

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    assert.equal(formatMessage('Unknown action {{ action }} in {{where}}.', { action: '"s3:Gett"' }), 'Unknown action "s3:Gett" in {{where}}.');
  });

  it('keeps a 200-unit value whole', () => {
    const value = 'x'.repeat(200);
    assert.equal(formatMessage('{{v}}', { v: value }), value);
  });

  it('shortens a longer value to its first 150 and last 40 units with its length', () => {
    const value = `${'a'.repeat(150)}${'m'.repeat(10_000)}${'z'.repeat(40)}`;
    assert.equal(formatMessage('e.g. "{{v}}".', { v: value }), `e.g. "${'a'.repeat(150)}…(10190 characters)…${'z'.repeat(40)}".`);
  });

  it('does not split a surrogate pair at either cut', () => {
    // U+1F600 is two UTF-16 units; the head cut at 150 and the tail cut at length-40 fall inside one.
    const value = `${'a'.repeat(149)}😀${'m'.repeat(100)}😀${'z'.repeat(39)}`;
    const message = formatMessage('{{v}}', { v: value });
    assert.equal(message, `${'a'.repeat(149)}…(${value.length} characters)…${'z'.repeat(39)}`);
  });
});
