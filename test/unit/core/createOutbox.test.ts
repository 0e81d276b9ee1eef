import { afterEach, describe, expect, it } from 'vitest';
import { HttpError, NetworkError } from '../../../src/core/errors/index.js';
import { createMemoryStorage } from '../../../src/core/persistence/index.js';
import { settle } from '../support/settle.js';
import { createTestClient, destroyTestClients, transcript } from '../support/createTestClient.js';

afterEach(destroyTestClients);

const offline = () => new NetworkError('fake: offline');
const unavailable = () => new HttpError(503, undefined, 'fake: 503');

/** A started client whose session and live stream are up. */
async function onlineClient(setup: Parameters<typeof createTestClient>[0] = {}) {
  const t = createTestClient(setup);
  await t.client.start();
  await settle();
  return t;
}

describe('outbox delivery through createClient', () => {
  it('keeps a message typed offline pending and delivers it once when the backend is back', async () => {
    const { client, server, clock } = createTestClient();
    server.failWith(offline());
    await client.start();
    const message = client.send('Where is my order?');
    await clock.advance(5_000);

    expect(transcript(client)).toEqual(['Where is my order?:pending']);
    expect(server.messages).toHaveLength(0);

    server.recover();
    await clock.advance(30_000);

    expect(server.messages.map((m) => m.text)).toEqual(['Where is my order?']);
    expect(client.$messages.get()).toEqual([
      expect.objectContaining({ clientId: message.clientId, state: 'sent', seq: 1, id: 'msg_1' }),
    ]);
  });

  it('retries with the same clientId every time', async () => {
    const { client, server, clock } = await onlineClient();
    server.failNext('sendMessage', offline(), offline(), unavailable());
    const message = client.send('Hello');
    await clock.advance(60_000);

    const attempts = server.sendAttempts();
    expect(attempts).toHaveLength(4);
    expect(new Set(attempts)).toEqual(new Set([message.clientId]));
    expect(server.messages).toHaveLength(1);
    expect(transcript(client)).toEqual(['Hello:sent']);
  });

  it('treats a `duplicate: true` answer after a lost reply as delivered, not as a second message', async () => {
    const { client, server, clock } = await onlineClient();
    server.loseNextReplies(1);
    const message = client.send('Only once, please');
    await settle();
    expect(server.messages).toHaveLength(1);
    expect(client.$messages.get()[0]).toMatchObject({ clientId: message.clientId });

    await clock.advance(5_000);

    expect(server.sendAttempts()).toEqual([message.clientId, message.clientId]);
    expect(server.messages).toHaveLength(1);
    expect(client.$messages.get()).toEqual([expect.objectContaining({ id: 'msg_1', state: 'sent' })]);
    expect(client.$error.get()).toBeNull();
  });

  it('marks a message rejected with 400 as failed with the problem code, without retrying it', async () => {
    const { client, server, clock } = await onlineClient();
    const errors: string[] = [];
    client.on('error', (error) => errors.push(error.code));
    server.failNext('sendMessage', new HttpError(400, 'invalid_body', 'fake: bad body'));
    const message = client.send('rejected text');
    await clock.advance(60_000);

    expect(server.sendAttempts()).toEqual([message.clientId]);
    expect(client.$messages.get()[0]).toMatchObject({ state: 'failed', errorCode: 'invalid_body' });
    expect(client.$error.get()).toBeInstanceOf(HttpError);
    expect(errors).toEqual(['rejected']);
  });

  it('re-sends a failed message on retry() with the same clientId, once', async () => {
    const { client, server, clock } = await onlineClient();
    server.failNext('sendMessage', new HttpError(400, 'invalid_body', 'fake: bad body'));
    const message = client.send('second chance');
    await settle();

    client.retry(message.clientId);
    expect(client.$messages.get()[0]).toMatchObject({ state: 'pending' });
    expect(client.$messages.get()[0]?.errorCode).toBeUndefined();
    await clock.advance(1_000);

    expect(server.sendAttempts()).toEqual([message.clientId, message.clientId]);
    expect(server.messages.map((m) => m.clientId)).toEqual([message.clientId]);
    expect(transcript(client)).toEqual(['second chance:sent']);
  });

  it('delivers messages in the order they were sent, even after an outage', async () => {
    const { client, server, clock } = await onlineClient();
    server.failWith(offline());
    for (const text of ['one', 'two', 'three', 'four']) {
      client.send(text);
      await clock.advance(700);
    }
    expect(transcript(client)).toEqual(['one:pending', 'two:pending', 'three:pending', 'four:pending']);

    server.recover();
    await clock.advance(60_000);

    expect(server.messages.map((m) => `${m.seq}:${m.text}`)).toEqual(['1:one', '2:two', '3:three', '4:four']);
    expect(transcript(client)).toEqual(['one:sent', 'two:sent', 'three:sent', 'four:sent']);
  });

  it('gives up after 8 consecutive 503 answers and marks the message failed', async () => {
    const { client, server, clock } = await onlineClient();
    server.failNext('sendMessage', ...Array.from({ length: 20 }, unavailable));
    client.send('server is broken');

    // Backoff is jittered, so step a second at a time and look at the state after each attempt.
    for (let step = 0; step < 120 && server.sendAttempts().length < 7; step++) await clock.advance(1_000);
    expect(server.sendAttempts()).toHaveLength(7);
    expect(client.$messages.get()[0]).toMatchObject({ state: 'pending' });

    await clock.advance(15_000);
    expect(server.sendAttempts()).toHaveLength(8);
    expect(client.$messages.get()[0]).toMatchObject({ state: 'failed', errorCode: 'http' });

    await clock.advance(120_000);
    expect(server.sendAttempts()).toHaveLength(8);
  });

  it('does not count a long outage of timeouts against the 503 limit: the message is still delivered', async () => {
    const { client, server, clock } = await onlineClient();
    // Ten network failures (an outage), then two 503s while the backend restarts: 12 attempts,
    // but only two 5xx, so the message must not be given up on.
    server.failNext('sendMessage', ...Array.from({ length: 10 }, offline), unavailable(), unavailable());
    client.send('sent through an outage');
    await clock.advance(400_000);

    expect(server.sendAttempts()).toHaveLength(13);
    expect(transcript(client)).toEqual(['sent through an outage:sent']);
  });

  it('honours Retry-After on a 429 before trying again', async () => {
    const { client, server, clock } = await onlineClient();
    server.failNext('sendMessage', new HttpError(429, 'rate_limited', 'fake: slow down', { retryAfter: 20 }));
    client.send('patience');
    await clock.advance(19_000);
    expect(server.sendAttempts()).toHaveLength(1);
    await clock.advance(1_500);
    expect(server.sendAttempts()).toHaveLength(2);
    expect(transcript(client)).toEqual(['patience:sent']);
  });

  it('discard() removes a failed message from the list and from the saved outbox', async () => {
    const storage = createMemoryStorage();
    const { client, server, clock } = await onlineClient({ storage });
    server.failNext('sendMessage', new HttpError(400, 'invalid_body', 'fake: bad body'));
    const failed = client.send('drop me');
    await settle();
    expect(((await storage.get('outbox')) as { entries: unknown[] }).entries).toHaveLength(1);

    client.discard(failed.clientId);
    await settle();
    expect(client.$messages.get()).toEqual([]);
    expect(await storage.get('outbox')).toEqual({ v: 1, entries: [] });

    client.retry(failed.clientId);
    await clock.advance(10_000);
    expect(server.sendAttempts()).toEqual([failed.clientId]);
    expect(client.$messages.get()).toEqual([]);
  });

  it('creates the conversation once, even when several messages wait for it', async () => {
    const { client, server, clock } = await onlineClient();
    server.failNext('createConversation', offline());
    client.send('first');
    client.send('second');
    await clock.advance(10_000);

    const creates = server.calls.filter((c) => c.method === 'createConversation');
    const clientIds = new Set(creates.map((c) => (c.args[0] as { clientId: string }).clientId));
    expect(clientIds.size).toBe(1);
    expect(server.messages.map((m) => m.text)).toEqual(['first', 'second']);
  });
});
