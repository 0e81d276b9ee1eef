import { ParleyError, type ParleyErrorCode } from './ParleyError.js';

/**
 * The backend answered with an error status. `problemCode` is the Protocol v1 code from the
 * problem body (`invalid_body`, `rate_limited`, …) when the body had one.
 */
export class HttpError extends ParleyError {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly problemCode: string | undefined;
  /** Seconds from a `Retry-After` header, when the server sent one. */
  readonly retryAfter: number | undefined;

  constructor(
    status: number,
    problemCode: string | undefined,
    message: string,
    options: { cause?: unknown; details?: unknown; retryAfter?: number } = {},
  ) {
    super(codeForStatus(status), message, options);
    this.status = status;
    this.problemCode = problemCode;
    this.retryAfter = options.retryAfter;
  }

  /** 5xx, 408 and 429 are worth retrying with the same client id; other 4xx are final. */
  get transient(): boolean {
    return this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

function codeForStatus(status: number): ParleyErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'rejected';
  return 'http';
}

export function isHttpError(value: unknown): value is HttpError {
  return value instanceof HttpError;
}
