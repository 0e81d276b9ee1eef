import { afterEach, describe, expect, it } from 'vitest';
import { NetworkError } from '../../../src/core/errors/index.js';
import { createWebStorage, isQuotaError } from '../../../src/core/persistence/index.js';
import { createTestClient, destroyTestClients, transcript } from '../support/createTestClient.js';
import { createFakeServer } from '../support/createFakeServer.js';

afterEach(destroyTestClients);

const NS = 'parley:quota';

/**
 * A Web Storage area with a quota, as browsers enforce it: `setItem` throws a DOMException named
 * QuotaExceededError when everything stored (keys and values, in UTF-16 code units) would pass
 * `limit`. The limit can change mid-test, as when the visitor frees space.
 */
function quotaArea(limit: number) {
  const data = new Map<string, string>();
  const used = () => [...data].reduce((sum, [k, v]) => sum + k.length + v.length, 0);
  const area = {
    limit,
    rejected: 0,
    get length() {
      return data.size;
    },
    key: (index: number) => [...data.keys()][index] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    setItem(key: string, value: string) {
      const after = used() - (data.get(key)?.length ?? 0) - (data.has(key) ? key.length : 0) + key.length + value.length;
      if (after > area.limit) {
        area.rejected += 1;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      data.set(key, value);
    },
    removeItem: (key: string) => void data.delete(key),
    clear: () => data.clear(),
    /** What is saved under one of our keys, parsed. */
    saved: (key: string) => {
      const raw = data.get(`${NS}:${key}`);
      return raw === undefined ? undefined : (JSON.parse(raw) as Record<string, unknown>);
    },
  };
  return area;
}

function setupWithQuota(limit: number) {
  const area = quotaArea(limit);
  const server = createFakeServer();
  const test = createTestClient({ server, storage: createWebStorage(() => area as unknown as Storage, NS, 'local') });
  return { ...test, area };
}

const savedTexts = (area: ReturnType<typeof quotaArea>) =>
  ((area.saved('transcript')?.messages ?? []) as Array<{ text: string }>).map((m) => m.text);

describe('isQuotaError', () => {
  it('recognises the names and code browsers throw for a full quota, and nothing else', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'Error', code: 22 })).toBe(true);
    expect(isQuotaError(new DOMException('blocked', 'SecurityError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });
});

describe('a full storage quota', () => {
  it('evicts the oldest saved messages to make room and keeps the newest, without a notice', async () => {
    const { client, server, clock, area, warnings } = setupWithQuota(9_000);
    server.seedConversation();
    for (let i = 1; i <= 40; i++) server.post('agent', `Reply number ${i} about the deposit and its transaction hash`);
    await client.start();
    await clock.advance(1_000);

    expect(client.$messages.get()).toHaveLength(40);
    expect(area.rejected).toBeGreaterThan(0);
    const saved = savedTexts(area);
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.length).toBeLessThan(40);
    // The newest messages are the ones kept; older ones can be paged in from the server again.
    expect(saved.at(-1)).toBe('Reply number 40 about the deposit and its transaction hash');
    expect(area.saved('transcript')?.truncated).toBe(true);
    expect(client.$storage.get()?.full).toBeFalsy();
    expect(warnings).toEqual([]);
  });

  it('makes room for the outbox by evicting transcript messages, so a message typed offline survives a reload', async () => {
    const { client, server, clock, area } = setupWithQuota(12_000);
    server.seedConversation();
    for (let i = 1; i <= 30; i++) server.post('agent', `Reply number ${i} about the deposit and its transaction hash`);
    await client.start();
    await clock.advance(1_000);
    const before = savedTexts(area).length;
    // Fill the rest of the quota with another site's data, as a real device would be.
    let filler = 0;
    for (let size = 4_096; size >= 16; size = Math.floor(size / 2)) {
      try {
        for (;;) area.setItem(`other-site:${filler++}`, 'x'.repeat(size));
      } catch {
        // Full at this size: try a smaller piece.
      }
    }

    server.failWith(new NetworkError('fake: offline'));
    client.send('My deposit of 0.5 BTC has not arrived after two hours, the hash is in my wallet');
    await clock.advance(1_000);

    const outbox = area.saved('outbox')?.entries as Array<{ text: string }> | undefined;
    expect(outbox?.map((e) => e.text)).toEqual(['My deposit of 0.5 BTC has not arrived after two hours, the hash is in my wallet']);
    expect(savedTexts(area).length).toBeLessThan(before);
    expect(client.$storage.get()?.full).toBeFalsy();
  });

  it('keeps working from memory when nothing fits, says so in $storage, and warns once per key', async () => {
    const { client, server, clock, warnings } = setupWithQuota(0);
    await client.start();
    client.send('one');
    client.send('two');
    await clock.advance(1_000);
    server.post('agent', 'Hello! How can I help?');
    await clock.advance(1_000);

    // The outbox still delivers and replies still arrive: only saving is lost.
    expect(server.messages.map((m) => m.text)).toEqual(['one', 'two', 'Hello! How can I help?']);
    expect(transcript(client)).toEqual(['one:sent', 'two:sent', 'Hello! How can I help?:sent']);
    expect(client.$storage.get()).toMatchObject({ kind: 'local', durable: true, full: true });
    const outboxWarnings = warnings.filter((w) => w.includes('could not save outbox'));
    expect(outboxWarnings).toEqual([expect.stringMatching(/storage is full/)]);
  });

  it('takes the notice back once saving works again', async () => {
    const { client, clock, area } = setupWithQuota(0);
    await client.start();
    client.send('hello');
    await clock.advance(1_000);
    expect(client.$storage.get()?.full).toBe(true);

    area.limit = Number.POSITIVE_INFINITY;
    // clear() empties what is ours; every key that failed is written again by the next start.
    await client.clear();
    expect(client.$storage.get()?.full).toBe(false);
    await client.start();
    client.send('again');
    await clock.advance(1_000);
    expect(client.$storage.get()?.full).toBe(false);
    expect(area.saved('session')).toBeDefined();
  });

  it('does not call a blocked storage full', async () => {
    const storage = createWebStorage(
      () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      NS,
      'local',
    );
    const { client, clock } = createTestClient({ storage });
    await client.start();
    client.send('hello');
    await clock.advance(1_000);
    expect(client.$storage.get()?.full).toBeFalsy();
  });
});
