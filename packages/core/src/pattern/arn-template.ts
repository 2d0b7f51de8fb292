import { literalTokens, type Token } from './tokens.js';

const NON_EMPTY_SEGMENT: Token[] = [{ kind: 'oneInSegment' }, { kind: 'runInSegment' }];
const NON_EMPTY_ANY: Token[] = [{ kind: 'one' }, { kind: 'run' }];
const EXAMPLES: Record<string, string> = { Region: 'us-east-1', Account: '123456789012' };
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
/** Region names as AWS forms them: a letter, letters/digits/dashes, a dash and a digit (`us-east-1`, `eusc-de-east-1`). */
const REGION: Token[] = [
  { kind: 'class', chars: LOWER, repeat: false },
  { kind: 'class', chars: `${LOWER}${DIGITS}-`, repeat: true },
  { kind: 'literal', char: '-' },
  { kind: 'class', chars: DIGITS, repeat: false },
];
/** Account IDs: exactly 12 digits. */
const ACCOUNT: Token[] = Array.from({ length: 12 }, () => ({ kind: 'class' as const, chars: DIGITS, repeat: false }));

/** Literal text of a format; a `*` there (some formats write `*` for the account) is any text within the field. */
function formatText(text: string): Token[] {
  return [...text].flatMap((c): Token[] => (c === '*' ? [{ kind: 'runInSegment' }] : literalTokens(c)));
}

function compileFormat(format: string, fill: (name: string) => Token[]): Token[] {
  const tokens: Token[] = [];
  const placeholder = /\$\{([A-Za-z0-9]+)\}/g;
  let last = 0;
  for (let m = placeholder.exec(format); m; m = placeholder.exec(format)) {
    tokens.push(...formatText(format.slice(last, m.index)), ...fill(m[1]!));
    last = m.index + m[0].length;
  }
  tokens.push(...formatText(format.slice(last)));
  return tokens;
}

/**
 * Compiles an ARN format from the service authorization reference
 * (e.g. `arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}`) into the set of
 * ARNs it describes: `${Region}` is a region-shaped name (`us-east-1`), `${Account}` 12 digits,
 * and every other placeholder a non-empty run without `:` unless the name is listed in
 * `colonAllowed` (e.g. S3 `ObjectName`), where it becomes any non-empty run.
 * @param format ARN format with `${Name}` placeholders
 * @param colonAllowed placeholder names whose values may contain `:`
 * @param partition when given, the partition the ARNs are in (e.g. `aws`) instead of any partition
 * @returns tokens matching exactly the ARNs of that format
 */
export function compileArnTemplate(format: string, colonAllowed: readonly string[] = [], partition?: string): Token[] {
  return compileFormat(format, (name) => {
    if (name === 'Partition' && partition) return literalTokens(partition);
    if (name === 'Region') return REGION;
    if (name === 'Account') return ACCOUNT;
    return colonAllowed.includes(name) ? NON_EMPTY_ANY : NON_EMPTY_SEGMENT;
  });
}

/**
 * A superset of {@link compileArnTemplate}'s ARNs: partition, region and account are any
 * non-empty text without `:`, every name placeholder any non-empty run (colons too). For checks
 * that must not claim "no resource fits" too early.
 * @param format ARN format with `${Name}` placeholders
 * @returns tokens
 */
export function compileLooseArnTemplate(format: string): Token[] {
  return compileFormat(format, (name) => (['Partition', 'Region', 'Account'].includes(name) ? NON_EMPTY_SEGMENT : NON_EMPTY_ANY));
}

/**
 * Like {@link compileArnTemplate} with readable example values for partition (default `aws`),
 * region (`us-east-1`) and account (`123456789012`) and, when `nameExample` is given, that literal for
 * every other placeholder: a subset of the template's ARNs, searched first so witnesses read like
 * real ARNs.
 * @param format ARN format with `${Name}` placeholders
 * @param colonAllowed placeholder names whose values may contain `:`
 * @param nameExample literal value for the other placeholders (default: keep them as runs)
 * @param partition partition of the example ARNs (default `aws`)
 * @returns tokens
 */
export function compileExampleArn(
  format: string,
  colonAllowed: readonly string[] = [],
  nameExample?: string,
  partition = 'aws',
): Token[] {
  return compileFormat(format, (name) => {
    const example = name === 'Partition' ? partition : (EXAMPLES[name] ?? nameExample);
    if (example) return literalTokens(example);
    return colonAllowed.includes(name) ? NON_EMPTY_ANY : NON_EMPTY_SEGMENT;
  });
}

/**
 * The ARN sets of a resource type in one partition to search for witnesses, most readable first:
 * all placeholders filled with examples (`example` for names), then only region and account
 * filled, then the exact set.
 * @param format ARN format with `${Name}` placeholders
 * @param colonAllowed placeholder names whose values may contain `:`
 * @param partition the partition the policies are deployed in (ARNs of other partitions are unreachable)
 * @returns token sequences; the last is exactly {@link compileArnTemplate}'s set for that partition
 */
export function witnessCandidates(format: string, colonAllowed: readonly string[] = [], partition = 'aws'): Token[][] {
  return [
    compileExampleArn(format, colonAllowed, 'example', partition),
    compileExampleArn(format, colonAllowed, undefined, partition),
    compileArnTemplate(format, colonAllowed, partition),
  ];
}
