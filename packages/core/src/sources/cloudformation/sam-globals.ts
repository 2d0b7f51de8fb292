/**
 * SAM `Globals`: properties that every `AWS::Serverless::Function` of the template inherits. Of the
 * properties `Globals.Function` accepts, two shape IAM: `PermissionsBoundary` and
 * `AssumeRolePolicyDocument` of the role SAM generates (`Policies` and `Role` are not accepted
 * there). A function's own value wins over the global one, except that two objects are merged
 * member by member and two lists are concatenated (global items first); the resource attribute
 * `IgnoreGlobals` (`"*"` or a list of property names) turns inheritance off.
 * Source of truth: AWS SAM specification, "Globals section of the AWS SAM template" (supported
 * resources and properties, how properties are overridden), and samtranslator's
 * `plugins/globals/globals.py` (`supported_properties`, `GlobalProperties._do_merge`, `IgnoreGlobals`).
 */
import type { ValueNode } from '@humanwhocodes/momoa';
import { lastMember, memberName } from '../../policy/build.js';
import { intrinsicOf } from './intrinsics.js';
import type { Template, TemplateResource } from './template.js';

/** The `Globals` section of each SAM resource type whose inherited properties iamscope reads. */
const GLOBAL_SECTIONS: Readonly<Record<string, string>> = { 'AWS::Serverless::Function': 'Function' };

/** A property's value after SAM's `Globals` are applied, with the path it is reported at. */
export interface SamProperty {
  value: ValueNode;
  /** `Resources.<Id>.Properties.<Name>` when the resource sets it, else `Globals.<Section>.<Name>`. */
  path: string;
}

/**
 * A property of a SAM resource with the template's `Globals` applied.
 * @param template the template
 * @param resource the SAM resource
 * @param own the resource's own value of the property, if any
 * @param name the property name (`PermissionsBoundary`, `AssumeRolePolicyDocument`)
 * @returns the value (the own value, the global one, or both merged) and its path; undefined when neither is set
 */
export function samProperty(template: Template, resource: TemplateResource, own: ValueNode | undefined, name: string): SamProperty | undefined {
  const ownPath = `Resources.${resource.logicalId}.Properties.${name}`;
  const section = GLOBAL_SECTIONS[resource.type];
  const globals = section && !ignoresGlobal(resource, name) ? lastMember(template.root, 'Globals')?.value : undefined;
  const sectionValue = globals?.type === 'Object' ? lastMember(globals, section!)?.value : undefined;
  const global = sectionValue?.type === 'Object' ? lastMember(sectionValue, name)?.value : undefined;
  if (!global) return own ? { value: own, path: ownPath } : undefined;
  return own ? { value: merged(global, own), path: ownPath } : { value: global, path: `Globals.${section}.${name}` };
}

/** Whether the resource's `IgnoreGlobals` attribute (`"*"` or a list of names) turns off the global value of `name`. */
function ignoresGlobal(resource: TemplateResource, name: string): boolean {
  const ignore = resource.object ? lastMember(resource.object, 'IgnoreGlobals')?.value : undefined;
  if (ignore?.type === 'String') return ignore.value === '*';
  return ignore?.type === 'Array' && ignore.elements.some((e) => e.value.type === 'String' && e.value.value === name);
}

/** SAM's merge of a global and a local value: objects member by member, lists concatenated, else the local value (intrinsics count as scalars). */
function merged(global: ValueNode, local: ValueNode): ValueNode {
  if (global.type === 'Array' && local.type === 'Array') return { ...local, elements: [...global.elements, ...local.elements] };
  if (global.type !== 'Object' || local.type !== 'Object' || intrinsicOf(global) || intrinsicOf(local)) return local;
  const names = new Set(global.members.map(memberName));
  const members = [
    ...global.members.map((m) => {
      const mine = lastMember(local, memberName(m));
      return mine ? { ...mine, value: merged(m.value, mine.value) } : m;
    }),
    ...local.members.filter((m) => !names.has(memberName(m))),
  ];
  return { ...local, members };
}
