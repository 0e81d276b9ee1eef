import { Hono } from 'hono';
import { requireOperator, requireVisitor } from '../middleware/auth.js';
import type { AppEnv, ServerContext } from '../ServerContext.js';
import { eventStream } from '../sse/eventStream.js';

/** `GET /v1/events` (a visitor's streams) and `GET /v1/operator/events` (the desk's). */
export function eventRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const onError = (error: unknown): void => ctx.log.error('event replay failed', error);

  app.get('/v1/events', requireVisitor(ctx), (c) => {
    // The viewer object is shared with the hub, which updates it if the visitor is linked to a user.
    const viewer = { ...c.get('viewer') };
    return eventStream(c, {
      hub: ctx.hub,
      audience: { kind: 'visitor', sessionId: c.get('session').id, viewer },
      replay: (afterId, limit) => ctx.repos.events.forViewer(viewer, afterId, limit),
      pingIntervalMs: ctx.pingIntervalMs,
      onError,
    });
  });

  app.get('/v1/operator/events', requireOperator(ctx), (c) =>
    eventStream(c, {
      hub: ctx.hub,
      audience: { kind: 'operator' },
      replay: (afterId, limit) => ctx.repos.events.all(afterId, limit),
      pingIntervalMs: ctx.pingIntervalMs,
      onError,
    }),
  );

  return app;
}
