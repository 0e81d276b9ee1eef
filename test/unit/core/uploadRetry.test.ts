import { afterEach, describe, expect, it } from 'vitest';
import { createUploadQueue, type UploadItem } from '../../../src/core/attachments/index.js';
import { HttpError } from '../../../src/core/errors/index.js';
import { createTestClient, destroyTestClients } from '../support/createTestClient.js';

afterEach(destroyTestClients);

const busy = (retryAfter?: number) =>
  new HttpError(429, 'rate_limited', 'fake: too many uploads', retryAfter === undefined ? {} : { retryAfter });
const file = () => new File(['\x89PNG screenshot'], 'screenshot.png', { type: 'image/png' });

async function setup() {
  const t = createTestClient();
  await t.client.start();
  const queue = createUploadQueue(t.client, { clock: t.clock });
  const uploads = () => t.server.calls.filter((c) => c.method === 'upload').length;
  const item = (): UploadItem => queue.$items.get()[0]!;
  return { ...t, queue, uploads, item };
}

describe('an upload the server answers 429 (or 503 with Retry-After) to', () => {
  it('waits out Retry-After, showing that it waits, then uploads by itself', async () => {
    const { server, clock, queue, uploads, item } = await setup();
    server.failNext('upload', busy(5));

    queue.add([file()]);
    await clock.advance(0);
    expect(uploads()).toBe(1);
    expect(item()).toMatchObject({ state: 'waiting', retryAt: clock.now() + 5_000 });
    expect(item().problem).toBeUndefined();

    await clock.advance(4_900);
    expect(uploads()).toBe(1);
    expect(item().state).toBe('waiting');
    await clock.advance(200);
    expect(uploads()).toBe(2);
    expect(item()).toMatchObject({ state: 'done', attachment: { name: 'screenshot.png' } });
    expect(item().retryAt).toBeUndefined();
    expect(queue.take().map((a) => a.name)).toEqual(['screenshot.png']);
    queue.destroy();
  });

  it('gives up after three automatic retries and offers the manual retry', async () => {
    const { server, clock, queue, uploads, item } = await setup();
    server.failNext('upload', busy(2), new HttpError(503, 'internal', 'fake: maintenance', { retryAfter: 2 }), busy(), busy(2));

    queue.add([file()]);
    await clock.advance(60_000);
    expect(uploads()).toBe(4);
    expect(item()).toMatchObject({ state: 'failed', problem: 'failed' });
    expect(clock.pending()).toBe(0);

    queue.retry(item().id);
    await clock.advance(0);
    expect(uploads()).toBe(5);
    expect(item().state).toBe('done');
    queue.destroy();
  });

  it('stops waiting when the visitor cancels, and never uploads behind their back', async () => {
    const { server, clock, queue, uploads, item } = await setup();
    server.failNext('upload', busy(30));

    queue.add([file()]);
    await clock.advance(1_000);
    expect(item().state).toBe('waiting');
    queue.cancel(item().id);
    expect(item()).toMatchObject({ state: 'failed', problem: 'cancelled' });
    await clock.advance(60_000);
    expect(uploads()).toBe(1);
    expect(clock.pending()).toBe(0);
    queue.destroy();
  });

  it('still fails at once on a refusal that waiting cannot fix (413)', async () => {
    const { server, clock, queue, uploads, item } = await setup();
    server.failNext('upload', new HttpError(413, 'payload_too_large', 'fake: too big'));

    queue.add([file()]);
    await clock.advance(60_000);
    expect(uploads()).toBe(1);
    expect(item()).toMatchObject({ state: 'failed', problem: 'size' });
    queue.destroy();
  });

  it('fails at once on a 503 that does not say when to come back, leaving the retry to the visitor', async () => {
    const { server, clock, queue, uploads, item } = await setup();
    server.failNext('upload', new HttpError(503, 'internal', 'fake: down'));

    queue.add([file()]);
    await clock.advance(60_000);
    expect(uploads()).toBe(1);
    expect(item()).toMatchObject({ state: 'failed', problem: 'failed' });
    queue.destroy();
  });
});
