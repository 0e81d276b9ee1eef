import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebStorage, withConsent } from '../../../src/core/persistence/index.js';
import { createTestClient, destroyTestClients } from '../support/createTestClient.js';
import { settle } from '../support/settle.js';

const NS = 'parley:consent';
const device = () => createWebStorage(() => localStorage, NS, 'local');
const written = () => Object.keys(localStorage).filter((k) => k.startsWith(`${NS}:`)).sort();

beforeEach(() => localStorage.clear());
afterEach(destroyTestClients);

describe('withConsent', () => {
  it('writes nothing to the device before consent, yet reads back what was held', async () => {
    const storage = withConsent(device(), false);
    await storage.set('draft', { v: 1, text: 'hi' });
    await storage.set('locale', { v: 1, locale: 'ru' });

    expect(written()).toEqual([]);
    expect(storage.granted).toBe(false);
    expect(await storage.get('draft')).toEqual({ v: 1, text: 'hi' });
  });

  it('flushes held writes and removals on grant(), then writes straight through', async () => {
    localStorage.setItem(`${NS}:cursor`, JSON.stringify({ v: 1, lastEventId: '9' }));
    const storage = withConsent(device(), false);
    await storage.set('draft', { v: 1, text: 'first' });
    await storage.set('draft', { v: 1, text: 'latest' });
    await storage.remove('cursor');
    expect(await storage.get('cursor')).toBeUndefined();
    expect(localStorage.getItem(`${NS}:cursor`)).not.toBeNull();

    await storage.grant();
    expect(storage.granted).toBe(true);
    expect(JSON.parse(localStorage.getItem(`${NS}:draft`)!)).toEqual({ v: 1, text: 'latest' });
    expect(localStorage.getItem(`${NS}:cursor`)).toBeNull();

    await storage.set('locale', { v: 1, locale: 'de' });
    expect(JSON.parse(localStorage.getItem(`${NS}:locale`)!)).toEqual({ v: 1, locale: 'de' });
  });

  it('passes writes through at once when consent was already given', async () => {
    const storage = withConsent(device(), true);
    await storage.set('draft', { v: 1, text: 'now' });
    expect(written()).toEqual([`${NS}:draft`]);
  });

  it('clear() drops held values as well as what is on the device', async () => {
    localStorage.setItem(`${NS}:session`, JSON.stringify({ v: 1 }));
    const storage = withConsent(device(), false);
    await storage.set('draft', { v: 1, text: 'held' });
    await storage.clear();
    await storage.grant();
    expect(written()).toEqual([]);
    expect(await storage.get('draft')).toBeUndefined();
  });

  it('lets a whole client run without touching the device until consent, then saves its state', async () => {
    const storage = withConsent(device(), false);
    const { client, server, clock } = createTestClient({ storage });
    await client.start();
    await settle();
    client.send('hello before consent');
    await clock.advance(1_000);

    expect(server.messages.map((m) => m.text)).toEqual(['hello before consent']);
    expect(written()).toEqual([]);

    await storage.grant();
    expect(written()).toEqual(expect.arrayContaining([`${NS}:session`, `${NS}:transcript`, `${NS}:conversation`]));
    const saved = JSON.parse(localStorage.getItem(`${NS}:transcript`)!) as { messages: Array<{ text: string }> };
    expect(saved.messages.map((m) => m.text)).toEqual(['hello before consent']);
  });
});
