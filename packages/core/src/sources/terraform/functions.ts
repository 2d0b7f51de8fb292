/**
 * Terraform built-in functions evaluated when their arguments are known: `tolist`, `toset`,
 * `concat`, `format` (verbs `%s`, `%d`, `%%`), `join`, `lower`, `upper`, `replace` (plain
 * substring). A placeholder in an argument passes through `format`, `join` and `concat`
 * unchanged (it stands for the same unknown text in the result); the others need literal text.
 * Source of truth: Terraform language docs, "Functions" (format, join, concat, lower, upper,
 * replace, tolist, toset).
 */
import type { ValueNode } from '@humanwhocodes/momoa';
import type { SourceLocation } from '../../source/location.js';
import { hasPlaceholder } from '../placeholder.js';
import { arrayNode, stringNode } from '../synthetic.js';

/** The text of a string, number or boolean value (as Terraform converts it to a string). */
function text(value: ValueNode | undefined): string | undefined {
  return value && (value.type === 'String' || value.type === 'Number' || value.type === 'Boolean') ? String(value.value) : undefined;
}

/** Text without placeholders, for functions that would change a placeholder's own text. */
function literal(value: ValueNode | undefined): string | undefined {
  const result = text(value);
  return result === undefined || hasPlaceholder(result) ? undefined : result;
}

/** `format(spec, args…)` with `%s`, `%d` and `%%` only; undefined for other verbs or missing arguments. */
function format(spec: string, args: ValueNode[]): string | undefined {
  let next = 0;
  let failed = false;
  const result = spec.replace(/%(.)/gs, (_, verb: string) => {
    if (verb === '%') return '%';
    const arg = args[next++];
    const value = verb === 's' ? text(arg) : verb === 'd' && arg?.type === 'Number' && Number.isInteger(arg.value) ? String(arg.value) : undefined;
    if (value === undefined) failed = true;
    return value ?? '';
  });
  return failed || /%$/.test(spec.replace(/%%/g, '')) ? undefined : result;
}

/** `join(separator, list)`; undefined when an item is not a string, number or boolean. */
function join(separator: string, list: ValueNode | undefined): string | undefined {
  if (list?.type !== 'Array') return undefined;
  const parts = list.elements.map((element) => text(element.value));
  return parts.every((part) => part !== undefined) ? parts.join(separator) : undefined;
}

/**
 * The value of a function call whose arguments have been evaluated.
 * @param name the function's name
 * @param args its evaluated arguments (placeholders where unknown)
 * @param loc the call's location, given to the result
 * @returns the result, or undefined when the function is not one of these or an argument is not known well enough
 */
export function callFunction(name: string, args: ValueNode[], loc: SourceLocation): ValueNode | undefined {
  const [first, second, third] = args;
  switch (name) {
    case 'tolist':
    case 'toset':
      return args.length === 1 ? first : undefined;
    case 'concat':
      return args.every((list) => list.type === 'Array') ? arrayNode(args.flatMap((list) => (list.type === 'Array' ? list.elements.map((e) => e.value) : [])), loc) : undefined;
    case 'format': {
      const spec = literal(first);
      const result = spec === undefined ? undefined : format(spec, args.slice(1));
      return result === undefined ? undefined : stringNode(result, loc);
    }
    case 'join': {
      const separator = literal(first);
      const result = separator === undefined || args.length !== 2 ? undefined : join(separator, second);
      return result === undefined ? undefined : stringNode(result, loc);
    }
    case 'lower':
    case 'upper': {
      const value = args.length === 1 ? literal(first) : undefined;
      return value === undefined ? undefined : stringNode(name === 'lower' ? value.toLowerCase() : value.toUpperCase(), loc);
    }
    case 'replace': {
      const [value, search, replacement] = [literal(first), literal(second), literal(third)];
      const plain = search !== undefined && search !== '' && !(search.length > 1 && search.startsWith('/') && search.endsWith('/'));
      return value === undefined || !plain || replacement === undefined || args.length !== 3 ? undefined : stringNode(value.split(search).join(replacement), loc);
    }
    default:
      return undefined;
  }
}
