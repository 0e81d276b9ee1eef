import { afterEach, describe, expect, it } from 'vitest';
import { ResponseError } from '../../../src/core/errors/index.js';
import type { Conversation, Message, ServerEvent } from '../../../src/core/protocol/index.js';
import { createTestClient, destroyTestClients, transcript } from '../support/createTestClient.js';
import { makeMessage } from '../support/fixtures.js';
import { settle } from '../support/settle.js';

afterEach(destroyTestClients);

/** A client in a live conversation that already has one visitor message (seq 1). */
async function inConversation() {
  const t = createTestClient();
  t.server.seedConversation();
  await t.client.start();
  await settle();
  t.client.send('I need help');
  await settle();
  expect(t.server.openStreams).toBe(1);
  return t;
}

const created = (message: Message): ServerEvent => ({ type: 'message.created', conversationId: 'conv_1', message });

describe('live events', () => {
  it('adds an agent message once, even when the event is replayed after a reconnect', async () => {
    const { client, server } = await inConversation();
    const heard: string[] = [];
    client.on('message', (m) => heard.push(m.text));

    const reply = server.post('agent', 'Hi, I am Anna');
    server.replay(created(reply), '99');
    await settle();

    expect(transcript(client)).toEqual(['I need help:sent', 'Hi, I am Anna:sent']);
    expect(heard).toEqual(['Hi, I am Anna']);
    expect(client.$conversation.get()?.lastSeq).toBe(2);
  });

  it('shows the typing indicator, then clears it when typing stops', async () => {
    const { client, server } = await inConversation();
    const anna = { role: 'agent' as const, name: 'Anna' };
    server.emit({ type: 'typing', conversationId: 'conv_1', author: anna, typing: true });
    expect(client.$typing.get()).toEqual(anna);

    server.emit({ type: 'typing', conversationId: 'conv_1', author: anna, typing: false });
    expect(client.$typing.get()).toBeNull();
  });

  it('clears a typing indicator whose "stopped" event never came, and when the reply arrives', async () => {
    const { client, server, clock } = await inConversation();
    const anna = { role: 'agent' as const, name: 'Anna' };
    server.emit({ type: 'typing', conversationId: 'conv_1', author: anna, typing: true });
    await clock.advance(7_000);
    expect(client.$typing.get()).toEqual(anna);
    await clock.advance(2_000);
    expect(client.$typing.get()).toBeNull();

    server.emit({ type: 'typing', conversationId: 'conv_1', author: anna, typing: true });
    server.post('agent', 'Here you go');
    expect(client.$typing.get()).toBeNull();
  });

  it('ignores the visitor’s own typing echoed back', async () => {
    const { client, server } = await inConversation();
    server.emit({ type: 'typing', conversationId: 'conv_1', author: { role: 'visitor' }, typing: true });
    expect(client.$typing.get()).toBeNull();
  });

  it('sets ratingRequested and tells listeners when the desk asks for a rating', async () => {
    const { client, server } = await inConversation();
    const asked: Conversation[] = [];
    client.on('ratingRequested', (c) => asked.push(c));
    server.emit({ type: 'rating.requested', conversationId: 'conv_1' });

    expect(client.$conversation.get()?.ratingRequested).toBe(true);
    expect(asked).toHaveLength(1);
  });

  it('updates the conversation status', async () => {
    const { client, server } = await inConversation();
    const statuses: string[] = [];
    client.on('status', (c) => statuses.push(c.status));
    const resolved = { ...server.conversation!, status: 'resolved' as const };
    server.emit({ type: 'conversation.status', conversationId: 'conv_1', status: 'resolved', conversation: resolved });

    expect(client.$conversation.get()?.status).toBe('resolved');
    expect(statuses).toEqual(['resolved']);
  });

  it('shows who joined when an agent takes over', async () => {
    const { client, server } = await inConversation();
    const anna = { role: 'agent' as const, name: 'Anna' };
    server.emit({ type: 'agent.joined', conversationId: 'conv_1', agent: anna });
    expect(client.$conversation.get()).toMatchObject({ assignee: anna, handler: 'human' });
  });

  it('ignores events of another conversation', async () => {
    const { client, server } = await inConversation();
    server.emit({ type: 'rating.requested', conversationId: 'conv_other' });
    server.emit({ type: 'message.created', conversationId: 'conv_other', message: makeMessage(5, { conversationId: 'conv_other' }) });
    expect(client.$conversation.get()?.ratingRequested).toBeUndefined();
    expect(transcript(client)).toEqual(['I need help:sent']);
  });
});

