import { Hono } from 'hono';
import * as z from 'zod/mini';
import { LocaleTagSchema } from '../../core/protocol/index.js';
import { buildWidgetConfig } from '../config/buildWidgetConfig.js';
import { parseOrThrow } from '../problem.js';
import type { AppEnv, ServerContext } from '../ServerContext.js';

const ConfigQuerySchema = z.object({ locale: z.optional(LocaleTagSchema) });

/**
 * `GET /v1/config`: public, no session needed. Localized texts are sent whole and the client
 * picks a language, so `locale` is only validated; it lets a future backend trim the payload.
 */
export function configRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/v1/config', (c) => {
    parseOrThrow(ConfigQuerySchema, c.req.query(), 'invalid_query');
    // Availability depends on the clock, so caches must not keep it for long.
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(buildWidgetConfig(ctx.config, ctx.now()));
  });
  return app;
}
