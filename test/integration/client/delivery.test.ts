import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, createHttpTransport, createMemoryStorage, type ParleyClient } from '../../../src/core/index.js';
import { waitFor } from '../../support/waitFor.js';
import { type Stack, startStack } from './startStack.js';

let stack: Stack;
const clients: ParleyClient[] = [];

beforeEach(async () => {
  stack = await startStack();
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await stack.close();
});

function newClient(endpoint = stack.proxy.url, fetchImpl?: typeof fetch) {
  const client = createClient({
    transport: createHttpTransport({ endpoint, timeout: 3000, ...(fetchImpl ? { fetch: fetchImpl } : {}) }),
    storage: createMemoryStorage(),
    onWarning: () => undefined,
  });
  clients.push(client);
  return client;
}

async function serverMessages(stackRef: Stack) {
  const { conversations } = await stackRef.operator.conversations();
  const detail = (await stackRef.operator.conversation(conversations[0]!.id)) as {
    messages: Array<{ text: string; seq: number; clientId: string; author: { role: string } }>;
  };
  return detail.messages.filter((m) => m.author.role === 'visitor');
}

describe('delivery between the real client and the reference server', () => {
  it('stores a send once when the reply was lost and the client retried with the same id', async () => {
    let dropped = 0;
    // The request reaches the server, but the visitor's network drops the reply.
    const lossyFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (dropped === 0 && (init?.method ?? (input as Request).method) === 'POST' && url.includes('/messages')) {
        dropped++;
        throw new TypeError('network connection was lost');
      }
      return response;
    };
    const client = newClient(stack.server.url, lossyFetch);
    await client.start();
    const sent = client.send('Where is my deposit?');
    await waitFor(() => client.$messages.get().find((m) => m.clientId === sent.clientId)?.state === 'sent', 'the send to be confirmed');

    expect(dropped).toBe(1);
    const stored = await serverMessages(stack);
    expect(stored.map((m) => m.text)).toEqual(['Where is my deposit?']);
    expect(client.$messages.get().filter((m) => m.author.role === 'visitor')).toHaveLength(1);
  });

  it('delivers 50 messages typed while the server is down exactly once, in order, after it restarts', async () => {
    const client = newClient();
    await client.start();
    client.send('first');
    await waitFor(() => client.$messages.get()[0]?.state === 'sent', 'the first message');

    await stack.stopServer();
    const texts = Array.from({ length: 50 }, (_, i) => `offline message ${i + 1}`);
    for (const text of texts) client.send(text);
    await waitFor(() => client.$connection.get() === 'offline', 'the client to notice the outage');
    expect(client.$messages.get().filter((m) => m.state === 'pending')).toHaveLength(50);

    await stack.restartServer();
    await waitFor(
      () => client.$messages.get().every((m) => m.state === 'sent') && client.$messages.get().length === 51,
      'all 50 to be delivered',
      30000,
    );

    const stored = await serverMessages(stack);
    expect(stored.map((m) => m.text)).toEqual(['first', ...texts]);
    expect(new Set(stored.map((m) => m.clientId)).size).toBe(51);
    const seqs = client.$messages.get().map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a! - b!));
  });

  it('shows a message the server rejects as failed, stores nothing, and keeps the rest flowing', async () => {
    const client = newClient();
    await client.start();
    client.send('hello');
    await waitFor(() => client.$messages.get()[0]?.state === 'sent', 'the first message');

    const tooLong = client.send('x'.repeat(10001));
    await waitFor(() => client.$messages.get().find((m) => m.clientId === tooLong.clientId)?.state === 'failed', 'the rejection');
    const failed = client.$messages.get().find((m) => m.clientId === tooLong.clientId)!;
    expect(failed.errorCode).toBe('invalid_body');
    expect(client.$error.get()?.code).toBe('rejected');

    client.send('after the failure');
    await waitFor(() => client.$messages.get().filter((m) => m.state === 'sent').length === 2, 'the next message');
    expect((await serverMessages(stack)).map((m) => m.text)).toEqual(['hello', 'after the failure']);
  });
});
