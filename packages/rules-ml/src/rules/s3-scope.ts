import { literalTokens, partitionOf, type Token } from '@iamscope/core';
import { defineRule } from '../define.js';
import { arnPrefix, arnTokens, globExample, globTokens, reportGaps, scopeActions, scopeOf, type ArnSet, type ScopeActionSpec } from '../scope.js';
import { mlSettings } from '../settings.js';

/**
 * Characters of S3 bucket names: today's rules (a-z, 0-9, `.`, `-`) and legacy us-east-1 names
 * (upper case, `_`). Never `/` or `:`, so a bucket name ends at the first `/` of an object ARN.
 */
const BUCKET_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_';
const BUCKET_RUN: Token = { kind: 'class', chars: BUCKET_CHARS, repeat: true };
const BUCKET_CHAR: Token = { kind: 'class', chars: BUCKET_CHARS, repeat: false };
/** Object keys: any non-empty text. */
const KEY: Token[] = [{ kind: 'one' }, { kind: 'run' }];

/** The resource types the rule is about: buckets and their objects (not access points, jobs, …). */
const TYPES = ['bucket', 'object'];

/**
 * ARN sets of a bucket or object type whose bucket names are `name`: the example bucket first,
 * then any bucket with the example key `example`, then the exact set.
 */
function bucketSets(type: string, format: string, partition: string, name: Token[], example: string): ArnSet[] {
  const arn = (bucket: Token[], key: Token[]) => arnTokens(format, partition, { BucketName: bucket, ObjectName: key });
  const exampleKey = literalTokens('example');
  const readable = format.includes('${ObjectName}') ? [arn(literalTokens(example), exampleKey), arn(name, exampleKey)] : [arn(literalTokens(example), [])];
  return [{ key: type, candidates: [...readable, arn(name, KEY)] }];
}

/** S3 actions on buckets or objects, with every bucket a real name can give. */
const S3_ACTIONS: ScopeActionSpec = {
  id: 's3',
  service: 's3',
  resourceTypes: TYPES,
  arnSets: (type, format, partition) => bucketSets(type, format, partition, [BUCKET_CHAR, BUCKET_RUN], 'example'),
};

/** S3 actions on buckets or objects, with only the buckets of `globs` (one ARN set per glob). */
export function sensitiveActions(globs: readonly string[]): ScopeActionSpec {
  return {
    id: `s3-sensitive|${JSON.stringify(globs)}`,
    service: 's3',
    resourceTypes: TYPES,
    arnSets: (type, format, partition) =>
      globs.flatMap((glob, i) => bucketSets(`${type}#${i}`, format, partition, bucketGlob(glob), globExample(glob))),
  };
}

/** Bucket names matching a glob of settings: `*` any run of bucket-name characters, `?` one. */
function bucketGlob(glob: string): Token[] {
  return globTokens(glob, BUCKET_RUN, BUCKET_CHAR);
}

/** ARNs of the buckets matching `glob`, in any partition, and of every object in them. */
function allowedBuckets(glob: string): Token[][] {
  const bucket = [...arnPrefix('s3', true), ...bucketGlob(glob)];
  return [bucket, [...bucket, ...literalTokens('/'), { kind: 'run' }]];
}

/**
 * `ml/s3-scope`: S3 actions allowed on buckets or objects outside `settings.ml.dataBuckets`, and
 * on `settings.ml.sensitiveBuckets` wherever they are. Reported on the Resource item or
 * NotResource element that opens the gap, with a witness action and ARN.
 */
export default defineRule({
  name: 's3-scope',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow S3 access to buckets outside settings.ml.dataBuckets or in settings.ml.sensitiveBuckets.',
      details:
        'ML roles need only their data and artifact buckets (by default ml-data-lake-* and ml-artifacts-*). A Resource such as "*" or "arn:aws:s3:::*" lets a training job read or overwrite every bucket of the account, and buckets listed in settings.ml.sensitiveBuckets must stay out of reach even when they match dataBuckets. The rule checks identity policies for actions on buckets and objects. It evaluates the policy exactly: action wildcards and NotAction are expanded against the IAM action catalog, Resource and NotResource patterns are matched as IAM does, and the policy\'s own Deny statements are subtracted. It reports the element that opens the gap, with an action and an ARN that become reachable. When a condition or a policy variable decides the outcome, the result says "may" and its level is lowered one step.',
      references: [
        'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-iam.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html',
        'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html',
      ],
    },
    defaultLevel: 'error',
    recommended: true,
    policyTypes: ['identity'],
    tags: ['security', 'least-privilege', 's3', 'external/cwe/cwe-732'],
    securitySeverity: 7.5,
    precision: 'high',
    messages: {
      outsideScope: '{{element}} allows "{{action}}" on S3 buckets outside settings.ml.dataBuckets ({{dataBuckets}}), e.g. "{{witness}}".',
      mayBeOutsideScope:
        '{{element}} may allow "{{action}}" on S3 buckets outside settings.ml.dataBuckets ({{dataBuckets}}), e.g. "{{witness}}", depending on a condition or policy variable.',
      undecided:
        '{{element}} may allow "{{action}}" on S3 buckets outside settings.ml.dataBuckets ({{dataBuckets}}); the pattern is too complex to decide within the analysis limit.',
      sensitive: '{{element}} allows "{{action}}" on a sensitive bucket of settings.ml.sensitiveBuckets ({{sensitiveBuckets}}), e.g. "{{witness}}".',
      maySensitive:
        '{{element}} may allow "{{action}}" on a sensitive bucket of settings.ml.sensitiveBuckets ({{sensitiveBuckets}}), e.g. "{{witness}}", depending on a condition or policy variable.',
      sensitiveUndecided:
        '{{element}} may allow "{{action}}" on a sensitive bucket of settings.ml.sensitiveBuckets ({{sensitiveBuckets}}); the pattern is too complex to decide within the analysis limit.',
    },
  },
  create(context) {
    return {
      Policy(policy) {
        const { dataBuckets, sensitiveBuckets } = mlSettings(context.settings);
        const partition = partitionOf(context.settings);
        const data = { dataBuckets: dataBuckets.join(', ') || 'none', sensitiveBuckets: sensitiveBuckets.join(', ') };
        const outsideIds = { certain: 'outsideScope', may: 'mayBeOutsideScope', undecided: 'undecided' };
        reportGaps(context, policy, scopeActions(S3_ACTIONS, partition), scopeOf('s3', dataBuckets, allowedBuckets), outsideIds, data);
        if (sensitiveBuckets.length === 0) return;
        const sensitiveIds = { certain: 'sensitive', may: 'maySensitive', undecided: 'sensitiveUndecided' };
        reportGaps(context, policy, scopeActions(sensitiveActions(sensitiveBuckets), partition), [], sensitiveIds, data);
      },
    };
  },
});
