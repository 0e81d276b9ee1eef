import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  NetworkError,
  ParleyError,
  ResponseError,
  createClient,
  createHttpTransport,
  createMemoryStorage,
  type ParleyClient,
} from '../../../src/core/index.js';
import {
  ConversationResponseSchema,
  MessagePageSchema,
  SendMessageResponseSchema,
  ServerEventSchema,
  SessionResponseSchema,
  WidgetConfigSchema,
} from '../../../src/core/protocol/index.js';
import { createParleyServer, type ParleyServer } from '../../../src/server/index.js';
import { createHttpFaultProxy, type HttpFaultProxy, type ProxiedRequest } from '../../reliability/support/createHttpFaultProxy.js';
import { recordFigures } from '../../reliability/support/figures.js';
import { mutateJson } from '../../reliability/support/mutateJson.js';
import { createRandom } from '../../reliability/support/random.js';
import { operatorApi } from '../../support/operator.js';
import { waitFor } from '../../support/waitFor.js';

const SEED = 0xbad_5eed;
const random = createRandom(SEED);
const OPERATOR_KEY = 'fuzz-operator-key-0123456789';
let server: ParleyServer;
let proxy: HttpFaultProxy;
let client: ParleyClient;
const storage = createMemoryStorage();
let goOnline: (online: boolean) => void = () => undefined;
const extraClients: ParleyClient[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const errors: ParleyError[] = [];
const byTarget: Record<string, number> = {};
const byMutation: Record<string, number> = {};
const started = Date.now();

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled).on('uncaughtException', onUnhandled);
  server = await createParleyServer({ port: 0, database: ':memory:', quiet: true, operatorKey: OPERATOR_KEY, limits: { rate: false } });
  proxy = await createHttpFaultProxy(server.port);
  client = newClient({ subscribe: (listener) => ((goOnline = listener), () => undefined) }, storage);
  client.$error.listen((error) => {
    if (error) errors.push(error);
  });
  await client.start();
  const first = client.send('hello before the storm');
  await waitFor(() => sent(first.clientId), 'the first message');
  await operatorApi(server.url, OPERATOR_KEY).reply(client.$conversation.get()!.id, 'Hi, how can I help?');
  await waitFor(() => client.$messages.get().some((m) => m.author.role === 'agent'), 'the agent reply');
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled).off('uncaughtException', onUnhandled);
  for (const c of [client, ...extraClients]) c?.destroy();
  await proxy?.close();
  await server?.close();
});

function newClient(network?: { subscribe: (listener: (online: boolean) => void) => () => void }, store = createMemoryStorage()) {
  return createClient({
    transport: createHttpTransport({ endpoint: proxy.url, timeout: 2000, retries: 0 }),
    storage: store,
    onWarning: () => undefined,
    ...(network ? { network } : {}),
  });
}

const sent = (clientId: string) => client.$messages.get().find((m) => m.clientId === clientId)?.state === 'sent';
/** Confirmed and out of the outbox (a live event can show a message as sent while its send is still retried). */
const delivered = async (clientId: string) =>
  sent(clientId) && ((await storage.get('outbox')) as { entries: unknown[] } | undefined)?.entries.length === 0;

/** Makes the proxy corrupt the next successful reply to a request that `matches`. */
function corruptNext(target: string, matches: (request: ProxiedRequest) => boolean, schema: z.ZodMiniType) {
  let used = false;
  proxy.decide = (request) => {
    if (used || !matches(request)) return null;
    used = true;
    return {
      kind: 'rewrite',
      rewrite: (reply) => {
        if (reply.status >= 300) return reply;
        const mutated = mutateJson(JSON.parse(reply.body), random, (value) => schema.safeParse(value).success);
        byTarget[target] = (byTarget[target] ?? 0) + 1;
        byMutation[mutated.kind] = (byMutation[mutated.kind] ?? 0) + 1;
        return { ...reply, body: mutated.body };
      },
    };
  };
  return () => used;
}

const isTyped = (error: unknown) => error instanceof ResponseError || error instanceof NetworkError;
const path = (request: ProxiedRequest) => request.url.split('?')[0]!;

