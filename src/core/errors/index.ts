export { ParleyError, isParleyError } from './ParleyError.js';
export type { ParleyErrorCode, ParleyErrorOptions } from './ParleyError.js';
export { OptionError, isOptionError } from './OptionError.js';
export { ResponseError, isResponseError } from './ResponseError.js';
export type { SchemaIssue } from './ResponseError.js';
export { HttpError, isHttpError } from './HttpError.js';
export { NetworkError, isNetworkError } from './NetworkError.js';

/** True when retrying the same request later may succeed (network, timeout, 5xx, 408, 429). */
export function isTransientError(error: unknown): boolean {
  if (error instanceof Error && 'transient' in error) return Boolean((error as { transient: unknown }).transient);
  return error instanceof Error && 'code' in error && (error.code === 'network' || error.code === 'timeout');
}
