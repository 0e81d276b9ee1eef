import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createClient,
  createHttpTransport,
  createMemoryStorage,
  isOptionError,
  isResponseError,
  type ParleyClient,
} from '../../../src/core/index.js';
import { waitFor } from '../../support/waitFor.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A backend that answers every request with `reply` — what a broken or foreign server does. */
async function brokenBackend(reply: (path: string) => { status: number; body: string; type?: string }) {
  const server: Server = createServer((req, res) => {
    const { status, body, type } = reply(req.url ?? '/');
    res.writeHead(status, { 'Content-Type': type ?? 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

function track(client: ParleyClient) {
  cleanups.push(() => client.destroy());
  return client;
}

describe('bad input', () => {
  it('names the invalid createClient option', () => {
    const attempt = (options: unknown) => {
      try {
        createClient(options as never);
      } catch (error) {
        return error;
      }
      return null;
    };
    const missing = attempt({});
    expect(isOptionError(missing) && missing.option).toBe('endpoint');
    const scheme = attempt({ endpoint: 'ftp://example.com' });
    expect(isOptionError(scheme) && scheme.option).toBe('endpoint');
    expect(String((scheme as Error).message)).toContain('http(s) URL');
    const locale = attempt({ endpoint: 'http://127.0.0.1:1', locale: 'not a locale!' });
    expect(isOptionError(locale) && locale.option).toBe('locale');
  });

  it('turns a reply that breaks the protocol into a typed error and a visible state', async () => {
    const endpoint = await brokenBackend(() => ({ status: 200, body: JSON.stringify({ token: 5, session: null }) }));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    cleanups.push(() => process.off('unhandledRejection', onUnhandled));

    const client = track(createClient({ transport: createHttpTransport({ endpoint }), storage: createMemoryStorage(), onWarning: () => undefined }));
    await client.start();
    const error = client.$error.get();
    expect(isResponseError(error)).toBe(true);
    expect(error?.code).toBe('invalid_response');
    expect(isResponseError(error) && error.issues.map((i) => i.path.join('.'))).toContain('token');
    expect(client.$session.get().status).toBe('error');
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).toEqual([]);
  });

  it('keeps what the visitor typed through 5xx answers, and shows the outage', async () => {
    const endpoint = await brokenBackend(() => ({ status: 502, body: '<html>Bad gateway</html>', type: 'text/html' }));
    const client = track(createClient({ transport: createHttpTransport({ endpoint, retries: 0 }), storage: createMemoryStorage(), onWarning: () => undefined }));
    await client.start();
    const message = client.send('Please help, my card was charged twice');
    await waitFor(() => client.$connection.get() === 'offline', 'the offline state');
    expect(client.$error.get()?.code).toBe('http');
    const kept = client.$messages.get().find((m) => m.clientId === message.clientId);
    expect(kept?.state).toBe('pending');
    expect(kept?.text).toBe('Please help, my card was charged twice');
  });
});
