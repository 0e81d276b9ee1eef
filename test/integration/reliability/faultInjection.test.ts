import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, createHttpTransport, createMemoryStorage, type ParleyClient } from '../../../src/core/index.js';
import { createParleyServer, type ParleyServer } from '../../../src/server/index.js';
import { createHttpFaultProxy, type FaultAction, type HttpFaultProxy } from '../../reliability/support/createHttpFaultProxy.js';
import { recordFigures } from '../../reliability/support/figures.js';
import { createRandom } from '../../reliability/support/random.js';
import { waitFor } from '../../support/waitFor.js';

// Fixed in CI; set PARLEY_FAULT_SEED to explore other schedules (a failure prints its seed).
const SEED = Number(process.env.PARLEY_FAULT_SEED ?? 0x5eed_2024);
const VISITORS = 3;
const MESSAGES_PER_VISITOR = 334;
const AGENT_REPLIES = 330;
const OPERATOR_KEY = 'reliability-operator-key-0123456789';

type FaultKind = '5xx' | 'drop' | 'hang' | 'delay' | 'delay-reply' | 'lose-reply' | 'cut-stream';
// Visitor 0 waits 5 s for a reply, so a reply held 2–4 s arrives in time and is used; visitors 1
// and 2 give up after 1 s, so the held reply comes too late and the outbox's resend of the same
// clientId is answered `duplicate: true`. Both must end with the message shown once.
const PATIENT_VISITOR = 0;
const TIMEOUT_MS = { patient: 5000, impatient: 1000 };
const VISITOR_HEADER = 'x-fault-visitor';
interface StoredMessage {
  id: string;
  seq: number;
  clientId: string;
  text: string;
  author: { role: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('delivery under a seeded schedule of network faults and a backend restart', () => {
  it(`delivers ${VISITORS * MESSAGES_PER_VISITOR} visitor messages and ${AGENT_REPLIES} agent replies exactly once, in order (seed ${SEED})`, async () => {
    const started = Date.now();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled).on('uncaughtException', onUnhandled);
    cleanups.push(() => process.off('unhandledRejection', onUnhandled).off('uncaughtException', onUnhandled));
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-faults-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const startServer = () =>
      createParleyServer({ port: 0, dataDir, operatorKey: OPERATOR_KEY, quiet: true, limits: { rate: false }, pingIntervalMs: 1000 });
    let server: ParleyServer = await startServer();
    cleanups.push(() => server.close());
    const proxy: HttpFaultProxy = await createHttpFaultProxy(server.port);
    cleanups.push(() => proxy.close());

    const faults = createRandom(SEED);
    const counts: Record<string, number> = {};
    const count = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
    let injecting = true;
    // Held replies by whether the visitor was still waiting for them (see PATIENT_VISITOR).
    const held = { inTime: 0, afterTimeout: 0 };
    proxy.decide = (request) => {
      if (!injecting) return null;
      const path = request.url.split('?')[0]!;
      // A hang costs the patient visitor its whole 5 s timeout; the others cover hangs.
      const patient = request.headers[VISITOR_HEADER] === String(PATIENT_VISITOR);
      const hang = patient ? 0 : 1;
      let kind: FaultKind | null = null;
      if (request.method === 'POST' && path.endsWith('/messages')) {
        if (faults.chance(0.085)) kind = faults.weighted({ '5xx': 3, 'lose-reply': 3, delay: 2, 'delay-reply': 1, hang, drop: 2 });
      } else if (path === '/v1/events') {
        if (faults.chance(0.3)) kind = faults.weighted({ 'cut-stream': 5, hang, '5xx': 1, drop: 1 });
      } else if (faults.chance(0.06)) {
        kind = faults.weighted({ '5xx': 2, drop: 1, delay: 1, 'delay-reply': 1 });
      }
      if (kind === null) return null;
      if (kind !== 'cut-stream') count(kind);
      if (kind === 'delay-reply') held[patient ? 'inTime' : 'afterTimeout'] += 1;
      return toAction(kind, kind === 'delay-reply' ? faults.int(2000, 4000) : faults.int(200, 1800));
    };

    const warnings: string[] = [];
    const clients: ParleyClient[] = Array.from({ length: VISITORS }, (_, v) =>
      createClient({
        transport: createHttpTransport({
          endpoint: proxy.url,
          timeout: v === PATIENT_VISITOR ? TIMEOUT_MS.patient : TIMEOUT_MS.impatient,
          retries: 1,
          streamIdleTimeout: 2500,
          fetch: markVisitor(v),
        }),
        storage: createMemoryStorage(),
        onWarning: (message) => warnings.push(message),
      }),
    );
    cleanups.push(() => clients.forEach((client) => client.destroy()));
    await Promise.all(clients.map((client) => client.start()));

    // Mid-frame cuts of live streams on their own clock, besides the ones chosen per request.
    const cutter = setInterval(() => {
      if (injecting && faults.chance(0.5)) proxy.cutStreamsMidFrame();
    }, 400);
    cleanups.push(() => clearInterval(cutter));

    // Visitors type in bursts; each text is unique so loss and duplication are countable.
    const sent: string[][] = clients.map(() => []);
    const visitorsDone = Promise.all(
      clients.map(async (client, v) => {
        const typing = createRandom(SEED + 1 + v);
        while (sent[v]!.length < MESSAGES_PER_VISITOR) {
          for (let burst = typing.int(1, 6); burst > 0 && sent[v]!.length < MESSAGES_PER_VISITOR; burst--) {
            const text = `visitor ${v} message ${sent[v]!.length}`;
            client.send(text);
            sent[v]!.push(text);
          }
          await sleep(typing.int(5, 60));
        }
      }),
    );

    // The agent answers through the operator API, straight to the server (not through the proxy).
    const agent = createRandom(SEED + 100);
    const replies: Array<{ conversationId: string; text: string }> = [];
    const operatorSend = async (conversationId: string, clientId: string, text: string) => {
      for (;;) {
        try {
          const res = await fetch(`${server.url}/v1/operator/conversations/${conversationId}/messages`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${OPERATOR_KEY}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ clientId, text, authorName: 'Alex' }),
          });
          if (res.ok) return;
        } catch {
          // The backend is restarting: the same clientId is sent again, so it is stored once.
        }
        await sleep(100);
      }
    };
    const agentDone = (async () => {
      while (replies.length < AGENT_REPLIES) {
        await sleep(agent.int(10, 70));
        const open = clients.map((c) => c.$conversation.get()?.id).filter((id): id is string => Boolean(id));
        if (open.length === 0) continue;
        const conversationId = agent.pick(open);
        const text = `agent reply ${replies.length}`;
        replies.push({ conversationId, text });
        await operatorSend(conversationId, `agent_${replies.length}_${SEED}`, text);
      }
    })();

    // One backend restart (same SQLite file, new port) and one total outage, mid-run.
    const delivered = () => clients.reduce((sum, c) => sum + c.$messages.get().filter((m) => m.author.role === 'visitor' && m.state === 'sent').length, 0);
    await waitFor(() => delivered() > VISITORS * MESSAGES_PER_VISITOR * 0.35, 'a third of the messages', 40000);
    await server.close();
    await sleep(400);
    server = await startServer();
    proxy.setTarget(server.port);
    count('backend restart');
    await waitFor(() => delivered() > VISITORS * MESSAGES_PER_VISITOR * 0.7, 'two thirds of the messages', 40000);
    proxy.setTarget(null);
    proxy.cutAll();
    await sleep(800);
    proxy.setTarget(server.port);
    count('network outage');

    await Promise.all([visitorsDone, agentDone]);
    await waitFor(() => delivered() === VISITORS * MESSAGES_PER_VISITOR, 'every visitor message to be confirmed', 40000).catch((error: Error) => {
      const state = clients.map((c) => ({
        session: c.$session.get().status,
        connection: c.$connection.get(),
        error: c.$error.get()?.message,
        unsent: c.$messages.get().filter((m) => m.state !== 'sent').slice(0, 3).map((m) => `${m.state}:${m.errorCode ?? ''}:${m.text}`),
      }));
      throw new Error(`${error.message}: ${JSON.stringify(state)}`);
    });
    injecting = false;
    counts['sse cut mid-frame'] = proxy.cuts;

    // Every client converges on exactly what the server stored for its conversation.
    const serverView = async (conversationId: string): Promise<StoredMessage[]> => {
      const res = await fetch(`${server.url}/v1/operator/conversations/${conversationId}`, { headers: { Authorization: `Bearer ${OPERATOR_KEY}` } });
      return ((await res.json()) as { messages: StoredMessage[] }).messages;
    };
    const shape = (m: { id: string | null; seq: number | null; text: string; author: { role: string } }) => `${m.seq}|${m.id}|${m.author.role}|${m.text}`;
    const stored: StoredMessage[][] = [];
    for (const client of clients) {
      const conversationId = client.$conversation.get()!.id;
      const messages = await serverView(conversationId);
      stored.push(messages);
      // Messages before the loaded range (say, the agent's first reply, missed while the visitor's
      // own later send was confirmed) are paged in as "older", as scrolling up in the widget does.
      await waitFor(async () => !(await client.loadOlder()), `older pages of ${conversationId}`, 20000);
      await waitFor(
        () => JSON.stringify(client.$messages.get().map(shape)) === JSON.stringify(messages.map(shape)),
        `client of ${conversationId} to converge with the server`,
        20000,
      ).catch((error: Error) => {
        const mine = new Set(client.$messages.get().map(shape));
        const theirs = new Set(messages.map(shape));
        const missing = [...theirs].filter((m) => !mine.has(m));
        const extra = [...mine].filter((m) => !theirs.has(m));
        throw new Error(`${error.message}; missing on the client: ${JSON.stringify(missing.slice(0, 5))} (${missing.length}), extra: ${JSON.stringify(extra.slice(0, 5))} (${extra.length})`);
      });
    }
    const elapsed = Date.now() - started;

    let lost = 0;
    let duplicated = 0;
    stored.forEach((messages, v) => {
      const visitorTexts = messages.filter((m) => m.author.role === 'visitor').map((m) => m.text);
      lost += sent[v]!.filter((text) => !visitorTexts.includes(text)).length;
      duplicated += visitorTexts.length - new Set(visitorTexts).size;
      // Order: the server's seq order is the order the visitor typed in, and seqs have no gaps.
      expect(visitorTexts).toEqual(sent[v]);
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
      expect(new Set(messages.map((m) => m.clientId)).size).toBe(messages.length);
    });
    const agentStored = stored.flat().filter((m) => m.author.role === 'agent').map((m) => m.text);
    const agentLost = replies.filter((r) => !agentStored.includes(r.text)).length;
    const agentDuplicated = agentStored.length - new Set(agentStored).size;
    const clientDuplicates = clients.reduce((sum, c) => sum + c.$messages.get().length - new Set(c.$messages.get().map((m) => m.id)).size, 0);
    const faultTotal = Object.values(counts).reduce((sum, n) => sum + n, 0);

    recordFigures('fault-injection', {
      seed: SEED,
      visitors: VISITORS,
      visitorMessages: sent.flat().length,
      agentReplies: replies.length,
      storedMessages: stored.flat().length,
      requests: proxy.requests.length,
      faults: faultTotal,
      faultsByKind: counts,
      heldReplies: held,
      lost: lost + agentLost,
      duplicatedOnServer: duplicated + agentDuplicated,
      duplicatedOnClients: clientDuplicates,
      unhandled: unhandled.length,
      seconds: Math.round(elapsed / 100) / 10,
    });
    expect(lost + agentLost).toBe(0);
    expect(duplicated + agentDuplicated + clientDuplicates).toBe(0);
    expect(unhandled).toEqual([]);
    expect(faultTotal).toBeGreaterThanOrEqual(100);
    expect(counts['delay-reply'] ?? 0).toBeGreaterThan(0);
    expect(sent.flat().length + replies.length).toBeGreaterThanOrEqual(1000);
    // The bar: the whole schedule, restart and convergence included, within a minute.
    expect(elapsed).toBeLessThan(60_000);
  }, 120000);
});

