import type { ValidateKind } from './policy-type.js';

/** One ValidatePolicy finding (API model `ValidatePolicyFinding`; spec access-analyzer-checks.md §3). */
export interface AaFinding {
  findingDetails: string;
  findingType: 'ERROR' | 'SECURITY_WARNING' | 'WARNING' | 'SUGGESTION';
  issueCode: string;
  learnMoreLink: string;
  /** Spans in the submitted text: `line` 1-based, `column` and `offset` 0-based. */
  locations: { span?: { start?: { offset?: number }; end?: { offset?: number } } }[];
}

/** The verdict of a custom policy check (spec §4). */
export interface AaCheckResult {
  result: 'PASS' | 'FAIL';
  message: string;
  reasons: { description?: string; statementIndex?: number; statementId?: string }[];
}

/** Where and as whom the SDK calls AWS; unset fields come from the SDK's defaults (environment, shared config). */
export interface AaClientOptions {
  /** `--aws-region`. */
  region?: string;
  /** `--aws-profile`. */
  profile?: string;
}

/** The Access Analyzer calls iamscope makes. */
export interface AccessAnalyzerApi {
  /** Resolves the region and credentials once (no request to Access Analyzer); throws as the SDK does. */
  preflight(): Promise<void>;
  /** ValidatePolicy, every page (`nextToken`) of findings. */
  validatePolicy(policyDocument: string, kind: ValidateKind): Promise<AaFinding[]>;
  /** CheckAccessNotGranted with one access entry. */
  checkAccessNotGranted(policyDocument: string, policyType: string, access: { actions?: string[]; resources?: string[] }): Promise<AaCheckResult>;
  /** CheckNoNewAccess of a policy against a reference (existing) policy. */
  checkNoNewAccess(newPolicyDocument: string, existingPolicyDocument: string, policyType: string): Promise<AaCheckResult>;
  /** Closes the client's connections. */
  destroy(): void;
}

/**
 * Loads `@aws-sdk/client-accessanalyzer` (only now: scans without `--access-analyzer` never
 * import it) and creates a client with the SDK's default credential chain, its standard
 * environment variables (`AWS_REGION`, `AWS_PROFILE`, `AWS_ENDPOINT_URL`, …, read from the process
 * environment) and its standard retry strategy (3 attempts with backoff). The SDK's
 * NodeVersionSupportWarning (printed on Node < 22) is turned off for this process through the
 * SDK's own switch, `AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED`, unless the user set it.
 * @param options region and profile from the command line
 * @returns the calls iamscope makes
 */
export async function createAccessAnalyzer(options: AaClientOptions): Promise<AccessAnalyzerApi> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const sdk = await import('@aws-sdk/client-accessanalyzer');
  const client = new sdk.AccessAnalyzerClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  });
  return {
    async preflight() {
      await client.config.region();
      await client.config.credentials();
    },
    async validatePolicy(policyDocument, kind) {
      const findings: AaFinding[] = [];
      let nextToken: string | undefined;
      do {
        const page = await client.send(new sdk.ValidatePolicyCommand({ policyDocument, ...kind, nextToken }));
        findings.push(...((page.findings ?? []) as AaFinding[]));
        nextToken = page.nextToken;
      } while (nextToken);
      return findings;
    },
    async checkAccessNotGranted(policyDocument, policyType, access) {
      const response = await client.send(
        new sdk.CheckAccessNotGrantedCommand({ policyDocument, policyType: policyType as 'IDENTITY_POLICY', access: [access] }),
      );
      return { result: response.result as AaCheckResult['result'], message: response.message ?? '', reasons: response.reasons ?? [] };
    },
    async checkNoNewAccess(newPolicyDocument, existingPolicyDocument, policyType) {
      const response = await client.send(
        new sdk.CheckNoNewAccessCommand({ newPolicyDocument, existingPolicyDocument, policyType: policyType as 'IDENTITY_POLICY' }),
      );
      return { result: response.result as AaCheckResult['result'], message: response.message ?? '', reasons: response.reasons ?? [] };
    },
    destroy: () => client.destroy(),
  };
}
