/**
 * ml/privilege-escalation across policies and files: a principal's policies in two CloudFormation
 * resources and in two Terraform files, the multi-hop chain of issue #7 with every hop located, and
 * a permissions boundary that takes iam actions away. Every line:column below was counted by hand.
 */
import assert from 'node:assert/strict';
import { Engine, formatSarif, formatStylish, loadTerraformParser, type LintInput, type Result, type ScanReport } from '@iamscope/core';
import ml from '@iamscope/rules-ml';

function lint(inputs: LintInput[], settings: Record<string, unknown> = {}): Result[] {
  const engine = new Engine({ plugins: [ml], recommended: false, config: { rules: { 'ml/privilege-escalation': 'error' }, settings } });
  return engine.lintGroup(inputs).flatMap((report) => {
    assert.deepEqual(report.notifications, []);
    return report.results;
  });
}

/** `file:line:column-endLine:endColumn level (method id)` of each result. */
const brief = (r: Result) => `${r.file}:${r.loc.start.line}:${r.loc.start.column}-${r.loc.end.line}:${r.loc.end.column} ${r.level} ${/\(([a-z0-9-]+)\)(?::|, allowed)/.exec(r.message)?.[1]}`;
const TOOL = { name: 'iamscope', version: '0.0.0', informationUri: 'https://example.com' };
const where = (m: { file: string; loc: Result['loc'] }) => `${m.file}:${m.loc.start.line}:${m.loc.start.column}`;

const CHAIN = `Resources:
  DataScientist:
    Type: AWS::IAM::User
    Properties:
      Policies:
        - PolicyName: notebooks
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: iam:PassRole
                Resource: arn:aws:iam::123456789012:role/ml-exec
              - Effect: Allow
                Action: sagemaker:CreateNotebookInstance
                Resource: "*"
  ExecRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: ml-exec
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: sagemaker.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: admin-maker
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: iam:AttachRolePolicy
                Resource: "*"
`;

