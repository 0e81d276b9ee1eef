import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  createHttpTransport,
  createMemoryStorage,
  NetworkError,
  type HistoryQuery,
  type ParleyClient,
  type Transport,
} from '../../../src/core/index.js';
import { createParleyServer } from '../../../src/server/index.js';
import { operatorApi } from '../../support/operator.js';
import { waitFor } from '../../support/waitFor.js';

// The SSE stream resumes with Last-Event-ID, which hides whether the other safety net works:
// after every reconnect the client asks for `listMessages({ after: lastSeq })`, for backends (or
// proxies) that cannot replay events. Here the stream never replays, so a reply posted while the
// visitor was disconnected can only come back through that history catch-up.

const operatorKey = 'test-operator-key-0123456789';
let server: Awaited<ReturnType<typeof createParleyServer>>;
let dataDir: string;
const clients: ParleyClient[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parley-catchup-'));
  server = await createParleyServer({ port: 0, database: ':memory:', dataDir, operatorKey, quiet: true });
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * The real HTTP transport, except that every live stream opens fresh (no `Last-Event-ID`, so the
 * server replays nothing), and the test can cut the stream and keep it down. It records what
 * arrived live and what history pages returned, to tell the two paths apart.
 */
function freshStreamTransport(endpoint: string) {
  const base = createHttpTransport({ endpoint, timeout: 3000 });
  const state = {
    down: false,
    stream: null as AbortController | null,
    /** The ids the client asked to resume from, which this transport drops. */
    requestedResume: [] as Array<string | null>,
    liveMessageIds: new Set<string>(),
    historyCalls: [] as Array<{ query: HistoryQuery; ids: string[] }>,
  };
  const transport: Transport = {
    ...base,
    async listMessages(conversationId, query) {
      const page = await base.listMessages(conversationId, query);
      state.historyCalls.push({ query, ids: page.messages.map((m) => m.id) });
      return page;
    },
    async openEvents(handlers, { lastEventId, signal }) {
      state.requestedResume.push(lastEventId);
      if (state.down) throw new NetworkError('test: the live stream is down');
      const stream = new AbortController();
      state.stream = stream;
      const forward = () => stream.abort();
      signal.addEventListener('abort', forward, { once: true });
      try {
        await base.openEvents(
          {
            ...handlers,
            onEvent: (event, id) => {
              if (event.type === 'message.created' || event.type === 'message.updated') state.liveMessageIds.add(event.message.id);
              handlers.onEvent(event, id);
            },
          },
          { lastEventId: null, signal: stream.signal },
        );
        // base.openEvents returns quietly when its signal aborts; a cut must look like a failure.
        if (stream.signal.aborted && !signal.aborted) throw new NetworkError('test: the live stream was cut');
      } finally {
        signal.removeEventListener('abort', forward);
      }
    },
  };
  return {
    transport,
    /** The unwrapped transport on the same session, to read the server's transcript. */
    base,
    state,
    cut() {
      state.down = true;
      state.stream?.abort();
    },
    restore() {
      state.down = false;
    },
  };
}

const agentMessages = (client: ParleyClient) => client.$messages.get().filter((m) => m.author.role === 'agent');

describe('history catch-up after a reconnect without Last-Event-ID', () => {
  it('a reply posted while the stream was down arrives once, in seq order, through listMessages({ after })', async () => {
    const operator = operatorApi(server.url, operatorKey);
    const wire = freshStreamTransport(server.url);
    const client = createClient({ transport: wire.transport, storage: createMemoryStorage(), onWarning: () => undefined });
    clients.push(client);
    await client.start();
    client.send('My parcel has not arrived');
    await waitFor(() => client.$messages.get()[0]?.state === 'sent' && client.$connection.get() === 'online', 'a live conversation');
    const conversationId = client.$conversation.get()!.id;

    await operator.reply(conversationId, 'Let me check the tracking');
    await waitFor(() => agentMessages(client).some((m) => m.text === 'Let me check the tracking'), 'the live reply');

    wire.cut();
    await waitFor(() => client.$connection.get() === 'offline', 'the cut to be noticed');
    await operator.reply(conversationId, 'It is at the depot, out for delivery tomorrow');
    const resumeRequests = wire.state.requestedResume.length;
    wire.restore();

    await waitFor(
      () => agentMessages(client).some((m) => m.text === 'It is at the depot, out for delivery tomorrow'),
      'the reply posted while disconnected',
      20000,
    );
    // The stream is live again: a later reply still arrives, after the caught-up one.
    await operator.reply(conversationId, 'Anything else?');
    await waitFor(() => agentMessages(client).some((m) => m.text === 'Anything else?'), 'a reply after the reconnect');

    expect(agentMessages(client).map((m) => m.text)).toEqual([
      'Let me check the tracking',
      'It is at the depot, out for delivery tomorrow',
      'Anything else?',
    ]);
    const seqs = client.$messages.get().map((m) => m.seq);
    expect(seqs.every((seq) => seq !== null)).toBe(true);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...(seqs as number[])].sort((a, b) => a - b));
    // The server's transcript is what the visitor sees, with nothing missing or doubled.
    const serverPage = await wire.base.listMessages(conversationId, { limit: 200 });
    expect(client.$messages.get().map((m) => [m.seq, m.id])).toEqual(serverPage.messages.map((m) => [m.seq, m.id]));

    // The premise: the client did ask to resume, the stream did not replay, and the missed reply
    // came from a history page asked for with `after` below its seq.
    const missed = agentMessages(client).find((m) => m.text === 'It is at the depot, out for delivery tomorrow')!;
    expect(wire.state.requestedResume.slice(resumeRequests).some((id) => id !== null)).toBe(true);
    expect(wire.state.liveMessageIds.has(missed.id!)).toBe(false);
    const catchUp = wire.state.historyCalls.find((call) => call.ids.includes(missed.id!));
    expect(catchUp?.query.after).toBeDefined();
    expect(catchUp!.query.after!).toBeLessThan(missed.seq!);
    expect(catchUp!.query.before).toBeUndefined();
  });
});

