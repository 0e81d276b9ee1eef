import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Db } from './db/openDatabase.js';
import { createApp } from './createApp.js';
import type { ParleyServerOptions } from './options.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './options.js';
import type { AppEnv } from './ServerContext.js';

export interface ParleyServer {
  /** Base URL of the API, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  /** The key for the operator API and the console (`/console#key=…`). */
  operatorKey: string;
  app: Hono<AppEnv>;
  db: Db;
  /** Ends open event streams, stops listening and closes the database. */
  close(): Promise<void>;
}

/** How long open requests get to finish on close before their sockets are cut. */
const CLOSE_GRACE_MS = 1000;
const IDLE_SWEEP_MS = 20;

/**
 * Starts the Parley reference backend.
 *
 * @example
 * const server = await createParleyServer({ port: 0, database: ':memory:' });
 * console.log(`${server.url}/console#key=${server.operatorKey}`);
 * await server.close();
 */
export async function createParleyServer(options: ParleyServerOptions = {}): Promise<ParleyServer> {
  const parley = await createApp(options);
  const host = options.host ?? DEFAULT_HOST;
  const server = createAdaptorServer({ fetch: parley.app.fetch }) as Server;

  try {
    await new Promise<void>((resolvePromise, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_PORT, host, () => {
        server.off('error', reject);
        resolvePromise();
      });
    });
  } catch (error) {
    await parley.close();
    throw error;
  }

  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | null = null;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    operatorKey: parley.operatorKey,
    app: parley.app,
    db: parley.db,
    close: () => {
      closing ??= (async () => {
        // Streams never end on their own, so they are ended first; then idle keep-alive
        // sockets close at once and busy ones get a grace period.
        parley.closeStreams();
        await new Promise<void>((resolvePromise, reject) => {
          // Ended streams and finished requests leave keep-alive sockets that turn idle a
          // moment later; sweep them until the server is closed.
          const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
          const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
          server.close((error) => {
            clearInterval(sweep);
            clearTimeout(grace);
            if (error) reject(error);
            else resolvePromise();
          });
          server.closeIdleConnections();
        });
        await parley.close();
      })();
      return closing;
    },
  };
}
