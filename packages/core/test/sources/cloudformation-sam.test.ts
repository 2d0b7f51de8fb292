import assert from 'node:assert/strict';
import type { ValueNode } from '@humanwhocodes/momoa';
import { readCloudFormationYaml } from '../../src/sources/cloudformation/index.js';
import type { SourceLocation } from '../../src/source/location.js';

// Every expected position is counted by hand in the template text below.
const FILE = 'sam.yaml';

function span(loc: SourceLocation): string {
  return `${loc.start.line}:${loc.start.column}-${loc.end.line}:${loc.end.column}`;
}

function plain(node: ValueNode): unknown {
  if (node.type === 'Object') return Object.fromEntries(node.members.map((m) => [m.name.type === 'String' ? m.name.value : m.name.name, plain(m.value)]));
  if (node.type === 'Array') return node.elements.map((e) => plain(e.value));
  return node.type === 'Null' ? null : node.value;
}

const TEMPLATE = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    PermissionsBoundary: arn:aws:iam::123456789012:policy/ml-boundary
    AssumeRolePolicyDocument:
      Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
Resources:
  Inherits:
    Type: AWS::Serverless::Function
  Own:
    Type: AWS::Serverless::Function
    Properties:
      PermissionsBoundary: !Ref Strict
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: edgelambda.amazonaws.com}, Action: sts:AssumeRole}]
  Ignores:
    Type: AWS::Serverless::Function
    IgnoreGlobals: [PermissionsBoundary]
  Machine:
    Type: AWS::Serverless::StateMachine
  Strict:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: {Statement: [{Effect: Allow, Action: "s3:GetObject", Resource: "*"}]}
`;

describe('CloudFormation reader: SAM Globals', () => {
  const source = readCloudFormationYaml(TEMPLATE, FILE);
  const boundaries = Object.fromEntries(source.principals.map((p) => [p.name, p.boundary && [p.boundary.ref, span(p.boundary.loc)]]));

  it('gives a function without its own PermissionsBoundary the global one, located in Globals; its own one, IgnoreGlobals and state machines win', () => {
    assert.deepEqual(source.errors, []);
    assert.deepEqual(boundaries, {
      // line 4: "    PermissionsBoundary: " is 25 characters, the 44-character ARN follows
      InheritsRole: ['arn:aws:iam::123456789012:policy/ml-boundary', '4:26-4:70'],
      // line 13: "      PermissionsBoundary: " is 27 characters, "!Ref Strict" is 11
      OwnRole: [`cfn:${FILE}#Strict`, '13:28-13:39'],
      IgnoresRole: undefined,
      MachineRole: undefined,
    });
  });

  it('reads the global trust policy for a function without one, and merges it with a function\'s own (statements concatenated, global first)', () => {
    const trust = Object.fromEntries(source.policies.filter((p) => p.policyType === 'trust').map((p) => [p.owner, [p.path, plain(p.object)]]));
    const statement = (service: string) => ({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
    assert.deepEqual(trust, {
      [`cfn:${FILE}#InheritsRole`]: ['Globals.Function.AssumeRolePolicyDocument', { Statement: [statement('lambda.amazonaws.com')] }],
      [`cfn:${FILE}#OwnRole`]: ['Resources.Own.Properties.AssumeRolePolicyDocument', { Statement: [statement('lambda.amazonaws.com'), statement('edgelambda.amazonaws.com')] }],
      [`cfn:${FILE}#IgnoresRole`]: ['Globals.Function.AssumeRolePolicyDocument', { Statement: [statement('lambda.amazonaws.com')] }],
    });
  });
});
