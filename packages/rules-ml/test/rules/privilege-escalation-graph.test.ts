/**
 * ml/privilege-escalation's hop graph: a trust policy that names one principal by ARN admits that
 * principal only (the graph indexes trusts by the name that ends the ARN), and the depth option
 * bounds a path exactly (the graph's distances to a goal cut searches short without changing
 * them). Every line:column below was counted by hand.
 */
import assert from 'node:assert/strict';
import { Engine, type LintInput, type Result } from '@iamscope/core';
import ml from '@iamscope/rules-ml';

function lint(inputs: LintInput[], depth?: number): Result[] {
  const level = depth === undefined ? 'error' : ['error', { depth }];
  const engine = new Engine({ plugins: [ml], recommended: false, config: { rules: { 'ml/privilege-escalation': level } } });
  return engine.lintGroup(inputs).flatMap((report) => {
    assert.deepEqual(report.notifications, []);
    return report.results;
  });
}

/** `line:column-endLine:endColumn (method id)` of each result, with the subject of its message. */
const brief = (r: Result) => `${r.loc.start.line}:${r.loc.start.column}-${r.loc.end.line}:${r.loc.end.column} ${/^\S+ "[^"]+"/.exec(r.message)?.[0]} (${/\(([a-z0-9-]+)\)(?::|, allowed)/.exec(r.message)?.[1]})`;

const NAMED_TRUST = `Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      UserName: alice
      Policies:
        - PolicyName: assume
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: sts:AssumeRole
                Resource: arn:aws:iam::123456789012:role/admin
  Bob:
    Type: AWS::IAM::User
    Properties:
      UserName: bob
      Policies:
        - PolicyName: assume
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: sts:AssumeRole
                Resource: arn:aws:iam::123456789012:role/admin
  Admin:
    Type: AWS::IAM::Role
    Properties:
      RoleName: admin
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: arn:aws:iam::123456789012:user/alice }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: grow
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: iam:AttachRolePolicy
                Resource: "*"
`;

const TWO_HOPS = `Resources:
  Alice:
    Type: AWS::IAM::User
    Properties:
      UserName: alice
      Policies:
        - PolicyName: notebooks
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: iam:PassRole
                Resource: arn:aws:iam::123456789012:role/ml-a
              - Effect: Allow
                Action: sagemaker:CreateNotebookInstance
                Resource: "*"
  RoleA:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ml-a
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: sagemaker.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: notebooks
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: iam:PassRole
                Resource: arn:aws:iam::123456789012:role/ml-*
              - Effect: Allow
                Action: sagemaker:CreateNotebookInstance
                Resource: "*"
  RoleB:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ml-b
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: sagemaker.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: grow
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: iam:AttachRolePolicy
                Resource: "*"
`;

describe('ml/privilege-escalation hop graph', () => {
  it('follows a trust that names one user by ARN for that user only', () => {
    // line 12 `                Action: sts:AssumeRole` (Alice): the value starts at column 25, 14 characters;
    // Bob's same line is 24; line 42 `                Action: iam:AttachRolePolicy` (the role): column 25, 20 characters
    assert.deepEqual(lint([{ text: NAMED_TRUST, file: 'template.yaml' }]).map(brief), [
      '12:25-12:39 User "alice" (sts-assume-role)',
      '42:25-42:45 Role "admin" (iam-attach-role-policy)',
    ]);
  });

  it('reports a two-hop path at depth 2 and none at depth 1', () => {
    // line 12 `                Action: iam:PassRole` (Alice, on ml-a only): the value starts at column 25, 12 characters;
    // line 33, the same in ml-a (on ml-*); line 54 `                Action: iam:AttachRolePolicy` (ml-b): column 25, 20 characters
    const twoHops = lint([{ text: TWO_HOPS, file: 'template.yaml' }], 2);
    assert.deepEqual(twoHops.map(brief), [
      '12:25-12:37 User "alice" (sagemaker-passrole-create-notebook-instance)',
      '33:25-33:37 Role "ml-a" (sagemaker-passrole-create-notebook-instance)',
      '54:25-54:45 Role "ml-b" (iam-attach-role-policy)',
    ]);
    assert.match(twoHops[0]!.message, /in 2 hop\(s\) .*: User "alice" → role "ml-a" \(sagemaker-passrole-create-notebook-instance\) → role "ml-b" \(sagemaker-passrole-create-notebook-instance\) → administrator access \(iam-attach-role-policy\)\.$/);
    // one hop too few for alice; ml-a still reaches ml-b in one
    assert.deepEqual(lint([{ text: TWO_HOPS, file: 'template.yaml' }], 1).map(brief), [
      '33:25-33:37 Role "ml-a" (sagemaker-passrole-create-notebook-instance)',
      '54:25-54:45 Role "ml-b" (iam-attach-role-policy)',
    ]);
  });
});
