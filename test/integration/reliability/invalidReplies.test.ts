import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ResponseError,
  createClient,
  createHttpTransport,
  createMemoryStorage,
  type ParleyClient,
  type ParleyStorage,
} from '../../../src/core/index.js';
import { WidgetConfigSchema } from '../../../src/core/protocol/index.js';
import { createParleyServer, type ParleyServer } from '../../../src/server/index.js';
import { createHttpFaultProxy, type HttpFaultProxy, type ProxiedRequest } from '../../reliability/support/createHttpFaultProxy.js';
import { operatorApi } from '../../support/operator.js';
import { waitFor } from '../../support/waitFor.js';

// Issue 8: every malformed reply gives a typed error and a visible state, and the client
// recovers once valid data returns. Real client, real server, the HTTP fault proxy between them.
const OPERATOR_KEY = 'invalid-replies-operator-key-0123';
let server: ParleyServer;
let proxy: HttpFaultProxy;
const clients: ParleyClient[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await createParleyServer({ port: 0, database: ':memory:', quiet: true, operatorKey: OPERATOR_KEY, limits: { rate: false } });
  proxy = await createHttpFaultProxy(server.port);
});
afterEach(() => {
  proxy.decide = () => null;
  for (const client of clients.splice(0)) client.destroy();
  expect(unhandled).toEqual([]);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await proxy?.close();
  await server?.close();
});

const HTML = '<!doctype html><html><body>Please log in to the hotel Wi-Fi</body></html>';
const path = (request: ProxiedRequest) => request.url.split('?')[0]!;
const operator = () => operatorApi(server.url, OPERATOR_KEY);

/**
 * A client through the proxy. `holdReply` may keep a reply from the client until it resolves
 * (the network is slow on the way back), to fix the order of a reply and a live event.
 */
function newClient(storage: ParleyStorage = createMemoryStorage(), holdReply?: (request: Request) => Promise<void> | undefined) {
  const fetchThrough: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (holdReply && input instanceof Request) await holdReply(input);
    return response;
  };
  const client = createClient({
    transport: createHttpTransport({ endpoint: proxy.url, timeout: 3000, retries: 0, fetch: fetchThrough }),
    storage,
    onWarning: () => undefined,
  });
  clients.push(client);
  return client;
}

async function online(client: ParleyClient) {
  await client.start();
  await waitFor(() => client.$connection.get() === 'online', 'the live stream');
  const first = client.send('hello');
  await waitFor(() => shown(client, first.clientId)?.state === 'sent', 'the first message');
}

const shown = (client: ParleyClient, clientId: string) => client.$messages.get().find((m) => m.clientId === clientId);
const savedOutbox = async (storage: ParleyStorage) =>
  ((await storage.get('outbox')) as { entries: unknown[] } | undefined)?.entries ?? [];
async function storedTexts(client: ParleyClient): Promise<string[]> {
  const detail = (await operator().conversation(client.$conversation.get()!.id)) as { messages: Array<{ text: string }> };
  return detail.messages.map((m) => m.text);
}
/** Every delivery state a message was shown in, in order. */
function statesOf(client: ParleyClient, text: string): string[] {
  const states: string[] = [];
  client.$messages.subscribe((messages) => {
    const state = messages.find((m) => m.text === text)?.state;
    if (state && states.at(-1) !== state) states.push(state);
  });
  return states;
}

