import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseJson } from '../../src/json/parse.js';
import { buildPolicy } from '../../src/policy/build.js';
import type { PolicyType } from '../../src/policy/nodes.js';
import { isAuthorizationDetails, readAuthorizationDetails } from '../../src/sources/authorization-details/index.js';
import type { ExtractedPolicy, SourceFile } from '../../src/sources/types.js';
import type { SourceLocation } from '../../src/source/location.js';

// Expected positions are counted by hand in the fixtures (AWS CLI output: 4-space indentation).
const FIXTURES = new URL('../../../../fixtures/authorization-details/', import.meta.url);

function read(text: string, file = 'dump.json'): SourceFile {
  const parsed = parseJson(text);
  assert.ok(parsed.ok, 'the test text is valid JSON');
  return readAuthorizationDetails(parsed.document, text, file);
}

function readFixture(name: string): SourceFile {
  return read(readFileSync(new URL(name, FIXTURES), 'utf8'), `fixtures/authorization-details/${name}`);
}

/** Line and column of start and end, e.g. `"18:43-18:49"`. */
function span(loc: SourceLocation): string {
  return `${loc.start.line}:${loc.start.column}-${loc.end.line}:${loc.end.column}`;
}

function build(source: SourceFile, path: string) {
  const extracted = source.policies.find((p) => p.path === path);
  assert.ok(extracted, `no policy at ${path}`);
  return buildPolicy(extracted.object, { file: source.file, policyType: extracted.policyType, policyTypeInferred: false });
}

/** The facts of an extracted policy other than its tree. */
function facts(p: ExtractedPolicy): { path: string; policyType: PolicyType; owner?: string; refs?: string[] } {
  return { path: p.path, policyType: p.policyType, ...(p.owner ? { owner: p.owner } : {}), ...(p.refs ? { refs: p.refs } : {}) };
}

const ACCOUNT = 'arn:aws:iam::123456789012';

