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

function newClient() {
  const client = createClient({
    transport: createHttpTransport({ endpoint: stack.proxy.url, timeout: 3000 }),
    storage: createMemoryStorage(),
    onWarning: () => undefined,
  });
  clients.push(client);
  return client;
}

const agentTexts = (client: ParleyClient) =>
  client.$messages
    .get()
    .filter((m) => m.author.role === 'agent')
    .map((m) => m.text);

describe('live events from the reference server', () => {
  it('receives agent replies live, and after a cut resumes with every missed reply exactly once', async () => {
    const client = newClient();
    await client.start();
    client.send('My withdrawal is stuck');
    await waitFor(
      () => client.$messages.get()[0]?.state === 'sent' && client.$connection.get() === 'online',
      'a live conversation',
    );
    const conversationId = client.$conversation.get()!.id;

    await stack.operator.reply(conversationId, 'Looking into it');
    await waitFor(() => agentTexts(client).includes('Looking into it'), 'the live reply');

    stack.proxy.setDown(true);
    stack.proxy.cutAll();
    await waitFor(() => client.$connection.get() === 'offline', 'the cut to be noticed');
    await stack.operator.reply(conversationId, 'Found it: the network was congested');
    await stack.operator.reply(conversationId, 'It will arrive within an hour');
    stack.proxy.setDown(false);

    await waitFor(() => agentTexts(client).length === 3, 'the missed replies', 20000);
    expect(agentTexts(client)).toEqual([
      'Looking into it',
      'Found it: the network was congested',
      'It will arrive within an hour',
    ]);
    const seqs = client.$messages.get().map((m) => m.seq!);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(client.$unread.get()).toBe(3);
    client.markRead();
    expect(client.$unread.get()).toBe(0);
  });

  it('pages back through a long history with no gaps or duplicates', async () => {
    const storage = createMemoryStorage();
    const writer = createClient({ transport: createHttpTransport({ endpoint: stack.server.url }), storage, onWarning: () => undefined });
    clients.push(writer);
    await writer.start();
    writer.send('start');
    await waitFor(() => writer.$messages.get()[0]?.state === 'sent', 'a conversation');
    const conversationId = writer.$conversation.get()!.id;
    for (let i = 1; i <= 119; i++) await stack.operator.reply(conversationId, `reply ${i}`);
    writer.destroy();

    // Another device of the same session: it has the session but no local transcript.
    const fresh = createMemoryStorage();
    await fresh.set('session', await storage.get('session'));
    await fresh.set('conversation', await storage.get('conversation'));
    const reader = createClient({ transport: createHttpTransport({ endpoint: stack.server.url }), storage: fresh, onWarning: () => undefined });
    clients.push(reader);
    await reader.start();
    await waitFor(() => reader.$messages.get().length === 50, 'the newest page');
    expect(reader.$messages.get().at(-1)!.text).toBe('reply 119');
    expect(reader.$hasOlder.get()).toBe(true);

    while (await reader.loadOlder());
    const seqs = reader.$messages.get().map((m) => m.seq);
    // 1 visitor message, 119 replies and the "agent joined" system message, with no gap.
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(reader.$messages.get().filter((m) => m.author.role === 'agent')).toHaveLength(119);
    expect(reader.$hasOlder.get()).toBe(false);
  });
});
