import { partitionOf, serviceActions } from '@iamscope/core';
import { defineRule } from '../define.js';
import type { KeySpec } from '../key-limit.js';
import { limitedByBoundaries, limitFindings, type ActionFamily, type LimitFinding } from '../limit-scan.js';
import { reportOnce } from '../report-once.js';
import { mlSettings } from '../settings.js';

const SAGEMAKER_KEY = 'sagemaker:InstanceTypes';
const EC2_KEY = 'ec2:InstanceType';
/** Characters of instance-type names as the APIs accept them. */
const TYPE_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789.-';

/** SageMaker actions whose requests carry `sagemaker:InstanceTypes` (from the IAM data), sorted. */
function sagemakerComputeActions(): string[] {
  return Object.values(serviceActions('sagemaker') ?? {})
    .filter((a) => [...a.conditionKeys, ...a.resourceTypes.flatMap((rt) => rt.conditionKeys)].some((k) => k.toLowerCase() === SAGEMAKER_KEY.toLowerCase()))
    .map((a) => `sagemaker:${a.name}`)
    .sort();
}

let computeActions: string[] | undefined;

/** SageMaker type names start with `ml.`; EC2 names do not (`ml.` entries of the setting go to SageMaker, the others to EC2). */
const isSageMakerType = (glob: string) => glob.startsWith('ml.');

/**
 * The two families: SageMaker compute (multivalued `sagemaker:InstanceTypes`), checked against the
 * `ml.` entries of `allowed`, and EC2 launches (`ec2:InstanceType` on the instance), checked against the others.
 */
export function families(allowed: readonly string[]): ActionFamily[] {
  computeActions ??= sagemakerComputeActions();
  const spec = (key: string, multivalued: boolean, universe: string, examples: string[]): KeySpec => ({
    key,
    multivalued,
    alphabet: TYPE_CHARS,
    allowed: allowed.filter((g) => isSageMakerType(g) === multivalued),
    universe,
    readable: `${universe === '*' ? '' : 'ml.'}?*.?*`,
    examples,
  });
  return [
    {
      spec: spec(SAGEMAKER_KEY, true, 'ml.*', ['ml.p5.48xlarge', 'ml.p4d.24xlarge', 'ml.g5.48xlarge', 'ml.m5.24xlarge', 'ml.c5.18xlarge', 'ml.g4dn.xlarge', 'ml.c5.xlarge', 'ml.t3.medium']),
      actions: computeActions,
      absentKeys: [EC2_KEY],
    },
    {
      spec: spec(EC2_KEY, false, '*', ['p5.48xlarge', 'p4d.24xlarge', 'g5.48xlarge', 'm5.24xlarge', 'c5.18xlarge', 'g4dn.xlarge', 'c5.xlarge', 't3.micro']),
      actions: ['ec2:RunInstances'],
      resourceTypes: ['instance'],
      absentKeys: [SAGEMAKER_KEY],
    },
  ];
}

/** The messageId, location and data of one finding. */
function describe(f: LimitFinding, spec: KeySpec) {
  const { key, allowed } = spec;
  const base = { action: f.grant.action, key };
  const can = f.variableResource || ('uncertain' in f.gap && f.gap.uncertain) ? 'may' : 'can';
  const uncertain = can === 'may';
  const gap = f.gap;
  if (gap.kind === 'unknown') {
    return { loc: f.actionLoc, messageId: 'tooComplex', uncertain: true, data: { ...base, element: f.actionElement } };
  }
  if (gap.kind === 'absent') {
    if (!gap.atom) return { loc: f.actionLoc, messageId: 'absentKey', uncertain: true, data: { ...base, element: f.actionElement } };
    return { loc: gap.atom.source.key.loc, messageId: 'keyMayBeAbsent', uncertain: true, data: { ...base, operator: gap.atom.source.operator.operator } };
  }
  const type = gap.value;
  const blame = gap.blame;
  const unread = f.allowUnknown[0];
  switch (blame.kind) {
    case 'noCondition':
      if (unread) return { loc: unread.key.loc, messageId: 'undecided', uncertain: true, data: { ...base, type, operator: unread.operator.operator } };
      return { loc: f.actionLoc, messageId: 'noCondition', uncertain, data: { ...base, can, type, element: f.actionElement, resource: f.grant.witness ?? '*' } };
    case 'value':
      return allowed.length > 0
        ? { loc: blame.node.loc, messageId: 'tooWide', uncertain, data: { ...base, can, type, value: String(blame.node.value), allowed: allowed.join(', ') } }
        : { loc: blame.node.loc, messageId: 'matchesAll', uncertain, data: { ...base, can, type, value: String(blame.node.value) } };
    case 'anyValue':
      return { loc: blame.source.key.loc, messageId: 'anyValue', uncertain, data: { ...base, can, type, operator: blame.source.operator.operator } };
    case 'negated':
      return { loc: blame.source.key.loc, messageId: 'negatedOnly', uncertain, data: { ...base, can, type, operator: blame.source.operator.operator } };
  }
}

