import { afterEach, describe, expect, it } from 'vitest';
import { HttpError, NetworkError, ResponseError } from '../../../src/core/errors/index.js';
import { createTestClient, destroyTestClients, transcript } from '../support/createTestClient.js';

afterEach(destroyTestClients);

const invalidSession = () =>
  new ResponseError('session', [{ path: ['token'], message: 'Invalid input: expected string, received number', code: 'invalid_type' }]);
const sessionCalls = (t: ReturnType<typeof createTestClient>) => t.server.calls.filter((c) => c.method === 'createSession').length;

describe('session start after an invalid or failed reply', () => {
  it('shows the invalid reply while it retries, then recovers fully: ready, live, and the waiting message delivered', async () => {
    const t = createTestClient();
    const { client, server, clock } = t;
    server.failNext('createSession', invalidSession(), invalidSession(), invalidSession());

    await client.start();
    expect(client.$session.get().status).toBe('error');
    expect(client.$error.get()).toBeInstanceOf(ResponseError);
    expect(client.$error.get()?.code).toBe('invalid_response');
    // An invalid reply is not an outage: the widget does not claim to be offline.
    expect(client.$connection.get()).not.toBe('offline');

    const message = client.send('Is anyone there?');
    await clock.advance(1_000);
    // Still retrying, and still showing why.
    expect(sessionCalls(t)).toBeGreaterThan(1);
    expect(client.$session.get().status).toBe('error');
    expect(client.$error.get()?.code).toBe('invalid_response');
    expect(transcript(client)).toEqual(['Is anyone there?:pending']);

    await clock.advance(30_000);
    expect(sessionCalls(t)).toBe(4);
    expect(client.$session.get()).toMatchObject({ status: 'ready', sessionId: 'ses_1' });
    expect(client.$error.get()).toBeNull();
    expect(client.$connection.get()).toBe('online');
    expect(server.openStreams).toBe(1);
    expect(transcript(client)).toEqual(['Is anyone there?:sent']);
    expect(server.messages.map((m) => m.clientId)).toEqual([message.clientId]);
  });

  it('keeps retrying through a mix of invalid replies and outages', async () => {
    const t = createTestClient();
    const { client, server, clock } = t;
    server.failNext('createSession', invalidSession(), new NetworkError('fake: offline'), new HttpError(503, 'internal', 'fake: 503'));

    await client.start();
    await clock.advance(60_000);
    expect(sessionCalls(t)).toBe(4);
    expect(client.$session.get().status).toBe('ready');
    expect(client.$connection.get()).toBe('online');
    expect(client.$error.get()).toBeNull();
  });

  it('waits at least Retry-After before trying again after a 429 or 503, then starts normally', async () => {
    const t = createTestClient();
    const { client, server, clock } = t;
    server.failNext(
      'createSession',
      new HttpError(429, 'rate_limited', 'fake: too many sessions', { retryAfter: 7 }),
      new HttpError(503, 'internal', 'fake: maintenance', { retryAfter: 12 }),
    );

    await client.start();
    expect(client.$error.get()?.code).toBe('rate_limited');
    // The plain backoff (well under a second for a first retry) would have come back long before.
    await clock.advance(6_900);
    expect(sessionCalls(t)).toBe(1);
    await clock.advance(200);
    expect(sessionCalls(t)).toBe(2);
    await clock.advance(11_800);
    expect(sessionCalls(t)).toBe(2);
    await clock.advance(300);
    expect(sessionCalls(t)).toBe(3);
    expect(client.$session.get()).toMatchObject({ status: 'ready', sessionId: 'ses_1' });
    expect(client.$error.get()).toBeNull();
  });

  it('stops on a refusal that repeating cannot fix (403), keeping the error on screen', async () => {
    const t = createTestClient();
    const { client, server, clock } = t;
    server.failNext('createSession', new HttpError(403, 'identity_rejected', 'fake: identity rejected'));

    await client.start();
    await clock.advance(10 * 60_000);
    expect(sessionCalls(t)).toBe(1);
    expect(client.$session.get().status).toBe('error');
    expect(client.$error.get()).toMatchObject({ status: 403, problemCode: 'identity_rejected' });
    expect(clock.pending()).toBe(0);
  });

  it('stops retrying when destroyed', async () => {
    const t = createTestClient();
    const { client, server, clock } = t;
    server.failWith(invalidSession());

    await client.start();
    client.destroy();
    server.recover();
    await clock.advance(10 * 60_000);
    expect(sessionCalls(t)).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it('starting again (a new identity) replaces a pending retry instead of running beside it', async () => {
    const t = createTestClient();
    const { client, server, clock } = t;
    server.failNext('createSession', new NetworkError('fake: offline'));

    await client.start();
    expect(client.$connection.get()).toBe('offline');
    await client.identify({ userId: 'u_42', expires: 4_102_444_800, signature: 'ab'.repeat(32) });
    expect(client.$session.get().status).toBe('ready');
    await clock.advance(60_000);
    // The retry of the first start never fires: one failed call, one good one.
    expect(sessionCalls(t)).toBe(2);
    expect(client.$session.get()).toMatchObject({ status: 'ready', sessionId: 'ses_1' });
  });
});