describe('invalid replies from a backend', () => {
  it('shows a send as sent, once, when its live event arrives before an invalid reply', async () => {
    const storage = createMemoryStorage();
    let client!: ParleyClient;
    let text = '';
    // The broken reply reaches the client only after the live event of the stored message did.
    client = newClient(storage, (request) =>
      request.method === 'POST' && text && request.url.endsWith('/messages')
        ? waitFor(() => client.$messages.get().some((m) => m.text === text && m.seq !== null), 'the live event').then(() => undefined)
        : undefined,
    );
    await online(client);
    text = 'Was I charged twice?';
    const states = statesOf(client, text);
    proxy.decide = (request) =>
      request.method === 'POST' && request.body.includes(text)
        ? { kind: 'rewrite', rewrite: (reply) => ({ ...reply, body: reply.body.slice(0, Math.floor(reply.body.length / 2)) }) }
        : null;

    const message = client.send(text);
    await waitFor(() => client.$error.get() instanceof ResponseError, 'the invalid reply to be reported');
    expect(client.$error.get()?.code).toBe('invalid_response');
    expect(shown(client, message.clientId)?.state).toBe('sent');
    expect(states).toEqual(['pending', 'sent']);
    expect(client.$connection.get()).toBe('online');
    expect(await savedOutbox(storage)).toEqual([]);
    expect((await storedTexts(client)).filter((t) => t === text)).toHaveLength(1);
  });

  it('fails a send whose 200 reply is not JSON (not "offline"), and Retry delivers it once', async () => {
    const storage = createMemoryStorage();
    const client = newClient(storage);
    await online(client);
    const text = 'My card was declined';
    proxy.decide = (request) =>
      request.method === 'POST' && request.body.includes(text) ? { kind: 'status', status: 200, body: HTML, headers: { 'Content-Type': 'text/html' } } : null;

    const message = client.send(text);
    await waitFor(() => shown(client, message.clientId)?.state === 'failed', 'the failed state');
    expect(shown(client, message.clientId)?.errorCode).toBe('invalid_response');
    expect(client.$error.get()).toBeInstanceOf(ResponseError);
    expect(client.$connection.get()).toBe('online');

    proxy.decide = () => null;
    client.retry(message.clientId);
    await waitFor(() => shown(client, message.clientId)?.state === 'sent', 'the retried send');
    await waitFor(async () => (await savedOutbox(storage)).length === 0, 'the outbox to empty');
    expect((await storedTexts(client)).filter((t) => t === text)).toHaveLength(1);
  });

  it('keeps the last good config when a config reply is cut short, and takes the next good one', async () => {
    const client = newClient();
    await online(client);
    await waitFor(() => client.$config.get(), 'the config');
    const good = client.$config.get();
    proxy.decide = (request) => (path(request) === '/v1/config' ? { kind: 'status', status: 200, body: '{"greeting":{"en":"Hi' } : null);

    await client.setLocale('ru');
    expect(client.$error.get()).toBeInstanceOf(ResponseError);
    expect(client.$error.get()?.message).toMatch(/config/);
    expect(client.$config.get()).toBe(good);
    expect(client.$connection.get()).toBe('online');

    proxy.decide = () => null;
    await client.setLocale('en');
    expect(client.$config.get()).not.toBe(good);
    expect(WidgetConfigSchema.safeParse(client.$config.get()).success).toBe(true);
  });

  it('reports a history page that is not JSON after a reconnect, keeps the transcript and comes back online', async () => {
    const client = newClient();
    await online(client);
    const before = client.$messages.get();
    proxy.decide = (request) =>
      request.method === 'GET' && path(request).endsWith('/messages') ? { kind: 'status', status: 200, body: HTML } : null;

    proxy.cutAll();
    await waitFor(() => client.$error.get() instanceof ResponseError && /history/.test(client.$error.get()!.message), 'the history error');
    expect(client.$messages.get()).toEqual(before);
    await waitFor(() => client.$connection.get() === 'online', 'the stream to reopen');

    // Valid data again: an agent reply arrives, nothing was lost.
    proxy.decide = () => null;
    await operator().reply(client.$conversation.get()!.id, 'Still here');
    await waitFor(() => client.$messages.get().some((m) => m.text === 'Still here'), 'the agent reply');
  });

  it('shows an invalid session reply while retrying, then recovers: ready, live, and the waiting message sent', async () => {
    let invalid = 2;
    proxy.decide = (request) =>
      path(request) === '/v1/sessions' && invalid-- > 0 ? { kind: 'status', status: 201, body: JSON.stringify({ token: 5, session: null }) } : null;
    const storage = createMemoryStorage();
    const client = newClient(storage);

    await client.start();
    expect(client.$session.get().status).toBe('error');
    expect(client.$error.get()).toBeInstanceOf(ResponseError);
    expect(client.$error.get()?.code).toBe('invalid_response');
    const message = client.send('Are you there?');
    expect(shown(client, message.clientId)?.state).toBe('pending');

    await waitFor(() => client.$session.get().status === 'ready', 'the session to recover');
    await waitFor(() => client.$connection.get() === 'online', 'the live stream');
    await waitFor(() => shown(client, message.clientId)?.state === 'sent', 'the waiting message');
    expect(client.$error.get()).toBeNull();
    expect(await storedTexts(client)).toContain('Are you there?');
    expect(await savedOutbox(storage)).toEqual([]);
  });

  it('reports an upload reply that is not JSON as an invalid reply, not as unreachable', async () => {
    const client = newClient();
    await online(client);
    proxy.decide = (request) => (path(request) === '/v1/uploads' ? { kind: 'status', status: 201, body: HTML, headers: { 'Content-Type': 'text/html' } } : null);
    const upload = client.upload(new Blob(['%PDF-1.7\n']), 'statement.pdf');
    await expect(upload).rejects.toBeInstanceOf(ResponseError);
    await expect(upload).rejects.toMatchObject({ code: 'invalid_response', what: 'upload' });
  });
});
