import { afterEach, describe, expect, it } from 'vitest';
import { HttpError, NetworkError } from '../../../src/core/errors/index.js';
import type { PageContext } from '../../../src/core/protocol/index.js';
import { createWebStorage } from '../../../src/core/persistence/index.js';
import { createFakeServer } from '../support/createFakeServer.js';
import { createTestClient, destroyTestClients, transcript } from '../support/createTestClient.js';
import { settle } from '../support/settle.js';

afterEach(() => {
  destroyTestClients();
  localStorage.clear();
});

const methods = (server: ReturnType<typeof createFakeServer>) => server.calls.map((c) => c.method);
const pageContext: PageContext = { url: 'https://shop.example.com/cart', title: 'Cart' };

describe('createClient session lifecycle', () => {
  it('starts once however often start() is called', async () => {
    const { client, server } = createTestClient();
    await Promise.all([client.start(), client.start()]);
    await client.start();
    expect(methods(server).filter((m) => m === 'createSession')).toHaveLength(1);
    expect(client.$session.get()).toMatchObject({ status: 'ready', sessionId: 'ses_1', visitorId: 'vis_1' });
  });

  it('shows offline while the backend is unreachable and comes online by itself', async () => {
    const { client, server, clock } = createTestClient();
    server.failWith(new NetworkError('fake: offline'));
    await client.start();
    expect(client.$connection.get()).toBe('offline');
    expect(client.$error.get()?.code).toBe('network');

    server.recover();
    await clock.advance(5_000);
    expect(client.$session.get().status).toBe('ready');
    expect(client.$connection.get()).toBe('online');
    expect(client.$error.get()).toBeNull();
  });

  it('resumes the saved session on reload instead of creating a new visitor', async () => {
    const server = createFakeServer();
    const storage = createWebStorage(() => localStorage, 'parley:life', 'local');
    const first = createTestClient({ server, storage });
    await first.client.start();
    first.client.destroy();

    const second = createTestClient({ server, storage });
    await second.client.start();
    expect(second.client.$session.get().sessionId).toBe('ses_1');
    expect(server.token).toBe('tok_0000000000000001');
  });

  it('starts a fresh session when the saved token is refused, and still delivers the outbox', async () => {
    const server = createFakeServer();
    const storage = createWebStorage(() => localStorage, 'parley:life', 'local');
    const first = createTestClient({ server, storage });
    await first.client.start();
    await settle();
    server.failWith(new NetworkError('fake: offline'));
    first.client.send('sent before the token expired');
    await settle();
    first.client.destroy();

    server.recover();
    server.failNext('createSession', new HttpError(401, 'unauthorized', 'fake: token expired'));
    const second = createTestClient({ server, storage });
    await second.client.start();
    await second.clock.advance(5_000);

    expect(second.client.$session.get()).toMatchObject({ status: 'ready', sessionId: 'ses_2' });
    expect(server.messages.map((m) => m.text)).toEqual(['sent before the token expired']);
    expect(transcript(second.client)).toEqual(['sent before the token expired:sent']);
  });

  it('leaves nothing running after destroy(): no timers, no stream, no more updates', async () => {
    const { client, server, clock } = createTestClient();
    server.seedConversation();
    await client.start();
    await settle();
    client.setTyping(true);
    client.setDraft('typing…');
    server.failNext('sendMessage', new NetworkError('fake: offline'));
    client.send('retry me later');
    server.emit({ type: 'typing', conversationId: 'conv_1', author: { role: 'agent' }, typing: true });
    await settle();
    expect(clock.pending()).toBeGreaterThan(0);

    client.destroy();
    await settle();
    expect(clock.pending()).toBe(0);
    expect(server.openStreams).toBe(0);
    const before = client.$messages.get();
    server.post('agent', 'too late');
    expect(client.$messages.get()).toBe(before);
    await expect(client.start()).rejects.toMatchObject({ code: 'destroyed' });
  });
});

describe('createClient actions', () => {
  it('sends "typing" at most every 3 s and "stopped" after 4 s of quiet', async () => {
    const { client, server, clock } = createTestClient();
    server.seedConversation();
    await client.start();
    const typing = () => server.calls.filter((c) => c.method === 'sendTyping').map((c) => c.args[1]);

    client.setTyping(true);
    await clock.advance(1_000);
    client.setTyping(true);
    await clock.advance(1_000);
    client.setTyping(true);
    expect(typing()).toEqual([true]);
    await clock.advance(1_500);
    client.setTyping(true);
    expect(typing()).toEqual([true, true]);
    await clock.advance(4_000);
    expect(typing()).toEqual([true, true, false]);
  });

  it('attaches the page context at send time and the host’s slow context before the message leaves', async () => {
    let resolveEnrich!: (context: PageContext) => void;
    const { client, server } = createTestClient({
      getPageContext: () => pageContext,
      enrichContext: () => new Promise((resolve) => (resolveEnrich = resolve)),
    });
    await client.start();
    const message = client.send('what about my cart?');
    expect(message.context).toEqual(pageContext);
    await settle();
    expect(server.messages).toEqual([]);

    resolveEnrich({ ...pageContext, custom: { cartTotal: 99 } });
    await settle();
    expect(server.messages[0]?.context).toEqual({ ...pageContext, custom: { cartTotal: 99 } });
  });

  it('sends without the slow context, with a warning, when the host’s context callback rejects', async () => {
    const { client, server, warnings } = createTestClient({
      getPageContext: () => pageContext,
      enrichContext: () => Promise.reject(new Error('boom')),
    });
    await client.start();
    client.send('still goes out');
    await settle();
    expect(server.messages[0]?.context).toEqual(pageContext);
    expect(warnings).toEqual([expect.stringMatching(/getContext failed.*boom/)]);
  });

  it('clears the draft when a message is sent', async () => {
    const { client } = createTestClient();
    client.setDraft('hello');
    client.send('hello');
    expect(client.$draft.get()).toBe('');
  });

  it('pages in older history and reports the start of the conversation', async () => {
    const { client, server } = createTestClient();
    server.seedConversation();
    for (let i = 1; i <= 120; i++) server.post('agent', `old ${i}`);
    await client.start();
    await settle();
    expect(client.$messages.get()).toHaveLength(50);
    expect(client.$hasOlder.get()).toBe(true);

    expect(await client.loadOlder()).toBe(true);
    expect(client.$messages.get()).toHaveLength(100);
    expect(await client.loadOlder()).toBe(false);
    expect(client.$messages.get().map((m) => m.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(client.$hasOlder.get()).toBe(false);
  });

  it('tells the backend the new locale and reloads the configuration', async () => {
    const { client, server } = createTestClient();
    await client.start();
    await client.setLocale('ru');
    expect(client.$locale.get()).toBe('ru');
    expect(server.calls.filter((c) => c.method === 'updateSession').map((c) => c.args[0])).toEqual([{ locale: 'ru' }]);
    expect(server.calls.filter((c) => c.method === 'getConfig').map((c) => c.args[0])).toEqual(['en', 'ru']);
  });
});