/**
 * `ml/instance-type-limit`: SageMaker compute launches (the actions whose requests carry
 * `sagemaker:InstanceTypes`) and `ec2:RunInstances` allowed without a condition that keeps the
 * instance types inside `settings.ml.allowedInstanceTypes` (or, when that is empty, without any
 * limit). Reported on the Action item, or on the condition value or operator that is too wide.
 */
export default defineRule({
  name: 'instance-type-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require SageMaker compute and EC2 launches to be limited to settings.ml.allowedInstanceTypes.',
      details:
        'An Allow for sagemaker:CreateTrainingJob, CreateEndpointConfig, CreateNotebookInstance, CreateApp and the other actions whose requests carry sagemaker:InstanceTypes, or for ec2:RunInstances on instances (ec2:InstanceType), lets the role start any instance type unless its condition limits the types: p5 or p4d instances cost tens of dollars an hour each. The rule reads the condition exactly: ForAnyValue on an Allow, ForAllValues or IfExists without a Null guard, negated operators and StringLike patterns wider than the allowed types do not limit. A Deny statement whose condition blocks other types (ForAnyValue:StringNotLike on the key) confines the Allow. It reports the Action item or the condition part that lets an instance type through, with an example type. When a policy variable or a condition the rule cannot read decides, the result says "may" and its level is lowered one step.',
      references: [
        'https://docs.aws.amazon.com/sagemaker/latest/dg/security_iam_id-based-policy-examples.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['identity'],
    tags: ['security', 'least-privilege', 'sagemaker', 'cost', 'external/cwe/cwe-770'],
    securitySeverity: 6.5,
    precision: 'high',
    messages: {
      noCondition: '{{element}} allows "{{action}}" on "{{resource}}" with no condition on {{key}}, so it {{can}} use any instance type, e.g. "{{type}}".',
      tooWide: '"{{value}}" lets "{{action}}" use instance types outside settings.ml.allowedInstanceTypes ({{allowed}}), e.g. "{{type}}"; it {{can}} be requested.',
      matchesAll: '"{{value}}" matches every instance type, so it does not limit "{{action}}"; any type {{can}} be requested, e.g. "{{type}}".',
      anyValue: '"{{operator}}" on {{key}} holds when one requested instance type matches, so "{{action}}" {{can}} add any other, e.g. "{{type}}"; use ForAllValues with a Null guard.',
      negatedOnly: '"{{operator}}" on {{key}} only excludes instance types, so "{{action}}" {{can}} use others, e.g. "{{type}}".',
      keyMayBeAbsent: '"{{operator}}" on {{key}} is also true when a request names no instance type, so "{{action}}" may run without the limit; add "Null": { "{{key}}": "false" }.',
      absentKey:
        '{{element}} allows "{{action}}" and no condition requires {{key}}, so requests that name no instance type may get through; add "Null": { "{{key}}": "false" } to the Allow.',
      undecided:
        '"{{operator}}" on {{key}} cannot be decided exactly (a policy variable, an operator of another family or a missing set qualifier), so "{{action}}" may use instance types outside the limit, e.g. "{{type}}".',
      tooComplex: '{{element}} may allow "{{action}}" on instance types outside the limit; its conditions are too complex to decide within the analysis limit.',
    },
  },
  create(context) {
    return {
      Policy(policy) {
        const { allowedInstanceTypes } = mlSettings(context.settings);
        const partition = partitionOf(context.settings);
        const report = reportOnce(context);
        for (const family of families(allowedInstanceTypes)) {
          if (limitedByBoundaries(policy, context.principals, family, partition)) continue;
          for (const finding of limitFindings(policy, family, partition)) report(describe(finding, family.spec));
        }
      },
    };
  },
});
