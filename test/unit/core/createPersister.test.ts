import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boundTranscript } from '../../../src/core/client/createPersister.js';
import { NetworkError } from '../../../src/core/errors/index.js';
import { createWebStorage } from '../../../src/core/persistence/index.js';
import { createFakeServer } from '../support/createFakeServer.js';
import { createManualClock } from '../support/createManualClock.js';
import { createTestClient, destroyTestClients, transcript } from '../support/createTestClient.js';
import { pending, sent } from '../support/fixtures.js';
import { settle } from '../support/settle.js';

const NS = 'parley:test';
const webStorage = () => createWebStorage(() => localStorage, NS, 'local');
const ourKeys = () => Object.keys(localStorage).filter((k) => k.startsWith(`${NS}:`)).sort();

beforeEach(() => localStorage.clear());
afterEach(destroyTestClients);

/** A visit that ends with one delivered message and one still waiting in the outbox. */
async function firstVisit() {
  const first = createTestClient({ storage: webStorage() });
  await first.client.start();
  await settle();
  first.client.send('delivered');
  await settle();
  first.server.failWith(new NetworkError('fake: offline'));
  first.client.send('still waiting');
  await first.clock.advance(1_000);
  first.client.destroy();
  return first;
}

describe('reload from storage', () => {
  it('shows the transcript and pending messages before any network call answers', async () => {
    await firstVisit();

    const server = createFakeServer();
    server.hang();
    const second = createTestClient({ server, storage: webStorage() });
    void second.client.start();
    await settle();

    expect(server.calls.map((c) => c.method)).toContain('createSession');
    expect(transcript(second.client)).toEqual(['delivered:sent', 'still waiting:pending']);
    expect(second.client.$conversation.get()?.id).toBe('conv_1');
    expect(second.warnings).toEqual([]);
  });

  it('delivers the restored pending message with its original clientId', async () => {
    const first = await firstVisit();
    const waiting = first.client.$messages.get().find((m) => m.text === 'still waiting')!;

    const second = createTestClient({ server: first.server, storage: webStorage() });
    first.server.recover();
    await second.client.start();
    await second.clock.advance(1_000);

    expect(first.server.messages.map((m) => m.clientId)).toEqual([expect.any(String), waiting.clientId]);
    expect(transcript(second.client)).toEqual(['delivered:sent', 'still waiting:sent']);
  });

  it('keeps the draft the visitor was typing', async () => {
    const first = createTestClient({ storage: webStorage() });
    await first.client.start();
    first.client.setDraft('half a sent');
    await first.clock.advance(1_000);
    first.client.destroy();

    const second = createTestClient({ storage: webStorage() });
    second.server.hang();
    void second.client.start();
    await settle();
    expect(second.client.$draft.get()).toBe('half a sent');
  });

  it('remembers what the visitor has read, so a reload does not bring the unread badge back', async () => {
    const server = createFakeServer();
    const first = createTestClient({ server, storage: webStorage() });
    server.seedConversation();
    await first.client.start();
    await settle();
    server.post('agent', 'Your order has shipped');
    server.post('agent', 'Anything else?');
    first.client.markRead();
    await first.clock.advance(1_000);
    expect(first.client.$unread.get()).toBe(0);
    first.client.destroy();

    server.hang();
    const second = createTestClient({ server, storage: webStorage() });
    void second.client.start();
    await settle();
    expect(transcript(second.client)).toHaveLength(2);
    expect(second.client.$unread.get()).toBe(0);
  });
});