describe('streamed bot replies', () => {
  it('grows the text with each delta, skips replayed text and settles on the final message', async () => {
    const { client, server } = await inConversation();
    const bot = server.post('bot', 'Hel', { streaming: true });
    const delta = (offset: number, text: string) =>
      server.emit({ type: 'message.delta', conversationId: 'conv_1', messageId: bot.id, offset, delta: text });
    const botText = () => client.$messages.get().find((m) => m.id === bot.id)?.text;

    delta(3, 'lo');
    expect(botText()).toBe('Hello');
    delta(3, 'lo, wor');
    expect(botText()).toBe('Hello, wor');
    delta(0, 'Hel');
    expect(botText()).toBe('Hello, wor');

    server.emit({ type: 'message.updated', conversationId: 'conv_1', message: { ...bot, text: 'Hello, world!', streaming: false } });
    expect(client.$messages.get().find((m) => m.id === bot.id)).toMatchObject({ text: 'Hello, world!', streaming: false });
  });

  it('refetches history instead of showing text with a hole when a delta was missed', async () => {
    const { client, server } = await inConversation();
    const bot = server.post('bot', 'Hel', { streaming: true });
    const before = server.calls.filter((c) => c.method === 'listMessages').length;

    server.emit({ type: 'message.delta', conversationId: 'conv_1', messageId: bot.id, offset: 20, delta: 'tail' });
    await settle();

    expect(client.$messages.get().find((m) => m.id === bot.id)?.text).toBe('Hel');
    expect(server.calls.filter((c) => c.method === 'listMessages').length).toBeGreaterThan(before);
  });
});

describe('unread count', () => {
  it('counts agent and bot messages after the read position, and markRead() zeroes it', async () => {
    const { client, server } = await inConversation();
    server.post('agent', 'one');
    server.post('bot', 'two');
    server.post('system', 'Anna joined');
    client.send('my own reply');
    await settle();
    server.post('agent', 'three');
    expect(client.$unread.get()).toBe(3);

    client.markRead();
    await settle();
    expect(client.$unread.get()).toBe(0);
    expect(server.calls.filter((c) => c.method === 'markRead').map((c) => c.args[1])).toEqual([6]);
    expect(server.conversation?.visitorReadSeq).toBe(6);
  });

  it('follows a read receipt from the visitor’s other tab', async () => {
    const { client, server } = await inConversation();
    server.post('agent', 'a');
    server.post('agent', 'b');
    expect(client.$unread.get()).toBe(2);
    server.emit({ type: 'read', conversationId: 'conv_1', reader: 'visitor', seq: 2 });
    expect(client.$unread.get()).toBe(1);
  });
});

describe('invalid frames', () => {
  it('reports an invalid frame in $error as a ResponseError, and later events still apply', async () => {
    const { client, server } = await inConversation();
    const errors: unknown[] = [];
    client.on('error', (e) => errors.push(e));
    server.emitInvalid(new ResponseError('live event', [{ path: ['type'], message: 'Invalid input', code: 'invalid_union' }]));

    expect(client.$error.get()).toBeInstanceOf(ResponseError);
    expect(client.$error.get()?.code).toBe('invalid_response');
    expect(errors).toHaveLength(1);

    server.post('agent', 'still here');
    expect(transcript(client)).toEqual(['I need help:sent', 'still here:sent']);
  });
});

describe('resuming the stream', () => {
  it('reconnects after the server closes the stream, asking for events after the last id it saw', async () => {
    const { client, server, clock } = await inConversation();
    server.post('agent', 'before the cut');
    server.closeStreams();
    await settle();
    expect(client.$connection.get()).toBe('offline');

    await clock.advance(1_000);
    const opens = server.calls.filter((c) => c.method === 'openEvents').map((c) => c.args[0]);
    expect(opens.at(-1)).toEqual({ lastEventId: '2' });
    expect(client.$connection.get()).toBe('online');
  });
});

describe('the conversation list and live status', () => {
  it('keeps a status that changed live while the list was loading, instead of the older one in the reply', async () => {
    const { client, server } = await inConversation();
    const open = { ...server.conversation!, status: 'open' as const, updatedAt: '2026-01-01T10:00:00.000Z' };
    // The list request is answered with what the server had before the desk changed the status.
    let answer: (list: Conversation[]) => void = () => {};
    server.transport.listConversations = () => new Promise((resolve) => (answer = resolve));
    const loading = client.loadConversations();

    const pending = { ...open, status: 'pending' as const, updatedAt: '2026-01-01T10:00:05.000Z' };
    server.emit({ type: 'conversation.status', conversationId: open.id, status: 'pending', conversation: pending });
    answer([open]);
    await loading;

    expect(client.$conversations.get().map((c) => c.status)).toEqual(['pending']);
  });
});