describe('ml/privilege-escalation paths', () => {
  before(loadTerraformParser);

  it('reports user → PassRole + CreateNotebookInstance → execution role with iam:AttachRolePolicy → admin as one path, every hop located', () => {
    const results = lint([{ text: CHAIN, file: 'template.yaml' }]);
    // line 11 `                Action: iam:PassRole`: the value starts at column 25, 12 characters;
    // line 32 `                Action: iam:AttachRolePolicy`: column 25, 20 characters
    assert.deepEqual(results.map(brief), [
      'template.yaml:11:25-11:37 error sagemaker-passrole-create-notebook-instance',
      'template.yaml:32:25-32:45 error iam-attach-role-policy',
    ]);
    const path = results[0]!;
    assert.equal(path.messageId, 'escalatePath');
    assert.match(path.message, /^User "DataScientist" can reach administrator access \(iam-attach-role-policy\) in 1 hop\(s\)/);
    assert.match(path.message, /User "DataScientist" → role "ml-exec" \(sagemaker-passrole-create-notebook-instance\) → administrator access \(iam-attach-role-policy\)\.$/);
    // hop 1: the user's PassRole (line 11); the goal: the role's AttachRolePolicy (line 32)
    assert.deepEqual(path.flow!.map(where), ['template.yaml:11:25', 'template.yaml:32:25']);
    assert.match(path.flow![0]!.message, /gets the permissions of role "ml-exec" by sagemaker-passrole-create-notebook-instance/);
    assert.equal(path.flow![1]!.message, 'role "ml-exec" has administrator access (iam-attach-role-policy)');
    // the CreateNotebookInstance statement contributes: line 14, column 25
    assert.deepEqual(path.related!.map(where), ['template.yaml:14:25']);
  });

  it('prints the chain in stylish output and as a SARIF code flow', () => {
    const engine = new Engine({ plugins: [ml], recommended: false, config: { rules: { 'ml/privilege-escalation': 'error' } } });
    const files = engine.lintGroup([{ text: CHAIN, file: 'template.yaml' }]);
    const report: ScanReport = { files, rules: [...engine.registry.all()], notifications: [], filesRead: 1, policiesChecked: 2 };
    const stylish = formatStylish(report);
    assert.match(stylish, /\n +1\. User "DataScientist" gets the permissions of role "ml-exec" .* {2}template\.yaml:11:25\n +2\. role "ml-exec" has administrator access \(iam-attach-role-policy\) {2}template\.yaml:32:25\n/);
    const sarif = JSON.parse(formatSarif(report, TOOL)) as { runs: { results: { codeFlows?: { threadFlows: { locations: { location: { physicalLocation: { region: { startLine: number } } } }[] }[] }[] }[] }[] };
    const flow = sarif.runs[0]!.results[0]!.codeFlows![0]!.threadFlows[0]!.locations.map((l) => l.location.physicalLocation.region.startLine);
    assert.deepEqual(flow, [11, 32]);
  });

  it('stops at the depth option and ends at settings.ml.escalationTargets', () => {
    const weak = CHAIN.replace('iam:AttachRolePolicy', 's3:GetObject');
    // without a target the role is not a goal: passing a weak execution role is no escalation
    assert.deepEqual(lint([{ text: weak, file: 'template.yaml' }]).map(brief), []);
    const results = lint([{ text: weak, file: 'template.yaml' }], { ml: { escalationTargets: ['s3:Get*'] } });
    assert.deepEqual(results.map(brief), ['template.yaml:11:25-11:37 error sagemaker-passrole-create-notebook-instance']);
    assert.equal(results[0]!.flow![1]!.message, 'role "ml-exec" has "s3:GetObject" (settings.ml.escalationTargets)');
  });

  it('gives a role whose boundary excludes iam:* no finding for the iam actions of its policies', () => {
    const template = (boundary: string) => `Resources:
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            NotAction: iam:*
            Resource: "*"
  Role:
    Type: AWS::IAM::Role
    Properties:${boundary}
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: sagemaker.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: iam
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [iam:PutRolePolicy, iam:AttachRolePolicy, iam:CreatePolicyVersion]
                Resource: "*"
`;
    // the Boundary policy is checked on its own when no role uses it: only the role's results count
    const role = (results: Result[]) => results.filter((r) => r.message.startsWith('Role "Role"')).map(brief);
    assert.deepEqual(role(lint([{ text: template('\n      PermissionsBoundary: !Ref Boundary'), file: 'template.yaml' }])), []);
    // without the boundary (everything below line 13 moves up one line),
    // line 26 `                Action: [iam:PutRolePolicy, iam:AttachRolePolicy, iam:CreatePolicyVersion]`:
    // items at columns 26 (17 characters), 45 (20) and 67 (23)
    assert.deepEqual(role(lint([{ text: template(''), file: 'template.yaml' }])), [
      'template.yaml:26:26-26:43 error iam-put-role-policy',
      'template.yaml:26:45-26:65 error iam-attach-role-policy',
      'template.yaml:26:67-26:90 error iam-create-policy-version',
    ]);
  });

  it('joins two AWS::IAM::Policy resources of one role: PassRole in one, lambda actions in the other', () => {
    const template = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
  PassPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: pass
      Roles: [!Ref Role]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: iam:PassRole
            Resource: "*"
  LambdaPolicy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: lambda
      Roles: [!Ref Role]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [lambda:CreateFunction, lambda:InvokeFunction]
            Resource: "*"
`;
    const results = lint([{ text: template, file: 'template.yaml' }]);
    // line 20 `            Action: iam:PassRole`: column 21, 12 characters
    assert.deepEqual(results.map(brief), ['template.yaml:20:21-20:33 error lambda-passrole-create-invoke']);
    // line 31 `            Action: [lambda:CreateFunction, lambda:InvokeFunction]`: items at columns 22 and 45
    assert.deepEqual(results[0]!.related!.map(where), ['template.yaml:31:22', 'template.yaml:31:45']);
    assert.match(results[0]!.message, /^Role "Role" can escalate its privileges: .* \(lambda-passrole-create-invoke\), allowed by "iam:PassRole" on "arn:aws:iam::123456789012:role\/OrganizationAccountAccessRole", "lambda:CreateFunction" on/);
  });

  it('joins two files of one Terraform module', () => {
    const main = `resource "aws_iam_role" "etl" {
  name = "etl"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "glue.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "pass" {
  role = aws_iam_role.etl.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "iam:PassRole"
      Resource = "*"
    }]
  })
}
`;
    const jobs = `resource "aws_iam_role_policy" "jobs" {
  role = aws_iam_role.etl.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["glue:CreateJob", "glue:StartJobRun"]
      Resource = "*"
    }]
  })
}
`;
    const results = lint([
      { text: main, file: 'infra/main.tf' },
      { text: jobs, file: 'infra/jobs.tf' },
    ]);
    // main.tf line 15 `      Action   = "iam:PassRole"`: the string starts at column 18, 14 characters with quotes
    assert.deepEqual(results.map(brief), ['infra/main.tf:15:18-15:32 error glue-passrole-create-job']);
    // jobs.tf line 7 `      Action   = ["glue:CreateJob", "glue:StartJobRun"]`: items at columns 19 and 37
    assert.deepEqual(results[0]!.related!.map(where), ['infra/jobs.tf:7:19', 'infra/jobs.tf:7:37']);
  });
});