describe('damaged saved state', () => {
  it('discards a transcript that is not JSON with a warning, and still starts', async () => {
    localStorage.setItem(`${NS}:transcript`, '{"v":1,"messages":[');
    const { client, warnings } = createTestClient({ storage: webStorage() });
    await client.start();

    expect(client.$session.get().status).toBe('ready');
    expect(warnings).toEqual([expect.stringMatching(/saved transcript/)]);
    expect(client.$messages.get()).toEqual([]);
  });

  it('removes an unreadable value, so the same warning does not come back on every page load', async () => {
    localStorage.setItem(`${NS}:draft`, 'not json at all');
    const first = createTestClient({ storage: webStorage() });
    await first.client.start();
    first.client.destroy();
    expect(first.warnings).toHaveLength(1);

    const second = createTestClient({ storage: webStorage() });
    await second.client.start();
    expect(second.warnings).toEqual([]);
  });

  it('discards state written by another version with a warning and removes it', async () => {
    localStorage.setItem(`${NS}:outbox`, JSON.stringify({ v: 0, entries: [{ clientId: 'old', text: 'x' }] }));
    const { client, warnings, server } = createTestClient({ storage: webStorage() });
    await client.start();
    await settle();

    expect(warnings).toEqual([expect.stringMatching(/saved outbox is corrupt or from an older version; it was discarded/)]);
    expect(localStorage.getItem(`${NS}:outbox`)).toBeNull();
    expect(server.sendAttempts()).toEqual([]);
    expect(client.$session.get().status).toBe('ready');
  });
});

describe('boundTranscript', () => {
  const ten = Array.from({ length: 10 }, (_, i) => sent(i + 1));

  it('keeps everything and reports nothing truncated when under both caps', () => {
    expect(boundTranscript(ten, 100, 1_000_000, false)).toEqual({ messages: ten, truncated: false });
  });

  it('keeps the newest messages within the message cap and reports truncation', () => {
    const { messages, truncated } = boundTranscript(ten, 3, 1_000_000, false);
    expect(messages.map((m) => m.seq)).toEqual([8, 9, 10]);
    expect(truncated).toBe(true);
  });

  it('keeps the newest messages within the byte cap', () => {
    const newestFour = ten.slice(-4).reduce((sum, m) => sum + JSON.stringify(m).length, 0);
    const fits = boundTranscript(ten, 100, newestFour, false);
    expect(fits.messages.map((m) => m.seq)).toEqual([7, 8, 9, 10]);
    expect(fits.truncated).toBe(true);
    expect(boundTranscript(ten, 100, newestFour - 1, false).messages.map((m) => m.seq)).toEqual([8, 9, 10]);
  });

  it('keeps pending messages at the end, since they are the newest', () => {
    const list = [...ten, pending('m_waiting', 0)];
    expect(boundTranscript(list, 2, 1_000_000, false).messages.map((m) => m.clientId)).toEqual(['srv_client_10', 'm_waiting']);
  });

  it('does not save a reply that is still streaming', () => {
    const list = [sent(1), sent(2, { role: 'bot', text: 'Half a rep', streaming: true })];
    expect(boundTranscript(list, 100, 1_000_000, false)).toEqual({ messages: [list[0]], truncated: false });
  });

  it('reports truncated when older history was already left on the server', () => {
    expect(boundTranscript(ten, 100, 1_000_000, true).truncated).toBe(true);
  });
});

describe('clear()', () => {
  it('wipes every key of its namespace and nothing else', async () => {
    localStorage.setItem('other-app:session', 'keep me');
    const { client, clock } = createTestClient({ storage: webStorage() });
    await client.start();
    await settle();
    client.send('hello');
    client.setDraft('more');
    await client.setLocale('ru');
    await clock.advance(2_000);
    expect(ourKeys()).toEqual(
      ['config', 'conversation', 'cursor', 'draft', 'locale', 'outbox', 'session', 'transcript'].map((k) => `${NS}:${k}`),
    );

    await client.clear();
    expect(ourKeys()).toEqual([]);
    await clock.advance(5_000);
    expect(ourKeys()).toEqual([]);
    expect(localStorage.getItem('other-app:session')).toBe('keep me');
  });

  it('ends the server session and leaves an empty, signed-out client', async () => {
    const { client, server } = createTestClient({ storage: webStorage() });
    await client.start();
    await settle();
    client.send('bye');
    await settle();
    await client.clear();

    expect(server.calls.map((c) => c.method)).toContain('endSession');
    expect(client.$messages.get()).toEqual([]);
    expect(client.$conversation.get()).toBeNull();
    expect(client.$session.get()).toMatchObject({ status: 'ended', sessionId: null });
  });

  it('can start again afterwards and deliver new messages', async () => {
    const { client, server, clock } = createTestClient({ storage: webStorage() });
    await client.start();
    await settle();
    await client.clear();

    await client.start();
    client.send('a fresh start');
    await clock.advance(5_000);

    expect(client.$session.get().status).toBe('ready');
    expect(server.messages.map((m) => m.text)).toEqual(['a fresh start']);
    expect(transcript(client)).toEqual(['a fresh start:sent']);
  });
});

