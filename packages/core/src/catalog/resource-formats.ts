import { serviceActions, serviceResourceTypes } from './iam-data.js';

const formatsByService = new Map<string, Map<string, string>>();

/**
 * The ARN format of one resource type, looked up case-insensitively: the action data and the
 * resource-type data spell type names in different case ("Secret" / "secret"). Built once per service.
 * @param service service prefix, any case (e.g. `logs`)
 * @param typeName resource type name as an action lists it (e.g. `log-group`, `Secret`)
 * @returns the format, e.g. `arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}`, or undefined
 */
export function resourceTypeArn(service: string, typeName: string): string | undefined {
  const key = service.toLowerCase();
  let formats = formatsByService.get(key);
  if (!formats) {
    formats = new Map(Object.values(serviceResourceTypes(key) ?? {}).map((t) => [t.key.toLowerCase(), t.arn]));
    formatsByService.set(key, formats);
  }
  return formats.get(typeName.toLowerCase());
}

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
  return info.resourceTypes.flatMap((rt) => resourceTypeArn(service, rt.name) ?? []);
}
