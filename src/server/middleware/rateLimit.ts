import type { Context, MiddlewareHandler } from 'hono';
import type { RateLimits } from '../options.js';
import type { AppEnv, ServerContext } from '../ServerContext.js';
import { ProblemError } from '../problem.js';

/**
 * Applies the `rule` bucket keyed by `key(c)`; over the limit answers `429 rate_limited` with
 * `Retry-After`, which the client honours before retrying with the same clientId.
 */
export function rateLimit(
  ctx: ServerContext,
  rule: keyof RateLimits,
  key: (c: Context<AppEnv>) => string,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const wait = ctx.rateLimiter.take(rule, key(c));
    if (wait > 0) {
      throw new ProblemError(429, 'rate_limited', `too many requests; retry in ${wait} s`, undefined, {
        'Retry-After': String(wait),
      });
    }
    await next();
  };
}
