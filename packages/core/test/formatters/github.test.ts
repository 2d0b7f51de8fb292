import assert from 'node:assert/strict';
import { formatGithub, type Result, type ScanReport } from '@iamscope/core';

const at = (line: number, column: number, offset = 0) => ({ line, column, offset });

function result(level: Result['level'], file: string, start: [number, number], end: [number, number], message: string): Result {
  return { ruleId: 'ml/logs-scope', level, messageId: 'x', message, file, loc: { start: at(...start), end: at(...end) } };
}

function report(results: Result[], notifications: ScanReport['notifications'] = []): ScanReport {
  return { files: [{ file: 'a.json', policies: 1, results, notifications: [] }], rules: [], notifications, filesRead: 1, policiesChecked: 1 };
}

describe('formatGithub', () => {
  it('prints nothing for a clean scan', () => {
    assert.equal(formatGithub(report([])), '');
  });

  it('gives one-line results columns; multi-line results only lines; errors first, notes as notice', () => {
    const out = formatGithub(
      report([
        result('note', 'a.json', [2, 3], [2, 9], 'A note.'),
        result('warning', 'a.json', [3, 1], [5, 2], 'Spans lines.'),
        result('error', 'a.json', [7, 5], [7, 12], 'An error.'),
      ]),
    );
    assert.equal(
      out,
      [
        '::error file=a.json,line=7,endLine=7,col=5,endColumn=12,title=ml/logs-scope::An error.',
        '::warning file=a.json,line=3,endLine=5,title=ml/logs-scope::Spans lines.',
        '::notice file=a.json,line=2,endLine=2,col=3,endColumn=9,title=ml/logs-scope::A note.',
        '',
      ].join('\n'),
    );
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    const out = formatGithub(report([result('error', 'dir,x/a:b%.json', [1, 1], [1, 2], '100% bad\r\n::error::injected')]));
    assert.equal(out, '::error file=dir%2Cx/a%3Ab%25.json,line=1,endLine=1,col=1,endColumn=2,title=ml/logs-scope::100%25 bad%0D%0A::error::injected\n');
  });

  it('turns tool notifications into annotations', () => {
    const out = formatGithub(report([], [{ level: 'warning', code: 'READ_ERROR', message: 'Cannot read b.json: EACCES.', file: 'b.json' }]));
    assert.equal(out, '::warning file=b.json,title=iamscope READ_ERROR::Cannot read b.json: EACCES.\n');
  });
});
