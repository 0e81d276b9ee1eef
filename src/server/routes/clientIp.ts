import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

/**
 * The peer address from the Node binding, for per-IP rate limits. Behind a proxy every client
 * shares the proxy's address; this reference server does not trust `X-Forwarded-For`.
 */
export function clientIp(c: Context): string {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket.remoteAddress ?? 'unknown';
}
