import { HTTPError, TimeoutError } from 'ky';
import { HttpError, NetworkError, ParleyError } from '../errors/index.js';
import { ProblemSchema } from '../protocol/index.js';

/** Maps ky and fetch failures to Parley's error classes, reading the problem body when there is one. */
export async function toParleyError(error: unknown, what: string): Promise<ParleyError> {
  if (error instanceof ParleyError) return error;
  if (error instanceof HTTPError) return fromResponse(error.response, what, error);
  if (error instanceof TimeoutError) {
    return new NetworkError(`Parley: ${what} timed out`, { cause: error, timeout: true });
  }
  return new NetworkError(`Parley: ${what} failed: the backend is unreachable`, { cause: error });
}

export async function fromResponse(response: Response, what: string, cause?: unknown): Promise<HttpError> {
  let body: unknown = null;
  try {
    body = await response.clone().json();
  } catch {
    // A non-JSON error body (a proxy's HTML page, say) is still an HTTP error; the status tells.
    body = null;
  }
  const problem = ProblemSchema.safeParse(body);
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  return new HttpError(
    response.status,
    problem.success ? problem.data.code : undefined,
    `Parley: ${what} failed with HTTP ${response.status}${problem.success ? `: ${problem.data.message}` : ''}`,
    { cause, details: problem.success ? problem.data.details : undefined, retryAfter },
  );
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