describe('malformed replies and frames from a backend', () => {
  it('reports 600 malformed SSE frames as typed errors and keeps the stream and transcript intact', async () => {
    await waitFor(() => proxy.streams > 0 && client.$connection.get() === 'online', 'the live stream');
    const agentMessage = client.$messages.get().find((m) => m.author.role === 'agent')!;
    const valid = { type: 'message.created', conversationId: agentMessage.conversationId, message: { ...agentMessage, state: undefined } };
    const before = JSON.stringify(client.$messages.get());
    for (let batch = 0; batch < 12; batch++) {
      const start = errors.length;
      for (let i = 0; i < 50; i++) {
        const mutated = mutateJson(valid, random, (value) => ServerEventSchema.safeParse(value).success);
        byTarget['sse frame'] = (byTarget['sse frame'] ?? 0) + 1;
        byMutation[mutated.kind] = (byMutation[mutated.kind] ?? 0) + 1;
        const id = random.chance(0.3) ? `id: ${900000 + batch * 50 + i}\n` : '';
        proxy.inject(`${id}event: message.created\ndata: ${mutated.body}\n\n`);
      }
      await waitFor(() => errors.length >= start + 50, `50 frame errors in batch ${batch}`);
      expect(errors.slice(start).every((e) => e instanceof ResponseError && e.code === 'invalid_response')).toBe(true);
    }
    expect(client.$connection.get()).toBe('online');
    expect(JSON.stringify(client.$messages.get())).toBe(before);
  });

  it('turns 150 malformed send replies into a failed or waiting message, then delivers each once', async () => {
    for (let i = 0; i < 150; i++) {
      const start = errors.length;
      const message = client.send(`fuzz send ${i}`);
      corruptNext('message send', (r) => r.method === 'POST' && r.body.includes(message.clientId), SendMessageResponseSchema);
      await waitFor(() => errors.length > start, `an error for send ${i}`);
      const error = errors[errors.length - 1]!;
      expect(isTyped(error)).toBe(true);
      const state = client.$messages.get().find((m) => m.clientId === message.clientId)!;
      if (error instanceof ResponseError) {
        // Failed, unless the live event of the stored message already confirmed it.
        if (state.state !== 'sent') expect([state.state, state.errorCode]).toEqual(['failed', 'invalid_response']);
        client.retry(message.clientId);
      } else {
        // Still queued; the live event of the stored message may already show it as sent.
        expect(['pending', 'sent']).toContain(state.state);
        expect(client.$connection.get()).toBe('offline');
        goOnline(true);
      }
      await waitFor(() => delivered(message.clientId), `send ${i} to recover`);
      // The stream never dropped: once the send goes through, the widget is shown online again.
      await waitFor(() => client.$connection.get() === 'online', `online after send ${i}`);
    }
  });

  it('reports 150 malformed configs and keeps the last good one', async () => {
    for (let i = 0; i < 150; i++) {
      const start = errors.length;
      corruptNext('config', (r) => path(r) === '/v1/config', WidgetConfigSchema);
      await client.setLocale(i % 2 ? 'ru' : 'en');
      expect(errors.length).toBeGreaterThan(start);
      expect(isTyped(errors[errors.length - 1])).toBe(true);
      expect(WidgetConfigSchema.safeParse(client.$config.get()).success).toBe(true);
    }
  });

  it('reports 100 malformed history replies after reconnects', async () => {
    for (let i = 0; i < 100; i++) {
      const start = errors.length;
      const historyPage = i % 2 === 1;
      const used = corruptNext(
        historyPage ? 'history page' : 'conversation',
        (r) => r.method === 'GET' && (historyPage ? path(r).endsWith('/messages') : /^\/v1\/conversations\/[^/]+$/.test(path(r))),
        historyPage ? MessagePageSchema : ConversationResponseSchema,
      );
      proxy.cutAll();
      await waitFor(() => client.$connection.get() === 'offline', 'the cut to show');
      goOnline(true);
      await waitFor(() => used() && errors.slice(start).some((e) => isTyped(e) && /conversation|history/.test(e.message)), `history error ${i}`);
      await waitFor(() => client.$connection.get() === 'online', 'the stream to reopen');
    }
  });

  it('reports 100 malformed session replies: a terminal error, or an offline retry', async () => {
    let retrying: ParleyClient | null = null;
    for (let i = 0; i < 100; i++) {
      corruptNext('session', (r) => path(r) === '/v1/sessions', SessionResponseSchema);
      const fresh = newClient();
      extraClients.push(fresh);
      await fresh.start();
      const error = fresh.$error.get();
      expect(isTyped(error)).toBe(true);
      if (error instanceof ResponseError) {
        expect(fresh.$session.get().status).toBe('error');
        fresh.destroy();
      } else {
        expect([fresh.$session.get().status, fresh.$connection.get()]).toEqual(['starting', 'offline']);
        if (retrying) retrying.destroy();
        retrying = fresh;
      }
    }
    proxy.decide = () => null;
    if (retrying) await waitFor(() => retrying!.$session.get().status === 'ready', 'the retrying session to recover', 15000);
  });

  it('recovers fully once valid data returns: delivers, receives and converges with the server', async () => {
    proxy.decide = () => null;
    const last = client.send('after the storm');
    await waitFor(() => sent(last.clientId), 'the last message');
    await operatorApi(server.url, OPERATOR_KEY).reply(client.$conversation.get()!.id, 'All good now');
    await waitFor(() => client.$messages.get().some((m) => m.text === 'All good now'), 'the reply after recovery');
    const detail = (await operatorApi(server.url, OPERATOR_KEY).conversation(client.$conversation.get()!.id)) as {
      messages: Array<{ id: string; seq: number; text: string }>;
    };
    const shape = (m: { id: string | null; seq: number | null; text: string }) => `${m.seq}|${m.id}|${m.text}`;
    expect(client.$messages.get().map(shape)).toEqual(detail.messages.map(shape));
    expect(client.$connection.get()).toBe('online');
    expect(unhandled).toEqual([]);

    const total = Object.values(byTarget).reduce((sum, n) => sum + n, 0);
    recordFigures('malformed-replies', {
      seed: SEED,
      malformed: total,
      byTarget,
      byMutation,
      errors: { ResponseError: errors.filter((e) => e instanceof ResponseError).length, NetworkError: errors.filter((e) => e instanceof NetworkError).length, other: errors.filter((e) => !isTyped(e)).length },
      uncaught: unhandled.length,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    });
    expect(total).toBeGreaterThanOrEqual(1000);
  });
});