describe('a live stream that stalls without closing', () => {
  it('is noticed by the idle watchdog and reopened, so replies keep arriving', async () => {
    const server = await createParleyServer({ port: 0, database: ':memory:', quiet: true, operatorKey: OPERATOR_KEY, limits: { rate: false }, pingIntervalMs: 300 });
    cleanups.push(() => server.close());
    const proxy = await createHttpFaultProxy(server.port);
    cleanups.push(() => proxy.close());
    // The first stream request is accepted and never answered (a proxy or a half-open connection).
    let hung = 0;
    proxy.decide = (request) => (request.url.startsWith('/v1/events') && hung++ === 0 ? { kind: 'hang' } : null);
    const client = createClient({
      transport: createHttpTransport({ endpoint: proxy.url, timeout: 1000, streamIdleTimeout: 1000 }),
      storage: createMemoryStorage(),
      onWarning: () => undefined,
    });
    cleanups.push(() => client.destroy());
    await client.start();
    client.send('is anyone there?');
    await waitFor(() => client.$conversation.get(), 'the conversation');
    await waitFor(() => client.$connection.get() === 'online', 'the stream to be reopened after the stall', 5000);
    expect(hung).toBeGreaterThanOrEqual(2);
    const id = client.$conversation.get()!.id;
    await fetch(`${server.url}/v1/operator/conversations/${id}/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${OPERATOR_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientId: 'stall_reply_1', text: 'Yes, here!', authorName: 'Alex' }),
    });
    await waitFor(() => client.$messages.get().some((m) => m.text === 'Yes, here!'), 'the reply, live');
  });
});

/** Tags every request of visitor `v`, so the proxy can tell the patient visitor from the others. */
function markVisitor(v: number): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    request.headers.set(VISITOR_HEADER, String(v));
    return globalThis.fetch(request);
  };
}

function toAction(kind: FaultKind, ms: number): FaultAction {
  switch (kind) {
    case '5xx':
      return { kind: 'status', status: 503, body: JSON.stringify({ code: 'internal', message: 'injected outage' }) };
    case 'delay':
      return { kind: 'delay', ms };
    case 'delay-reply':
      return { kind: 'delay-reply', ms };
    default:
      return { kind };
  }
}
