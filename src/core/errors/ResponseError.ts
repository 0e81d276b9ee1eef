import { ParleyError } from './ParleyError.js';

/** One issue from zod, reduced to what is safe and useful to log. */
export interface SchemaIssue {
  path: PropertyKey[];
  message: string;
  code: string;
}

/** The backend answered with something that does not match Protocol v1. `issues` come from zod. */
export class ResponseError extends ParleyError {
  override readonly name = 'ResponseError';
  readonly issues: SchemaIssue[];
  readonly what: string;

  constructor(what: string, issues: SchemaIssue[], options: { cause?: unknown } = {}) {
    const first = issues[0];
    const where = first ? ` at ${first.path.map(String).join('.') || '(root)'}: ${first.message}` : '';
    super('invalid_response', `Parley: the backend's ${what} does not match Protocol v1${where}`, {
      ...options,
      details: issues,
    });
    this.issues = issues;
    this.what = what;
  }
}

export function isResponseError(value: unknown): value is ResponseError {
  return value instanceof ResponseError;
}
