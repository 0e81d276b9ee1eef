import { afterEach, describe, expect, it } from 'vitest';
import { ResponseError } from '../../../src/core/errors/index.js';
import type { Transport } from '../../../src/core/transport/index.js';
import { createFakeServer, type FakeServer } from '../support/createFakeServer.js';
import { createTestClient, destroyTestClients, transcript } from '../support/createTestClient.js';
import { settle } from '../support/settle.js';

afterEach(destroyTestClients);

const invalidReply = () =>
  new ResponseError('message send', [{ path: ['message', 'seq'], message: 'Invalid input: expected number', code: 'invalid_type' }]);

/**
 * The fake backend behind a broken edge: it stores a send (and its live event goes out) but the
 * reply the client gets does not match the protocol. Live events can be held back, to let the
 * broken reply arrive first.
 */
function brokenEdge(server: FakeServer) {
  let breakReplies = 0;
  let holding = false;
  const held: Array<() => void> = [];
  const transport: Transport = {
    ...server.transport,
    async sendMessage(conversationId, request) {
      const reply = await server.transport.sendMessage(conversationId, request);
      if (breakReplies > 0) {
        breakReplies -= 1;
        throw invalidReply();
      }
      return reply;
    },
    openEvents: (handlers, options) =>
      server.transport.openEvents(
        {
          ...handlers,
          onEvent: (event, id) => (holding ? held.push(() => handlers.onEvent(event, id)) : handlers.onEvent(event, id)),
        },
        options,
      ),
  };
  return {
    transport,
    breakNextReplies: (count: number) => (breakReplies = count),
    holdEvents: () => (holding = true),
    releaseEvents: () => {
      holding = false;
      for (const deliver of held.splice(0)) deliver();
    },
  };
}

async function startOnBrokenEdge() {
  const server = createFakeServer();
  server.seedConversation();
  const edge = brokenEdge(server);
  const t = createTestClient({ server, transport: edge.transport });
  await t.client.start();
  await settle();
  expect(t.client.$connection.get()).toBe('online');
  return { ...t, edge };
}

const savedOutbox = async (t: { storage: { get(key: string): Promise<unknown> } }) =>
  ((await t.storage.get('outbox')) as { entries: Array<{ clientId: string }> } | undefined)?.entries ?? [];

describe('a live event that beats a malformed send reply', () => {
  it('shows the message as sent (not failed) and reports the invalid reply as a typed error', async () => {
    const t = await startOnBrokenEdge();
    const { client, server, clock, edge } = t;
    edge.breakNextReplies(1);

    const message = client.send('Was I charged twice?');
    await settle();

    // The server stored it and said so live; only its reply was broken.
    expect(server.messages.map((m) => m.clientId)).toEqual([message.clientId]);
    expect(client.$messages.get()).toEqual([
      expect.objectContaining({ clientId: message.clientId, state: 'sent', id: server.messages[0]!.id, seq: 1 }),
    ]);
    expect(client.$messages.get()[0]!.errorCode).toBeUndefined();
    expect(client.$error.get()).toBeInstanceOf(ResponseError);
    expect(client.$error.get()?.code).toBe('invalid_response');
    // Not an outage: the widget stays online.
    expect(client.$connection.get()).toBe('online');
    expect(await savedOutbox(t)).toEqual([]);

    // Nothing is left to send: no retry, no second copy.
    client.retry(message.clientId);
    await clock.advance(60_000);
    expect(server.sendAttempts()).toEqual([message.clientId]);
    expect(server.messages).toHaveLength(1);
    expect(transcript(client)).toEqual(['Was I charged twice?:sent']);
  });

  it('turns a message already marked failed into sent when its live event arrives late, and a retry sends nothing twice', async () => {
    const t = await startOnBrokenEdge();
    const { client, server, clock, edge } = t;
    edge.holdEvents();
    edge.breakNextReplies(1);

    const message = client.send('Hello?');
    await settle();
    expect(client.$messages.get()[0]).toMatchObject({ state: 'failed', errorCode: 'invalid_response' });

    edge.releaseEvents();
    await settle();
    expect(client.$messages.get()).toEqual([expect.objectContaining({ clientId: message.clientId, state: 'sent', seq: 1 })]);
    expect(client.$messages.get()[0]!.errorCode).toBeUndefined();
    expect(await savedOutbox(t)).toEqual([]);

    // A Retry pressed from a stale render, or a reload, finds nothing left to send.
    client.retry(message.clientId);
    await clock.advance(60_000);
    expect(server.sendAttempts()).toEqual([message.clientId]);
    expect(server.messages).toHaveLength(1);
    expect(transcript(client)).toEqual(['Hello?:sent']);
  });

  it('still fails a message whose reply is invalid when the server has no copy, and Retry delivers it once', async () => {
    const t = await startOnBrokenEdge();
    const { client, server, clock } = t;
    // Refused before the fake stores anything: no live event will confirm it.
    server.failNext('sendMessage', invalidReply());

    const message = client.send('Anyone there?');
    await clock.advance(60_000);
    expect(client.$messages.get()[0]).toMatchObject({ state: 'failed', errorCode: 'invalid_response' });
    expect(client.$connection.get()).toBe('online');
    expect(server.messages).toHaveLength(0);

    client.retry(message.clientId);
    await clock.advance(1_000);
    expect(transcript(client)).toEqual(['Anyone there?:sent']);
    expect(server.messages.map((m) => m.clientId)).toEqual([message.clientId]);
    expect(await savedOutbox(t)).toEqual([]);
  });
});
