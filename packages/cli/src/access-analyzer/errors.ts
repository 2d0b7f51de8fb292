/** Prefix of the codes of the notifications about failed Access Analyzer calls (`ACCESS_ANALYZER_DENIED`, …). */
export const AA_NOTIFICATION_PREFIX = 'ACCESS_ANALYZER_';

/** Why an Access Analyzer call failed, as far as the user can act on it. */
export type FailureKind = 'region' | 'credentials' | 'denied' | 'throttled' | 'network' | 'rejected' | 'other';

/** A failed call, classified, with the one line to show for it. */
export interface Failure {
  kind: FailureKind;
  /** One line without a trailing period, e.g. `access denied (AccessDeniedException: …)`. */
  message: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/**
 * Classifies an error thrown by the AWS SDK (after its retries) or by its region and credential
 * providers. Names are those of the SDK: `CredentialsProviderError`, the service's
 * `AccessDeniedException` (403), `ThrottlingException` (429), `ValidationException` and
 * `UnprocessableEntityException` (the document was refused), Node's network error codes, and the
 * SDK's "Region is missing" error.
 * @param error what the SDK threw
 * @returns the failure's kind and a one-line description
 */
export function classify(error: unknown): Failure {
  const e = (error ?? {}) as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number; attempts?: number } };
  const name = e.name ?? 'Error';
  const detail = `${name}: ${(e.message ?? String(error)).split('\n')[0]}`;
  const status = e.$metadata?.httpStatusCode;
  if (/region is missing/i.test(e.message ?? '')) return { kind: 'region', message: 'no AWS region: pass --aws-region or set AWS_REGION' };
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(e.message ?? '')) {
    return { kind: 'credentials', message: 'no AWS credentials found: pass --aws-profile, set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or sign in with `aws sso login`' };
  }
  if (name === 'AccessDeniedException' || status === 403) return { kind: 'denied', message: `access denied (${detail})` };
  if (name === 'ThrottlingException' || status === 429) {
    const attempts = e.$metadata?.attempts;
    return { kind: 'throttled', message: `throttled${attempts ? ` after ${attempts} attempts` : ''} (${detail})` };
  }
  if ((e.code && NETWORK_CODES.has(e.code)) || name === 'TimeoutError') return { kind: 'network', message: `cannot reach Access Analyzer (${e.code ?? detail})` };
  if (name === 'ValidationException' || name === 'UnprocessableEntityException' || name === 'InvalidParameterException') {
    return { kind: 'rejected', message: `the policy was refused (${detail})` };
  }
  return { kind: 'other', message: `the call failed (${detail})` };
}
