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

/**
 * The configuration is invalid. `message` is `<source>: <path>: <detail>` with the parts that are
 * known: `source` names the file (or `file:line:column`), `path` is the JSON pointer of the
 * offending value (e.g. `/rules/foo`).
 */
export class ConfigError extends IamscopeError {
  override readonly name = 'ConfigError';
  readonly path: string;
  readonly detail: string;
  readonly source: string | undefined;

  /**
   * @param path JSON pointer into the configuration object, or '' for the whole file
   * @param detail what is wrong, ending with a period
   * @param source the configuration file (optionally with `:line:column`), when known
   */
  constructor(path: string, detail: string, source?: string) {
    super('INVALID_CONFIG', [source, path, detail].filter((part) => part).join(': '));
    this.path = path;
    this.detail = detail;
    this.source = source;
  }
}
