import { serviceActions, serviceResourceTypes } from './iam-data.js';

/**
 * The ARN formats of the resource types an action acts on, from the service authorization
 * reference; an empty list means the action takes only `"*"` (wildcard-only).
 * @param action a concrete action as the catalog spells it, e.g. `s3:GetObject`
 * @returns ARN formats such as `arn:${Partition}:s3:::${BucketName}/${ObjectName}`, or undefined for an unknown action
 */
export function actionResourceFormats(action: string): string[] | undefined {
  const [service, name] = action.split(':') as [string, string];
  const info = serviceActions(service)?.[name.toLowerCase()];
  if (!info) return undefined;
  // action data and resource-type data spell type names in different case ("Secret" / "secret")
  const types = new Map(Object.values(serviceResourceTypes(service) ?? {}).map((t) => [t.key.toLowerCase(), t.arn]));
  return info.resourceTypes.flatMap((rt) => types.get(rt.name.toLowerCase()) ?? []);
}
