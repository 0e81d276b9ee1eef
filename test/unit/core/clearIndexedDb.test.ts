// `clear()` wipes every local trace: with IndexedDB that means the `parley` database itself,
// not an empty database left on the device. Every widget of an origin shares that database
// (each under its own namespace), so clearing one must not touch another's state, and the
// database goes only when the last namespace in it is cleared.
import { afterEach, describe, expect, it } from 'vitest';
import { createIndexedDbStorage } from '../../../src/core/persistence/index.js';
import { chooseStorage } from '../../../src/embed/chooseStorage.js';
import { createFakeIndexedDb, type FakeIndexedDb } from '../support/createFakeIndexedDb.js';
import { createTestClient, destroyTestClients } from '../support/createTestClient.js';
import { settle } from '../support/settle.js';

const SHOP = 'parley:example.com:shop';
const HELP = 'parley:example.com:help';

afterEach(destroyTestClients);

/** Every key in the `parley` database, or null when there is no such database. */
const keysIn = (idb: FakeIndexedDb) => {
  const store = idb.databases.get('parley')?.get('state');
  return store ? [...store.keys()].map(String).sort() : null;
};

async function seeded(idb: FakeIndexedDb, namespace: string) {
  const storage = createIndexedDbStorage(idb.factory, namespace);
  await storage.set('session', { v: 1, token: `tok-${namespace}` });
  await storage.set('transcript', { v: 1, messages: [{ text: 'hello' }] });
  await storage.set('locale', { v: 1, locale: 'ru' });
  return storage;
}

describe('IndexedDB clear() with one widget', () => {
  it('deletes the whole database, closing its connection first, and the storage still works afterwards', async () => {
    const idb = createFakeIndexedDb();
    const storage = await seeded(idb, SHOP);
    expect(keysIn(idb)).toEqual([`${SHOP}:locale`, `${SHOP}:session`, `${SHOP}:transcript`]);

    await storage.clear();

    expect(keysIn(idb)).toBeNull();
    expect(await idb.factory.databases()).toEqual([]);
    expect(idb.deletes).toEqual([{ name: 'parley', blocked: false, done: true }]);
    expect(idb.openConnections('parley')).toBe(0);
    // A read after clearing creates nothing; the next write makes a fresh database.
    expect(await storage.get('session')).toBeUndefined();
    expect(idb.databases.size).toBe(0);
    await storage.set('locale', { v: 1, locale: 'de' });
    expect(await storage.get('locale')).toEqual({ v: 1, locale: 'de' });
    expect(keysIn(idb)).toEqual([`${SHOP}:locale`]);
  });

  it('also removes keys of its namespace that the allow-list no longer names, so nothing blocks the delete', async () => {
    const idb = createFakeIndexedDb();
    const storage = await seeded(idb, SHOP);
    idb.databases.get('parley')!.get('state')!.set(`${SHOP}:legacyTranscript`, [{ text: 'old format' }]);

    await storage.clear();

    expect(keysIn(idb)).toBeNull();
  });

  it('creates no database when there is none to clear', async () => {
    const idb = createFakeIndexedDb();
    await createIndexedDbStorage(idb.factory, SHOP).clear();
    expect(idb.databases.size).toBe(0);
    expect(idb.opens.every((open) => !open.upgraded || open.aborted)).toBe(true);
    expect(idb.deletes).toEqual([]);
  });
});

describe('IndexedDB clear() with two widgets on one origin', () => {
  it("removes only its own keys while another widget's state is there, and the database goes with the last one", async () => {
    const idb = createFakeIndexedDb();
    const shop = await seeded(idb, SHOP);
    const help = await seeded(idb, HELP);
    // A namespace that merely starts with the same letters is someone else's.
    const shopEu = await seeded(idb, `${SHOP}-eu`);

    await shop.clear();

    expect(keysIn(idb)).toEqual([
      `${HELP}:locale`,
      `${HELP}:session`,
      `${HELP}:transcript`,
      `${SHOP}-eu:locale`,
      `${SHOP}-eu:session`,
      `${SHOP}-eu:transcript`,
    ]);
    expect(idb.deletes).toEqual([]);
    expect(await help.get('session')).toEqual({ v: 1, token: `tok-${HELP}` });
    expect(await shop.get('session')).toBeUndefined();

    await shopEu.clear();
    expect(idb.deletes).toEqual([]);
    await help.clear();
    expect(keysIn(idb)).toBeNull();
    expect(idb.deletes).toEqual([{ name: 'parley', blocked: false, done: true }]);
  });
});

describe('IndexedDB clear() with the database open in another tab', () => {
  it("is not blocked by the other tab's connection, and that tab reads nothing afterwards instead of failing", async () => {
    const idb = createFakeIndexedDb();
    const thisTab = await seeded(idb, SHOP);
    const otherTab = createIndexedDbStorage(idb.factory, SHOP);
    expect(await otherTab.get('locale')).toEqual({ v: 1, locale: 'ru' });
    expect(idb.openConnections('parley')).toBe(2);

    await thisTab.clear();

    expect(idb.deletes).toEqual([{ name: 'parley', blocked: false, done: true }]);
    expect(keysIn(idb)).toBeNull();
    // Its old connection was closed by `versionchange`; it opens afresh rather than throwing.
    expect(await otherTab.get('locale')).toBeUndefined();
    await otherTab.set('draft', { v: 1, text: 'still typing' });
    expect(await otherTab.get('draft')).toEqual({ v: 1, text: 'still typing' });
  });
});

describe('client.clear() over IndexedDB storage, as the widget wires it', () => {
  it('leaves no parley database on the device after a conversation', async () => {
    const idb = createFakeIndexedDb();
    const win = { localStorage, sessionStorage, indexedDB: idb.factory } as unknown as Window;
    const storage = chooseStorage(win, 'local', SHOP, (message) => {
      throw new Error(message);
    });
    const { client, clock, server } = createTestClient({ storage });
    await client.start();
    await settle();
    client.send('where is my order?');
    await clock.advance(2_000);
    expect(server.messages.map((m) => m.text)).toEqual(['where is my order?']);
    expect(keysIn(idb)).toEqual(expect.arrayContaining([`${SHOP}:session`, `${SHOP}:transcript`]));

    await client.clear();

    expect(storage.kind).toBe('indexeddb');
    expect(keysIn(idb)).toBeNull();
    expect(await idb.factory.databases()).toEqual([]);
    expect(localStorage.length).toBe(0);
  });
});
