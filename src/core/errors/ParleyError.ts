/** Every error code Parley raises. Stable: user-facing text is looked up by code in i18n. */
export type ParleyErrorCode =
  | 'invalid_option'
  | 'invalid_response'
  | 'network'
  | 'timeout'
  | 'http'
  | 'unauthorized'
  | 'rate_limited'
  | 'rejected'
  | 'storage'
  | 'attachment'
  | 'destroyed';

export interface ParleyErrorOptions {
  cause?: unknown;
  details?: unknown;
}

/**
 * Base class of every error Parley throws or stores. Branch on `code`, not on `message`.
 *
 * @example
 * ```ts
 * client.$error.subscribe((err) => { if (err?.code === 'network') showOffline(); });
 * ```
 */
export class ParleyError extends Error {
  override readonly name: string = 'ParleyError';
  readonly code: ParleyErrorCode;
  readonly details: unknown;

  constructor(code: ParleyErrorCode, message: string, options: ParleyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }
}

export function isParleyError(value: unknown): value is ParleyError {
  return value instanceof ParleyError;
}
