import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  createHttpTransport,
  createMemoryStorage,
  type HistoryQuery,
  type ParleyClient,
  type ParleyStorage,
  type Transport,
} from '../../../src/core/index.js';
import { createParleyServer } from '../../../src/server/index.js';
import { operatorApi } from '../../support/operator.js';
import { waitFor } from '../../support/waitFor.js';

// The local transcript is capped (`maxStoredMessages`), so a long conversation keeps only its
// newest messages on the device. The evicted ones are not lost: after a reload the visitor sees
// the saved tail at once, is told there is more, and scrolling back pages it in from the server
// until the whole conversation is there, in order, with nothing doubled.

const operatorKey = 'test-operator-key-0123456789';
const CAP = 20;
const TOTAL = 60;
let server: Awaited<ReturnType<typeof createParleyServer>>;
let dataDir: string;
const clients: ParleyClient[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parley-eviction-'));
  server = await createParleyServer({ port: 0, database: ':memory:', dataDir, operatorKey, quiet: true, kbDir: false });
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * The real HTTP transport, with `createSession` held until `release()`: the reloaded client
 * then shows only what storage gave it. It records every history page the client asked for.
 */
function gatedTransport(endpoint: string) {
  const base = createHttpTransport({ endpoint, timeout: 5000 });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const state = { sessionRequested: false, historyCalls: [] as Array<{ query: HistoryQuery; seqs: number[] }> };
  const transport: Transport = {
    ...base,
    async createSession(request) {
      state.sessionRequested = true;
      await gate;
      return base.createSession(request);
    },
    async listMessages(conversationId, query) {
      const page = await base.listMessages(conversationId, query);
      state.historyCalls.push({ query, seqs: page.messages.map((m) => m.seq) });
      return page;
    },
  };
  return { transport, state, release };
}

function newClient(storage: ParleyStorage, transport: Transport) {
  const client = createClient({ transport, storage, maxStoredMessages: CAP, onWarning: () => undefined });
  clients.push(client);
  return client;
}

const savedTranscript = async (storage: ParleyStorage) =>
  (await storage.get('transcript')) as { messages: Array<{ seq: number | null }>; truncated: boolean } | undefined;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('messages evicted from local storage are paged in from the server', () => {
  it(`a reload shows the newest ${CAP} of ${TOTAL} from storage, then loadOlder() brings back all ${TOTAL} in seq order`, async () => {
    const operator = operatorApi(server.url, operatorKey);
    const storage = createMemoryStorage();

    // First visit: a conversation of TOTAL messages, of which only the newest CAP are kept.
    const first = newClient(storage, createHttpTransport({ endpoint: server.url, timeout: 5000 }));
    await first.start();
    first.send('message 1');
    await waitFor(() => first.$messages.get()[0]?.state === 'sent' && first.$connection.get() === 'online', 'a live conversation');
    const conversationId = first.$conversation.get()!.id;
    const serverCount = async () => (await first.transport.listMessages(conversationId, { limit: 200 })).messages.length;
    // Whatever the server adds on its own (the system note that an agent joined) counts too.
    for (let n = await serverCount(); n < TOTAL; n = await serverCount()) await operator.reply(conversationId, `message ${n + 1}`);
    expect(await serverCount()).toBe(TOTAL);
    await waitFor(() => first.$messages.get().length === TOTAL, `all ${TOTAL} messages live in the first client`);
    await waitFor(async () => (await savedTranscript(storage))?.messages.at(-1)?.seq === TOTAL, 'the newest message saved');
    const everything = first.$messages.get().map((m) => ({ seq: m.seq, id: m.id, text: m.text }));
    expect(everything.map((m) => m.seq)).toEqual(range(1, TOTAL));
    const saved = (await savedTranscript(storage))!;
    expect(saved.messages.map((m) => m.seq)).toEqual(range(TOTAL - CAP + 1, TOTAL));
    expect(saved.truncated).toBe(true);
    first.destroy();

    // Reload: the same storage, a new client. Before the backend answers, only storage speaks.
    const wire = gatedTransport(server.url);
    const reloaded = newClient(storage, wire.transport);
    const starting = reloaded.start();
    await waitFor(() => wire.state.sessionRequested, 'the reloaded client to ask for its session');
    const fromStorage = reloaded.$messages.get();
    expect(fromStorage.length).toBeLessThanOrEqual(CAP);
    expect(fromStorage.map((m) => m.seq)).toEqual(range(TOTAL - CAP + 1, TOTAL));
    expect(reloaded.$hasOlder.get()).toBe(true);
    expect(wire.state.historyCalls).toEqual([]);

    wire.release();
    await starting;
    await waitFor(() => reloaded.$connection.get() === 'online' && wire.state.historyCalls.length > 0, 'the reloaded client online');
    await waitFor(() => reloaded.$messages.get().at(-1)?.seq === TOTAL, 'the catch-up after the reload');

    // Scrolling back: page until the server says the conversation starts here.
    let pages = 0;
    while (reloaded.$hasOlder.get()) {
      await reloaded.loadOlder();
      expect(++pages).toBeLessThan(TOTAL);
    }
    const shown = reloaded.$messages.get();
    expect(shown.map((m) => ({ seq: m.seq, id: m.id, text: m.text }))).toEqual(everything);
    expect(new Set(shown.map((m) => m.id)).size).toBe(TOTAL);
    expect(shown[0]!.text).toBe('message 1');
    // The oldest messages came back through `before` pages, as only the server still had them.
    const olderPages = wire.state.historyCalls.filter((call) => call.query.before !== undefined);
    expect(olderPages.length).toBeGreaterThan(0);
    expect(olderPages.flatMap((call) => call.seqs)).toContain(1);
    await expect(reloaded.loadOlder()).resolves.toBe(false);

    // Paging in does not grow the device's copy past the cap.
    await waitFor(async () => (await savedTranscript(storage))?.messages.at(-1)?.seq === TOTAL, 'the transcript saved again');
    expect((await savedTranscript(storage))!.messages.map((m) => m.seq)).toEqual(range(TOTAL - CAP + 1, TOTAL));
  });
});
