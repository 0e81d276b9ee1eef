import { Hono } from 'hono';
import { requireVisitor } from '../middleware/auth.js';
import { ProblemError } from '../problem.js';
import type { AppEnv, ServerContext } from '../ServerContext.js';

/**
 * Knowledge-base placeholders: an empty catalogue, so the widget's search and suggestions work
 * against this server before articles exist.
 */
export function kbRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const auth = requireVisitor(ctx);
  app.get('/v1/kb/search', auth, (c) => c.json({ articles: [] }));
  app.get('/v1/kb/suggest', auth, (c) => c.json({ articles: [] }));
  app.get('/v1/kb/articles/:id', auth, () => {
    throw new ProblemError(404, 'not_found', 'no such article');
  });
  return app;
}
