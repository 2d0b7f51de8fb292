/**
 * IP address and CIDR values of the `IpAddress` / `NotIpAddress` condition operators.
 * Source of truth: IAM User Guide, "IAM JSON policy elements: Condition operators" → "IP address
 * condition operators" (an IPv4 or IPv6 address or CIDR, RFC 4632 / RFC 4291 notation);
 * iam-grammar.md §5.3.
 */
import { isIP } from 'node:net';

/** An address or CIDR range, parsed. */
export interface IpRange {
  version: 4 | 6;
  /** The address as written, as bytes (4 or 16). */
  bytes: number[];
  /** The prefix length; the full length (32 or 128) for a bare address. */
  prefix: number;
  /** True when the value was written with `/prefix`. */
  cidr: boolean;
}

/**
 * Parses an IPv4/IPv6 address or CIDR as IAM accepts it (no zone id, decimal prefix length).
 * @param text the condition value as a string
 * @returns the parsed range, or undefined when the text is not an address or CIDR
 */
export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  const address = slash === -1 ? text : text.slice(0, slash);
  const version = address.includes('%') ? 0 : isIP(address);
  if (version !== 4 && version !== 6) return undefined;
  const bits = version === 4 ? 32 : 128;
  let prefix = bits;
  if (slash !== -1) {
    const digits = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(digits) || Number(digits) > bits) return undefined;
    prefix = Number(digits);
  }
  const bytes = version === 4 ? address.split('.').map(Number) : ipv6Bytes(address);
  return { version, bytes, prefix, cidr: slash !== -1 };
}

/** Bytes of an IPv6 address that `isIP` accepted (with `::` and an optional dotted IPv4 tail). */
function ipv6Bytes(address: string): number[] {
  const groups = (part: string): number[] => {
    if (part === '') return [];
    return part.split(':').flatMap((g) => {
      if (g.includes('.')) {
        const [a, b, c, d] = g.split('.').map(Number) as [number, number, number, number];
        return [(a << 8) | b, (c << 8) | d];
      }
      return [parseInt(g, 16)];
    });
  };
  const [head = '', tail] = address.split('::');
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const words = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

/**
 * The range with the host bits (after the prefix) cleared.
 * @param range a parsed range
 * @returns a new range whose bytes are the network address
 */
export function networkOf(range: IpRange): IpRange {
  const bytes = range.bytes.map((byte, i) => {
    const keep = Math.max(0, Math.min(8, range.prefix - i * 8));
    return byte & (0xff << (8 - keep)) & 0xff;
  });
  return { ...range, bytes };
}

/** True when the range has bits set after its prefix (AWS ignores them). */
export function hasHostBits(range: IpRange): boolean {
  return networkOf(range).bytes.some((b, i) => b !== range.bytes[i]);
}

/**
 * Formats a range: dotted IPv4, or IPv6 in the RFC 5952 canonical form (lower case, longest run
 * of two or more zero groups as `::`), with `/prefix` when the range was written as a CIDR.
 */
export function formatIpRange(range: IpRange): string {
  const suffix = range.cidr ? `/${range.prefix}` : '';
  if (range.version === 4) return `${range.bytes.join('.')}${suffix}`;
  const words = Array.from({ length: 8 }, (_, i) => (range.bytes[2 * i]! << 8) | range.bytes[2 * i + 1]!);
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = words.map((w) => w.toString(16));
  const text =
    best.start === -1 ? hex.join(':') : `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
  return `${text}${suffix}`;
}

/**
 * The ranges this project treats as private for `aws:SourceIp` (which only ever holds public
 * addresses): RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16), IPv6 unique local addresses
 * fc00::/7 (RFC 4193) and IPv6 link-local addresses fe80::/10 (RFC 4291).
 */
export const PRIVATE_RANGES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7', 'fe80::/10'];

const PRIVATE = PRIVATE_RANGES.map((text) => parseIpRange(text)!);

/**
 * @param range a parsed range
 * @returns true when every address of the range lies inside one of {@link PRIVATE_RANGES}
 */
export function isPrivateRange(range: IpRange): boolean {
  return PRIVATE.some((p) => p.version === range.version && range.prefix >= p.prefix && sameNetwork(range, p));
}

/** True when `range`'s first `outer.prefix` bits equal `outer`'s. */
function sameNetwork(range: IpRange, outer: IpRange): boolean {
  const a = networkOf({ ...range, prefix: outer.prefix }).bytes;
  return a.every((b, i) => b === outer.bytes[i]);
}
