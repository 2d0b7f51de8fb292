/** Machine-readable error codes. Callers branch on `code`; message text may change. */
export type ErrorCode = 'INVALID_CONFIG' | 'PLUGIN_LOAD' | 'INVALID_ARGUMENT';

/** Base class of errors iamscope throws on purpose (configuration, plugins, arguments). */
export class IamscopeError extends Error {
  override readonly name: string = 'IamscopeError';
  readonly code: ErrorCode;

  /**
   * @param code machine-readable kind
   * @param message one line, ending with a period
   * @param options standard `cause`
   */
  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** The configuration is invalid; `path` is the JSON pointer of the offending value (e.g. `/rules/foo`). */
export class ConfigError extends IamscopeError {
  override readonly name = 'ConfigError';
  readonly path: string;

  /**
   * @param path JSON pointer into the configuration object
   * @param message what is wrong, ending with a period
   */
  constructor(path: string, message: string) {
    super('INVALID_CONFIG', `${path || '/'}: ${message}`);
    this.path = path;
  }
}
