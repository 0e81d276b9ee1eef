import { Hono } from 'hono';
import { ContextUpdateRequestSchema } from '../../core/protocol/index.js';
import { recordContext } from '../desk/recordContext.js';
import { requireVisitor } from '../middleware/auth.js';
import { rateLimit } from '../middleware/rateLimit.js';
import { validateBody } from '../problem.js';
import type { AppEnv, ServerContext } from '../ServerContext.js';

/** `POST /v1/context`: an SPA navigation between messages. */
export function contextRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post(
    '/v1/context',
    requireVisitor(ctx),
    rateLimit(ctx, 'writes', (c) => c.get('visitor').id),
    validateBody(ContextUpdateRequestSchema),
    (c) => {
      recordContext(ctx, c.get('visitor'), c.req.valid('json').context);
      return c.body(null, 204);
    },
  );
  return app;
}
