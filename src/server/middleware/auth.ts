import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, ServerContext } from '../ServerContext.js';
import { toViewer } from '../db/VisitorRepo.js';
import { secretsEqual } from '../ids.js';
import { ProblemError } from '../problem.js';

/** The bearer token of the request, or null. Tokens travel only in this header, never in URLs. */
export function bearerToken(c: Context): string | null {
  const header = c.req.header('Authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** Requires a live visitor session and exposes it as `session`, `visitor` and `viewer`. */
export function requireVisitor(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c);
    const session = token ? ctx.repos.sessions.findLive(token) : undefined;
    const visitor = session ? ctx.repos.visitors.get(session.visitorId) : undefined;
    if (!session || !visitor) {
      throw new ProblemError(401, 'unauthorized', 'a valid session bearer token is required');
    }
    c.set('session', session);
    c.set('visitor', visitor);
    c.set('viewer', toViewer(visitor));
    await next();
  };
}

/** Requires the operator key as the bearer token. */
export function requireOperator(ctx: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c);
    if (token === null || !secretsEqual(token, ctx.operatorKey)) {
      throw new ProblemError(401, 'unauthorized', 'the operator key is required');
    }
    await next();
  };
}