describe('storage that fails', () => {
  it('warns once per key and keeps working from memory', async () => {
    const storage = webStorage();
    const full = { ...storage, set: () => Promise.reject(new Error('QuotaExceededError')) };
    const { client, server, clock, warnings } = createTestClient({ storage: full, clock: createManualClock() });
    await client.start();
    client.send('one');
    client.send('two');
    await clock.advance(1_000);

    expect(server.messages.map((m) => m.text)).toEqual(['one', 'two']);
    const outboxWarnings = warnings.filter((w) => w.includes('could not save outbox'));
    expect(outboxWarnings).toHaveLength(1);
  });
});

describe('writing off the critical path', () => {
  /** A manual clock whose frames are painted only when the test says so (`idle()`). */
  function idleClock() {
    const clock = createManualClock();
    const waiting: Array<() => void> = [];
    return Object.assign(clock, {
      afterPaint(fn: () => void) {
        waiting.push(fn);
        return () => waiting.splice(waiting.indexOf(fn) >>> 0, 1);
      },
      async idle() {
        await clock.advance(0);
        for (const fn of waiting.splice(0)) fn();
        await clock.advance(0);
      },
    });
  }
  const savedTexts = () => ((JSON.parse(localStorage.getItem(`${NS}:transcript`) ?? '{"messages":[]}') as { messages: Array<{ text: string }> }).messages).map((m) => m.text);
  const savedOutbox = () => ((JSON.parse(localStorage.getItem(`${NS}:outbox`) ?? '{"entries":[]}') as { entries: Array<{ text: string }> }).entries).map((e) => e.text);

  it('saves the outbox at once, and sends and saves the transcript only once the message is painted', async () => {
    const clock = idleClock();
    const { client, server } = createTestClient({ storage: webStorage(), clock });
    const starting = client.start();
    await clock.idle();
    await starting;
    await clock.idle();

    client.send('hello');
    await settle();
    expect(savedOutbox()).toEqual(['hello']);
    expect(transcript(client)).toEqual(['hello:pending']);
    // The request waits for the frame that shows the message.
    expect(server.sendAttempts()).toEqual([]);

    await clock.idle();
    expect(server.messages.map((m) => m.text)).toEqual(['hello']);
    expect(transcript(client)).toEqual(['hello:sent']);
    expect(savedTexts()).toEqual([]);
    await clock.idle();
    expect(savedTexts()).toEqual(['hello']);
    expect(savedOutbox()).toEqual([]);
  });

  it('writes a reply once it is painted, and streaming text only once it settles', async () => {
    const clock = idleClock();
    const server = createFakeServer();
    server.seedConversation();
    const { client } = createTestClient({ storage: webStorage(), clock, server });
    const starting = client.start();
    await clock.idle();
    await starting;
    await clock.idle();

    server.post('agent', 'Which network did you use?');
    await settle();
    expect(savedTexts()).toEqual([]);
    await clock.idle();
    expect(savedTexts()).toEqual(['Which network did you use?']);

    const streamed = server.post('bot', 'TRC', { streaming: true });
    server.emit({ type: 'message.delta', conversationId: 'conv_1', messageId: streamed.id, offset: 3, delta: '-20' });
    await clock.idle();
    // A reply still streaming is not saved, and its growth waits for the stream to settle.
    expect(savedTexts()).toEqual(['Which network did you use?']);
    server.emit({ type: 'message.updated', conversationId: 'conv_1', message: { ...streamed, text: 'TRC-20', streaming: false } });
    await clock.idle();
    expect(savedTexts()).toEqual(['Which network did you use?', 'TRC-20']);
  });
});
