import { InvalidArgumentError } from 'commander';
import { LEVELS, type Level } from '@iamscope/core';

/** Output formats of `iamscope scan`. */
export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** Parsed options of `iamscope scan`. */
export interface ScanOptions {
  format: Format;
  outputFile?: string;
  /** Undefined: no limit. */
  maxWarnings?: number;
  /** Least severe level that makes the scan exit 1. */
  failOn: Level;
  /** SARIF `automationDetails.id` category. */
  category?: string;
  /** Baseline file; undefined: look for one; false: `--no-baseline`. */
  baseline?: string | false;
  quiet: boolean;
  config?: string;
  ignorePattern: string[];
  plugin: string[];
  color: boolean;
  debug: boolean;
  jobs?: number;
  /** `--access-analyzer`: also ask IAM Access Analyzer (online). */
  accessAnalyzer: boolean;
  /** `--aws-region`. */
  awsRegion?: string;
  /** `--aws-profile`. */
  awsProfile?: string;
}

/** Commander parser for `--format`. */
export function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`expected one of ${FORMATS.join(', ')}.`);
  }
  return value as Format;
}

/** Commander parser for `--fail-on`. */
export function parseLevel(value: string): Level {
  if (!(LEVELS as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${LEVELS.join(', ')}.`);
  return value as Level;
}

/** Commander parser for `--category`: a non-empty category without spaces, e.g. `iamscope/ml-roles/`. */
export function parseCategory(value: string): string {
  if (!/^[^\s]+$/.test(value)) throw new InvalidArgumentError('expected a non-empty category without spaces, e.g. iamscope/ml-roles/.');
  return value;
}

/** Commander parser for a non-negative integer (`--max-warnings`, `--jobs`). */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a non-negative integer.');
  return Number(value);
}

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
