import { ParleyError } from './ParleyError.js';

/** The backend could not be reached, or did not answer in time (`code` is `network` or `timeout`). */
export class NetworkError extends ParleyError {
  override readonly name = 'NetworkError';

  constructor(message: string, options: { cause?: unknown; timeout?: boolean } = {}) {
    super(options.timeout ? 'timeout' : 'network', message, { cause: options.cause });
  }
}

export function isNetworkError(value: unknown): value is NetworkError {
  return value instanceof NetworkError;
}
