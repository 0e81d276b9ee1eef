import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod/mini';
import type { ProblemCode } from '../core/protocol/index.js';
import type { AppEnv } from './ServerContext.js';

/**
 * A failure that answers a problem object. Throw it anywhere in a handler; the app's error
 * handler turns it into `{ code, message, details? }` with `status`.
 */
export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ProblemCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** Builds the problem response for `error`, keeping headers (CORS) set earlier on `c`. */
export function problemResponse(c: Context, error: ProblemError): Response {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  const body: { code: string; message: string; details?: unknown } = {
    code: error.code,
    message: error.message,
  };
  if (error.details !== undefined) body.details = error.details;
  return c.json(body, error.status);
}

/** English messages for zod issues: zod/mini ships none by default, and problems are for developers. */
const englishErrors = z.locales.en().localeError;

/** Formats zod issues as `path: message; …` for the problem's `message`. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Parses `value` with `schema` or throws a 400 problem with `code` and zod's issues in `details`. */
export function parseOrThrow<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  code: 'invalid_body' | 'invalid_query',
): z.output<S> {
  const result = schema.safeParse(value, { error: englishErrors });
  if (!result.success) {
    throw new ProblemError(400, code, describeIssues(result.error.issues), result.error.issues);
  }
  return result.data;
}

/**
 * Validates the JSON body with a shared protocol schema before the handler runs, so a bad body
 * reaches no code that stores anything. The handler reads the result with `c.req.valid('json')`.
 *
 * @example
 * app.post('/v1/read', validateBody(ReadRequestSchema), (c) => c.json(c.req.valid('json')));
 */
export function validateBody<S extends z.ZodMiniType>(
  schema: S,
  options: { allowEmpty?: boolean } = {},
): MiddlewareHandler<AppEnv, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async (c, next) => {
    const raw = await c.req.text();
    let value: unknown;
    if (raw.trim() === '') {
      if (!options.allowEmpty) throw new ProblemError(400, 'invalid_body', 'request body is empty');
      value = {};
    } else {
      try {
        value = JSON.parse(raw);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ProblemError(400, 'invalid_body', `body is not valid JSON: ${reason}`);
      }
    }
    c.req.addValidatedData('json', parseOrThrow(schema, value, 'invalid_body') as object);
    await next();
  };
}
