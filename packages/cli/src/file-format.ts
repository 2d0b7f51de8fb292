import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';

/** Formats that iamscope recognizes by extension but cannot check yet, keyed by lower-case extension. */
const NOT_YET_CHECKED: Readonly<Record<string, string>> = { '.yaml': 'YAML', '.yml': 'YAML', '.tf': 'Terraform' };

/** Bytes read to tell a JSON `.template` from a YAML one. */
const SNIFF_BYTES = 4096;
/** Leading bytes passed over: ASCII white space, byte-order-mark bytes and the zero bytes of UTF-16. */
const LEADING = new Set([0x20, 0x09, 0x0a, 0x0d, 0x00, 0xef, 0xbb, 0xbf, 0xfe, 0xff]);

/**
 * Names the format of a file that iamscope cannot check yet, so a file named on the command line
 * (as the pre-commit hook does for every staged .yaml/.yml/.tf/.template file) is skipped with a
 * note instead of failing as invalid JSON. `.yaml`, `.yml` and `.tf` (any case) are judged by
 * extension; a CloudFormation `.template` is YAML when its first character other than white space
 * or a byte-order mark is neither `{` nor `[` (JSON templates are objects). Every other file,
 * an empty `.template` and one that cannot be read are left to the JSON reader, which reports
 * them.
 * @param absolute path of the file
 * @returns "YAML" or "Terraform", or undefined when the file is to be read as JSON
 */
export function unsupportedFormat(absolute: string): string | undefined {
  const ext = extname(absolute).toLowerCase();
  if (ext !== '.template') return NOT_YET_CHECKED[ext];
  const first = readHead(absolute)?.find((byte) => !LEADING.has(byte));
  return first === undefined || first === 0x7b || first === 0x5b ? undefined : 'YAML';
}

/** The first {@link SNIFF_BYTES} bytes of a file, or undefined when it cannot be read. */
function readHead(absolute: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, 'r');
    const buffer = Buffer.alloc(SNIFF_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, SNIFF_BYTES, 0));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
