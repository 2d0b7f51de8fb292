/**
 * `terraform show -json` output (a plan, or a state: `planned_values.root_module` or
 * `values.root_module`, with `child_modules`): the resources' `values` hold every policy as a JSON
 * string, parsed with momoa and located inside the plan file's string literal (escapes mapped
 * exactly). Names are known literally there; an argument still unknown at plan time (a policy ARN
 * of a policy created by the same plan) is taken from the `configuration` section's references.
 * Source of truth: Terraform "JSON Output Format" docs (values representation, configuration
 * representation).
 */
import type { DocumentNode, ObjectNode, StringNode, ValueNode } from '@humanwhocodes/momoa';
import { lastMember } from '../../policy/build.js';
import type { ExtractedPolicy, PrincipalDecl, Ref, SourceFile } from '../types.js';
import { lineIndex, type LineIndex } from '../../source/line-index.js';
import { MappedText, parseMappedJson } from './mapped-text.js';
import { policyArnRef, principalNameRef, type PrincipalKind } from './refs.js';
import { ATTACHMENTS, POLICY_ARGUMENTS, PRINCIPALS, type PolicyArgument } from './resource-types.js';

/**
 * Whether a JSON document is Terraform's JSON output of a plan or state.
 * @param root the document's root value
 * @returns true when it has `format_version` and `planned_values` or `values` with a `root_module`
 */
export function isTerraformPlan(root: ValueNode): boolean {
  if (root.type !== 'Object' || lastMember(root, 'format_version')?.value.type !== 'String') return false;
  const values = lastMember(root, 'planned_values')?.value ?? lastMember(root, 'values')?.value;
  return values?.type === 'Object' && lastMember(values, 'root_module') !== undefined;
}

const JSON_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The decoded text of a JSON string literal, each character mapped to its span in the file. */
function decodeStringLiteral(text: string, literal: StringNode): MappedText {
  const out = new MappedText();
  const end = literal.loc.end.offset - 1;
  for (let i = literal.loc.start.offset + 1; i < end; ) {
    if (text[i] !== '\\') {
      out.pushVerbatim(text[i]!, i);
      i += 1;
    } else if (text[i + 1] === 'u') {
      out.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)), i, i + 6);
      i += 6;
    } else {
      out.push(JSON_ESCAPES[text[i + 1]!] ?? text[i + 1]!, i, i + 2);
      i += 2;
    }
  }
  return out;
}

function member(object: ValueNode | undefined, name: string): ValueNode | undefined {
  return object?.type === 'Object' ? lastMember(object, name)?.value : undefined;
}

function stringAt(object: ValueNode | undefined, name: string): string | undefined {
  const value = member(object, name);
  return value?.type === 'String' ? value.value : undefined;
}

function elements(value: ValueNode | undefined): ValueNode[] {
  return value?.type === 'Array' ? value.elements.map((e) => e.value) : [];
}

/** One module of the plan: its resources, its configuration (for references) and its address prefix. */
interface PlanModule {
  prefix: string;
  resources: ValueNode[];
  configuration: ValueNode | undefined;
}

/** `planned_values.root_module` and its `child_modules`, each with the matching `configuration` module. */
function modules(root: ObjectNode): PlanModule[] {
  const values = member(root, 'planned_values') ?? member(root, 'values');
  const found: PlanModule[] = [];
  const visit = (module: ValueNode | undefined, configuration: ValueNode | undefined): void => {
    const address = stringAt(module, 'address');
    found.push({ prefix: address ? `${address}.` : '', resources: elements(member(module, 'resources')), configuration });
    for (const child of elements(member(module, 'child_modules'))) {
      const name = /(?:^|\.)module\.([^.[]+)(?:\[[^\]]*\])?$/.exec(stringAt(child, 'address') ?? '')?.[1];
      const call = name === undefined ? undefined : member(member(configuration, 'module_calls'), name);
      visit(child, member(call, 'module'));
    }
  };
  visit(member(values, 'root_module'), member(member(root, 'configuration'), 'root_module'));
  return found;
}

/** Reads one plan file. */
class PlanReader {
  readonly source: SourceFile;
  private readonly lines: LineIndex;

  constructor(
    private readonly text: string,
    file: string,
  ) {
    this.source = { file, format: 'terraform-plan', policies: [], principals: [], attachments: [], errors: [] };
    this.lines = lineIndex(text);
  }

  /** `tf:<plan file>#<address>` for a resource address without instance keys. */
  ref(address: string): Ref {
    return `tf:${this.source.file}#${address.replace(/\[[^\]]*\]/g, '')}`;
  }

  /** A JSON policy string → its document, located in the plan; syntax errors recorded. */
  document(value: ValueNode | undefined): ObjectNode | undefined {
    if (value?.type !== 'String' || value.value.trim() === '') return undefined;
    const parsed = parseMappedJson(decodeStringLiteral(this.text, value), this.lines, value.loc.end.offset - 1);
    if (!parsed.ok) {
      this.source.errors.push({ message: `Invalid JSON in policy: ${parsed.message}`, loc: parsed.loc });
      return undefined;
    }
    return parsed.value.type === 'Object' ? parsed.value : undefined;
  }