describe('authorization-details reader', () => {
  describe('isAuthorizationDetails', () => {
    const root = (text: string) => {
      const parsed = parseJson(text);
      assert.ok(parsed.ok);
      return parsed.document.body;
    };

    it('accepts an object with any of the four lists as an array', () => {
      assert.equal(isAuthorizationDetails(root('{"UserDetailList": []}')), true);
      assert.equal(isAuthorizationDetails(root('{"GroupDetailList": []}')), true);
      assert.equal(isAuthorizationDetails(root('{"RoleDetailList": [], "Marker": "x"}')), true);
      assert.equal(isAuthorizationDetails(root('{"Policies": []}')), true);
    });

    it('rejects policies, other objects and lists that are not arrays', () => {
      assert.equal(isAuthorizationDetails(root('{"Version": "2012-10-17", "Statement": []}')), false);
      assert.equal(isAuthorizationDetails(root('{"RoleDetailList": {}}')), false);
      assert.equal(isAuthorizationDetails(root('{"Roles": []}')), false);
      assert.equal(isAuthorizationDetails(root('[{"RoleDetailList": []}]')), false);
    });
  });

  describe('good.json (AWS CLI output)', () => {
    const source = readFixture('good.json');

    it('finds every inline, trust and customer managed policy with its owner or refs', () => {
      assert.equal(source.format, 'authorization-details');
      assert.deepEqual(source.errors, []);
      assert.deepEqual(source.policies.map(facts), [
        { path: 'GroupDetailList[0].GroupPolicyList[0].PolicyDocument', policyType: 'identity', owner: `${ACCOUNT}:group/data-scientists` },
        { path: 'RoleDetailList[0].AssumeRolePolicyDocument', policyType: 'trust', owner: `${ACCOUNT}:role/service-role/ml-exec-training` },
        { path: 'RoleDetailList[0].RolePolicyList[0].PolicyDocument', policyType: 'identity', owner: `${ACCOUNT}:role/service-role/ml-exec-training` },
        { path: 'Policies[0].PolicyVersionList[0].Document', policyType: 'identity', refs: [`${ACCOUNT}:policy/ml-boundary`, 'name:policy/ml-boundary'] },
        { path: 'Policies[1].PolicyVersionList[0].Document', policyType: 'identity', refs: [`${ACCOUNT}:policy/ml-ecr-pull`, 'name:policy/ml-ecr-pull'] },
      ]);
    });

    it('declares the user, group and role with refs, boundary and groups at their positions', () => {
      const [alice, group, role] = source.principals;
      assert.equal(source.principals.length, 3);
      assert.deepEqual([alice!.kind, alice!.name, alice!.refs], ['user', 'alice', [`${ACCOUNT}:user/alice`, 'name:user/alice']]);
      assert.equal(span(alice!.loc), '3:9-19:10');
      assert.equal(alice!.boundary?.ref, `${ACCOUNT}:policy/ml-boundary`);
      assert.equal(span(alice!.boundary!.loc), '16:43-16:89');
      assert.deepEqual(alice!.groups?.map((g) => [g.ref, span(g.loc)]), [['name:group/data-scientists', '11:17-11:34']]);
      assert.deepEqual([group!.kind, group!.name, group!.refs], ['group', 'data-scientists', [`${ACCOUNT}:group/data-scientists`, 'name:group/data-scientists']]);
      assert.equal(group!.boundary, undefined);
      assert.deepEqual([role!.kind, role!.name, role!.refs], ['role', 'ml-exec-training', [`${ACCOUNT}:role/service-role/ml-exec-training`, 'name:role/ml-exec-training']]);
      assert.equal(span(role!.boundary!.loc), '116:43-116:89');
    });

    it('records attachments by PolicyArn, located at the ARN', () => {
      assert.deepEqual(
        source.attachments.map((a) => [a.principal, a.policy, span(a.loc)]),
        [
          [`${ACCOUNT}:group/data-scientists`, 'arn:aws:iam::aws:policy/AmazonSageMakerReadOnly', '53:34-53:83'],
          [`${ACCOUNT}:role/service-role/ml-exec-training`, `${ACCOUNT}:policy/ml-ecr-pull`, '111:34-111:80'],
        ],
      );
    });

    it('keeps the positions of resources, principals and conditions in the dump', () => {
      const group = build(source, 'GroupDetailList[0].GroupPolicyList[0].PolicyDocument');
      const resource = group.statements[0]!.resource!.items[1]!;
      assert.equal(resource.value, 'arn:aws:s3:::ml-data-lake-*/${aws:username}/*');
      assert.equal(span(resource.loc), '43:37-43:84');

      const trust = build(source, 'RoleDetailList[0].AssumeRolePolicyDocument');
      const statement = trust.statements[0]!;
      assert.equal(span(statement.principal!.values[0]!.loc), '71:40-71:65');
      const operator = statement.condition!.operators[0]!;
      assert.equal(span(operator.keys[0]!.loc), '76:33-76:52');
      assert.equal(span(operator.keys[0]!.values[0]!.loc), '76:54-76:68');
    });

    it('reads the default version of a managed policy, not the others', () => {
      const boundary = build(source, 'Policies[0].PolicyVersionList[0].Document');
      assert.deepEqual(boundary.statements.map((s) => s.sid?.value), ['MlData', 'MlImages', 'MlLogs', 'MlReadOnly', 'ApprovedRegionsOnly']);
      assert.equal(boundary.statements[0]!.loc.start.line, 142);
    });
  });

  describe('bad.json', () => {
    const source = readFixture('bad.json');

    it('reads the findings-bearing documents and leaves AWS managed policies to the snapshot', () => {
      assert.deepEqual(source.errors, []);
      assert.deepEqual(
        source.policies.map((p) => p.path),
        [
          'UserDetailList[0].UserPolicyList[0].PolicyDocument',
          'RoleDetailList[0].AssumeRolePolicyDocument',
          'RoleDetailList[0].RolePolicyList[0].PolicyDocument',
          'Policies[0].PolicyVersionList[0].Document',
        ],
      );
      assert.deepEqual(source.principals[0]!.groups?.map((g) => [g.ref, span(g.loc)]), [['name:group/admins', '34:17-34:25']]);
      assert.deepEqual(source.attachments.map((a) => [a.principal, a.policy, span(a.loc)]), [
        [`${ACCOUNT}:group/admins`, 'arn:aws:iam::aws:policy/AdministratorAccess', '51:34-51:79'],
        [`${ACCOUNT}:role/ml-pipeline-deploy`, `${ACCOUNT}:policy/ml-legacy-data`, '104:34-104:83'],
      ]);
    });

    it('locates s3:* on *, a misspelt action, a public trust, PassRole on * and a 2008 version', () => {
      const user = build(source, 'UserDetailList[0].UserPolicyList[0].PolicyDocument');
      assert.equal(span(user.statements[0]!.action!.items[0]!.loc), '18:43-18:49');
      assert.equal(user.statements[1]!.action!.items[0]!.value, 'sagemaker:CreateTraningJob');
      assert.equal(span(user.statements[1]!.action!.items[0]!.loc), '25:37-25:65');
      const trust = build(source, 'RoleDetailList[0].AssumeRolePolicyDocument');
      assert.equal(span(trust.statements[0]!.principal!.values[0]!.loc), '69:36-69:39');
      const role = build(source, 'RoleDetailList[0].RolePolicyList[0].PolicyDocument');
      assert.equal(span(role.statements[0]!.action!.items[0]!.loc), '85:43-85:57');
      const legacy = build(source, 'Policies[0].PolicyVersionList[0].Document');
      assert.equal(span(legacy.version!.loc), '126:36-126:48');
      assert.equal(span(legacy.statements[0]!.resource!.items[0]!.loc), '135:45-135:99');
    });
  });

  describe('URL-encoded documents (API output)', () => {
    const source = readFixture('bad-url-encoded.json');

    it('decodes trust, inline and managed documents', () => {
      assert.deepEqual(source.errors, []);
      assert.deepEqual(source.policies.map(facts), [
        { path: 'RoleDetailList[0].AssumeRolePolicyDocument', policyType: 'trust', owner: `${ACCOUNT}:role/ml-notebook` },
        { path: 'RoleDetailList[0].RolePolicyList[0].PolicyDocument', policyType: 'identity', owner: `${ACCOUNT}:role/ml-notebook` },
        { path: 'Policies[0].PolicyVersionList[0].Document', policyType: 'identity', refs: [`${ACCOUNT}:policy/ml-pass-any-role`, 'name:policy/ml-pass-any-role'] },
      ]);
    });

    it('maps every node onto its percent-escaped characters in the string', () => {
      // Line 16: the literal's quote is at column 39; "s3:*" is `%22s3%3A%2A%22` at content index 106.
      const inline = build(source, 'RoleDetailList[0].RolePolicyList[0].PolicyDocument');
      assert.equal(inline.statements[0]!.action!.items[0]!.value, 's3:*');
      assert.equal(span(inline.statements[0]!.action!.items[0]!.loc), '16:146-16:160');
      // The root object spans the whole string content, from `%7B` to the closing quote.
      assert.equal(span(inline.loc), '16:40-16:198');
      // Line 11: quote at column 41; "*" (`%22%2A%22`) at content index 124.
      const trust = build(source, 'RoleDetailList[0].AssumeRolePolicyDocument');
      assert.equal(trust.statements[0]!.principal!.values[0]!.value, '*');
      assert.equal(span(trust.statements[0]!.principal!.values[0]!.loc), '11:166-11:175');
      // Line 41: quote at column 33; "iam:PassRole" at content index 106, 20 characters.
      const managed = build(source, 'Policies[0].PolicyVersionList[0].Document');
      assert.equal(span(managed.statements[0]!.action!.items[0]!.loc), '41:140-41:160');
    });

    it('maps positions through multi-byte UTF-8 escapes', () => {
      // The quote of the literal is at column 72; content index 0 at column 73.
      const text = '{"RoleDetailList":[{"RoleName":"r","RolePolicyList":[{"PolicyDocument":"%7B%22Sid%22%3A%22caf%C3%A9%22%2C%22Effect%22%3A%22Allow%22%7D"}]}]}';
      const object = read(text).policies[0]!.object;
      const [sid, effect] = object.members;
      assert.equal(sid!.value.type === 'String' && sid!.value.value, 'café');
      assert.equal(span(sid!.value.loc), '1:88-1:103');
      assert.equal(span(effect!.name.loc), '1:106-1:118');
      assert.equal(span(effect!.value.loc), '1:121-1:132');
    });

    it('reads a plain JSON string document through its JSON escapes', () => {
      // The quote of the literal is at column 63; `\"caf\u00e9\"` starts at content index 25.
      const text = String.raw`{"RoleDetailList":[{"RoleName":"r","AssumeRolePolicyDocument":"{\"Statement\":[{\"Sid\":\"caf\u00e9\",\"Action\":\"sts:AssumeRole\"}]}"}]}`;
      const source = read(text);
      assert.deepEqual(source.errors, []);
      assert.equal(source.policies[0]!.owner, 'name:role/r');
      const trust = buildPolicy(source.policies[0]!.object, { file: 'dump.json', policyType: 'trust', policyTypeInferred: false });
      assert.equal(trust.statements[0]!.sid!.value, 'café');
      assert.equal(span(trust.statements[0]!.sid!.loc), '1:89-1:102');
      assert.equal(span(trust.statements[0]!.action!.items[0]!.loc), '1:114-1:132');
    });
  });

  describe('malformed input', () => {
    const prefix = '{"RoleDetailList":[{"RoleName":"r","RolePolicyList":[{"PolicyName":"p","PolicyDocument":';

    it('reports invalid JSON inside a URL-encoded document where parsing stopped', () => {
      // The literal's quote is at column 89; `%7D` (the unexpected "}") at content index 19.
      const source = read(`${prefix}"%7B%22Version%22%3A%7D"}]}]}`);
      assert.deepEqual(source.policies, []);
      assert.deepEqual(
        source.errors.map((e) => [e.message, span(e.loc)]),
        [['Invalid JSON in RoleDetailList[0].RolePolicyList[0].PolicyDocument (URL-decoded): Unexpected "}".', '1:109-1:112']],
      );
      assert.equal(source.principals.length, 1, 'the role is still declared');
    });

    it('reports a malformed percent escape at its characters', () => {
      const source = read(`${prefix}"%7B%ZZ%7D"}]}]}`);
      assert.deepEqual(
        source.errors.map((e) => [e.message, span(e.loc)]),
        [['Invalid URL encoding in RoleDetailList[0].RolePolicyList[0].PolicyDocument: "%ZZ" is not a UTF-8 percent escape.', '1:93-1:96']],
      );
    });

    it('reports a truncated UTF-8 sequence and a document that is not an object', () => {
      assert.deepEqual(
        read(`${prefix}"%7B%C3%7D"}]}]}`).errors.map((e) => [e.message, span(e.loc)]),
        [['Invalid URL encoding in RoleDetailList[0].RolePolicyList[0].PolicyDocument: "%C3%7D" is not a UTF-8 percent escape.', '1:93-1:99']],
      );
      assert.deepEqual(
        read(`${prefix}"%5B%5D"}]}]}`).errors.map((e) => [e.message, span(e.loc)]),
        [['Expected RoleDetailList[0].RolePolicyList[0].PolicyDocument to be a JSON object, got array.', '1:89-1:97']],
      );
    });

    it('reports values of the wrong type and reads the rest', () => {
      const text = '{"RoleDetailList":[{"RoleName":"r","RolePolicyList":{},"PermissionsBoundary":"arn"},42],"Policies":[{"PolicyName":7,"PolicyVersionList":[]}]}';
      const source = read(text);
      assert.deepEqual(
        source.errors.map((e) => [e.message, span(e.loc)]),
        [
          ['Expected RoleDetailList[0].RolePolicyList to be an array, got object.', '1:53-1:55'],
          ['Expected RoleDetailList[0].PermissionsBoundary to be an object, got string.', '1:78-1:83'],
          ['Expected RoleDetailList[1] to be an object, got number.', '1:85-1:87'],
          ['Policies[0] has no default version in PolicyVersionList (IsDefaultVersion: true).', '1:101-1:140'],
          ['Expected Policies[0].PolicyName to be a string, got number.', '1:115-1:116'],
        ],
      );
      assert.deepEqual(source.principals.map((p) => p.refs), [['name:role/r']]);
    });

    it('finds the default version by DefaultVersionId when no version is flagged', () => {
      const text = '{"Policies":[{"PolicyName":"p","DefaultVersionId":"v2","PolicyVersionList":[{"VersionId":"v1","Document":{"Statement":[]}},{"VersionId":"v2","Document":{"Id":"two","Statement":[]}}]}]}';
      const [policy] = read(text).policies;
      assert.equal(policy!.path, 'Policies[0].PolicyVersionList[1].Document');
      assert.deepEqual(policy!.refs, ['name:policy/p']);
    });

    it('reads `aws iam list-policies` output (no documents) as nothing, without errors', () => {
      const source = read('{"Policies":[{"PolicyName":"p","Arn":"arn:aws:iam::123456789012:policy/p","DefaultVersionId":"v1"}]}');
      assert.deepEqual([source.policies, source.errors], [[], []]);
    });

    it('skips AWS managed policies of any partition', () => {
      const text = '{"Policies":[{"PolicyName":"AdministratorAccess","Arn":"arn:aws-cn:iam::aws:policy/AdministratorAccess","PolicyVersionList":[{"VersionId":"v1","IsDefaultVersion":true,"Document":{"Statement":[]}}]}]}';
      assert.deepEqual(read(text).policies, []);
    });
  });
});
