import assert from 'node:assert/strict';
import { readCloudFormationYaml } from '../../src/sources/cloudformation/index.js';
import { readFile } from '../../src/sources/read.js';
import type { SourceLocation } from '../../src/source/location.js';

// Every expected position is counted by hand in the template text of its test.
const FILE = 't.yaml';

function span(loc: SourceLocation): string {
  return `${loc.start.line}:${loc.start.column}-${loc.end.line}:${loc.end.column}`;
}

/** A managed policy resource `id` allowing `action` on "*" (5 lines, the logical id at column 3 of its first line). */
function managedPolicy(id: string, action: string): string {
  return `  ${id}:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{Effect: Allow, Action: "${action}", Resource: "*"}]
`;
}

describe('CloudFormation YAML streams and malformed templates', () => {
  it('reads every template of a multi-document stream, the later ones with their own references and paths', () => {
    const source = readCloudFormationYaml(`Resources:\n${managedPolicy('A', 's3:GetObject')}---\nResources:\n${managedPolicy('A', 's3:*')}`, FILE);
    assert.deepEqual(source.errors, []);
    assert.deepEqual(
      source.policies.map((p) => [p.path, p.refs]),
      [
        ['Resources.A.Properties.PolicyDocument', ['cfn:t.yaml#A']],
        ['(document 2) Resources.A.Properties.PolicyDocument', ['cfn:t.yaml (document 2)#A']],
      ],
    );
  });

  it('keeps the policies of the first document when a later one has a syntax error', () => {
    const source = readCloudFormationYaml(`Resources:\n${managedPolicy('A', 's3:*')}---\nfoo: [unclosed\n`, FILE);
    assert.equal(source.format, 'cloudformation');
    assert.deepEqual(source.policies.map((p) => p.path), ['Resources.A.Properties.PolicyDocument']);
    // the stream's line 8 is "foo: [unclosed"; yaml reports the missing "]" at the start of line 9 (the end of the text)
    assert.deepEqual(source.errors.map((e) => [e.message.startsWith('Invalid YAML: '), span(e.loc)]), [[true, '9:1-9:1']]);
  });

  it('reports a duplicate logical id at its second key, reads the last one, and leaves duplicates inside policies to the duplicate-key rule', () => {
    const policyDuplicate = '  B:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement: {Effect: Allow, Effect: Deny, Action: "*", Resource: "*"}\n';
    const source = readCloudFormationYaml(`Resources:\n${managedPolicy('A', 's3:GetObject')}${managedPolicy('A', 'logs:*')}${policyDuplicate}`, FILE);
    // the first A is at line 2, the second at line 7 (column 3, one character wide)
    assert.deepEqual(source.errors.map((e) => [e.message, span(e.loc)]), [
      ['Duplicate key "A" (also at line 2): CloudFormation rejects a template with duplicate keys; iamscope reads only the last one.', '7:3-7:4'],
    ]);
    assert.deepEqual(source.policies.map((p) => p.path), ['Resources.A.Properties.PolicyDocument', 'Resources.B.Properties.PolicyDocument']);
    const statements = source.policies[0]!.object.members[0]!.value;
    const action = statements.type === 'Array' && statements.elements[0]!.value.type === 'Object' ? statements.elements[0]!.value.members[1]!.value : undefined;
    assert.equal(action?.type === 'String' && action.value, 'logs:*');
  });

  it('reads the policies of a file whose aliases are cut off as an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 6; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const text = `Metadata:\n${bomb.map((line) => `  ${line}`).join('\n')}\nResources:\n${managedPolicy('A', 's3:*')}`;
    const source = readCloudFormationYaml(text, FILE);
    assert.deepEqual(source.policies.map((p) => p.path), ['Resources.A.Properties.PolicyDocument']);
    // "a" to "e" (lines 2-6) make 11 + 111 + 1,111 + 11,111 + 111,111 nodes; the first "*e" of "f" (line 7) adds
    // 111,111 more and passes 200,000: it starts after "  f: &f [" (9 characters) and is 2 wide
    assert.deepEqual(source.errors.map((e) => span(e.loc)), ['7:10-7:12']);
  });

  it('reports UTF-16 text without a byte-order mark, in JSON and in YAML, at the first NUL', () => {
    const utf16le = (text: string) => [...text].map((c) => `${c}\0`).join('');
    const json = readFile(utf16le('{"Version": "2012-10-17"}'), 'p.json');
    const message = 'The file looks like UTF-16 (little-endian) without a byte-order mark: every other character is NUL (U+0000). Save it as UTF-8, or as UTF-16 with a byte-order mark.';
    assert.deepEqual(json.source.errors.map((e) => [e.message, span(e.loc)]), [[message, '1:2-1:3']]);
    const yaml = readFile(`\0${[...'AWSTemplateFormatVersion: "2010-09-09"\n'].join('\0')}`, 't.yaml');
    assert.deepEqual(yaml.source.errors.map((e) => [e.message.slice(0, 40), span(e.loc)]), [['The file looks like UTF-16 (big-endian) ', '1:1-1:2']]);
    assert.deepEqual(readFile(utf16le('name: build\non: push\n'), 'ci.yaml').source.errors, [], 'a YAML file that is no template gives nothing');
  });
});