  /** The references of a configuration expression (`aws_iam_policy.p.arn` → `tf:<file>#<prefix>aws_iam_policy.p`). */
  configured(module: PlanModule, resource: ValueNode, attribute: string, type: string): Ref | undefined {
    const address = stringAt(resource, 'address')?.slice(module.prefix.length).replace(/\[[^\]]*\]$/, '');
    const config = elements(member(module.configuration, 'resources')).find((r) => stringAt(r, 'address') === address);
    const references = elements(member(member(member(config, 'expressions'), attribute), 'references'));
    const match = references.map((r) => (r.type === 'String' ? r.value : '')).find((r) => r.startsWith(`${type}.`));
    return match ? this.ref(module.prefix + match.split('.').slice(0, 2).join('.')) : undefined;
  }

  principalRef(module: PlanModule, resource: ValueNode, attribute: string, kind: PrincipalKind, value: ValueNode | undefined): Ref | undefined {
    if (value?.type === 'String') return principalNameRef(value.value, kind);
    return this.configured(module, resource, attribute, `aws_iam_${kind}`);
  }

  policyRef(module: PlanModule, resource: ValueNode, attribute: string, value: ValueNode | undefined): Ref | undefined {
    if (value?.type === 'String') return policyArnRef(value.value);
    return this.configured(module, resource, attribute, 'aws_iam_policy');
  }

  /** The refs a principal or policy resource is known by. */
  selfRefs(address: string, type: string, values: ValueNode | undefined): Ref[] {
    const name = stringAt(values, 'name');
    const kind = type === 'aws_iam_policy' ? 'policy' : PRINCIPALS[type];
    const arn = stringAt(values, 'arn');
    return [this.ref(address), ...(name && kind ? [`name:${kind}/${name}`] : []), ...(arn && type === 'aws_iam_policy' ? [arn] : [])];
  }

  policies(module: PlanModule, resource: ValueNode, address: string, type: string, values: ValueNode | undefined): void {
    const self = this.selfRefs(address, type, values)[0]!;
    const add = (document: ValueNode | undefined, policy: Omit<ExtractedPolicy, 'object'>) => {
      const object = this.document(document);
      if (object) this.source.policies.push({ ...policy, object });
    };
    const arguments_: PolicyArgument[] = type === 'aws_organizations_policy' && (stringAt(values, 'type') ?? 'SERVICE_CONTROL_POLICY') !== 'SERVICE_CONTROL_POLICY' ? [] : (POLICY_ARGUMENTS[type] ?? []);
    for (const argument of arguments_) {
      const owner =
        argument.owner === 'self' ? self : argument.owner && this.principalRef(module, resource, argument.owner, argument.owner, member(values, argument.owner));
      const refs = type === 'aws_iam_policy' ? this.selfRefs(address, type, values) : undefined;
      add(member(values, argument.attribute), { policyType: argument.policyType, path: `${address}.${argument.attribute}`, ...(owner && { owner }), ...(refs && { refs }) });
    }
    if (type === 'aws_iam_role') {
      elements(member(values, 'inline_policy')).forEach((inline, index) =>
        add(member(inline, 'policy'), { policyType: 'identity', path: `${address}.inline_policy[${index}].policy`, owner: self }),
      );
    }
  }

  principal(module: PlanModule, resource: ValueNode, address: string, kind: PrincipalKind, values: ValueNode | undefined): void {
    const refs = this.selfRefs(address, `aws_iam_${kind}`, values);
    const declaration: PrincipalDecl = { kind, refs, name: stringAt(values, 'name') ?? address, loc: resource.loc };
    const boundaryValue = member(values, 'permissions_boundary');
    const boundary = this.policyRef(module, resource, 'permissions_boundary', boundaryValue);
    if (boundary) declaration.boundary = { ref: boundary, loc: (boundaryValue ?? resource).loc };
    this.source.principals.push(declaration);
    for (const arn of elements(member(values, 'managed_policy_arns'))) {
      const policy = arn.type === 'String' ? policyArnRef(arn.value) : undefined;
      if (policy) this.source.attachments.push({ policy, principal: refs[0]!, loc: arn.loc });
    }
  }

  attachments(module: PlanModule, resource: ValueNode, type: string, values: ValueNode | undefined): void {
    const spec = ATTACHMENTS[type]!;
    const policyValue = member(values, spec.policy);
    const policyValues = policyValue?.type === 'Array' ? elements(policyValue) : [policyValue];
    const policies = policyValues.flatMap((value) => {
      const ref = this.policyRef(module, resource, spec.policy, value);
      return ref ? [{ ref, loc: (value ?? resource).loc }] : [];
    });
    for (const [attribute, kind] of spec.principals) {
      const value = member(values, attribute);
      const items = value?.type === 'Array' ? elements(value) : [value];
      for (const item of items) {
        const principal = this.principalRef(module, resource, attribute, kind, item);
        if (!principal) continue;
        for (const policy of policies) this.source.attachments.push({ policy: policy.ref, principal, loc: policy.loc });
      }
    }
  }
}

/**
 * Reads a Terraform plan (or state) in JSON: the policies of managed resources (typed as in HCL),
 * roles/users/groups, attachments and boundaries, all located in the plan file.
 * @param document the file parsed by momoa
 * @param text the file's text (the document's offsets index it)
 * @param file the file's path as given to the engine
 * @returns the SourceFile (format `terraform-plan`); never throws
 */
export function readTerraformPlan(document: DocumentNode, text: string, file: string): SourceFile {
  const reader = new PlanReader(text, file);
  if (document.body.type !== 'Object') return reader.source;
  for (const module of modules(document.body)) {
    for (const resource of module.resources) {
      if (stringAt(resource, 'mode') === 'data') continue;
      const type = stringAt(resource, 'type') ?? '';
      const address = stringAt(resource, 'address') ?? type;
      const values = member(resource, 'values');
      reader.policies(module, resource, address, type, values);
      const kind = PRINCIPALS[type];
      if (kind) reader.principal(module, resource, address, kind, values);
      if (ATTACHMENTS[type]) reader.attachments(module, resource, type, values);
    }
  }
  return reader.source;
}
