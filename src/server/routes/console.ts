import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { consolePage } from '../console/consolePage.js';
import { consoleStyles } from '../console/consoleStyles.js';
import type { AppEnv, ServerContext } from '../ServerContext.js';

/** The console runs under a strict CSP: its own script and styles only, API calls to this origin. */
const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

function secureHeaders(c: Context<AppEnv>): void {
  c.header('Content-Security-Policy', CONSOLE_CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
}

/** `GET /console` and its assets. The operator key never reaches the server in these requests. */
export function consoleRoutes(ctx: ServerContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/console', (c) => {
    secureHeaders(c);
    c.header('Cache-Control', 'no-store');
    return c.html(consolePage());
  });

  app.get('/console/app.css', (c) => {
    secureHeaders(c);
    return c.body(consoleStyles, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' });
  });

  app.get('/console/app.js', async (c) => {
    secureHeaders(c);
    const script = await readFirst(ctx.consoleScripts);
    if (script === null) {
      return c.text('The console script is not built: run npm run build', 503);
    }
    return c.body(script, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
    });
  });

  return app;
}

/** The first of `paths` that exists: the built bundle next to the server, or the dev build. */
async function readFirst(paths: readonly string[]): Promise<string | null> {
  for (const path of paths) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return null;
}
