import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIndexedDbStorage, withConsent } from '../../../src/core/persistence/index.js';
import { chooseStorage } from '../../../src/embed/chooseStorage.js';
import { createFakeIndexedDb, type FakeIndexedDb } from '../support/createFakeIndexedDb.js';
import { createTestClient, destroyTestClients } from '../support/createTestClient.js';
import { settle } from '../support/settle.js';

// `consent: 'required'` as createWidget wires it: withConsent over chooseStorage. Before consent
// nothing may be written to the device, not even for a moment: the fallback storage's probe used
// to write and remove a `cursor` key on the first read, and to create the `parley` database.
const NS = 'parley:example.com:consent';

/** localStorage that logs every write, so a write undone at once is still seen. */
function recorded(area: Storage) {
  const writes: string[] = [];
  const wrapper = {
    getItem: (key: string) => area.getItem(key),
    setItem: (key: string, value: string) => (writes.push(`set ${key}`), area.setItem(key, value)),
    removeItem: (key: string) => (area.getItem(key) !== null && writes.push(`remove ${key}`), area.removeItem(key)),
    get length() {
      return area.length;
    },
  };
  return { area: wrapper as unknown as Storage, writes };
}

function browser(options: { indexedDb?: FakeIndexedDb } = {}) {
  const local = recorded(localStorage);
  const win = { localStorage: local.area, sessionStorage, indexedDB: options.indexedDb?.factory } as unknown as Window;
  return { win, writes: local.writes };
}

const warnings: string[] = [];
const warn = (message: string) => warnings.push(message);

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  warnings.length = 0;
});
afterEach(destroyTestClients);

describe("consent: 'required' writes nothing to the device before consent", () => {
  it('with IndexedDB: starting, reading state and chatting neither create the database nor touch localStorage; grant() saves', async () => {
    const idb = createFakeIndexedDb();
    const { win, writes } = browser({ indexedDb: idb });
    const storage = withConsent(chooseStorage(win, 'local', NS, warn), false);
    const { client, server, clock } = createTestClient({ storage });
    await client.start();
    await settle();
    client.send('hello before consent');
    await clock.advance(1_000);

    expect(server.messages.map((m) => m.text)).toEqual(['hello before consent']);
    expect(localStorage.length).toBe(0);
    expect(writes).toEqual([]);
    // Reads may look for a database, but an open that would create one is aborted.
    expect(idb.databases.size).toBe(0);
    expect(idb.opens.every((open) => !open.upgraded || open.aborted)).toBe(true);
    // Before consent the widget still counts as durable (it will be, once allowed).
    expect(client.$storage.get()).toMatchObject({ kind: 'indexeddb', durable: true });

    await storage.grant();
    await settle();
    const saved = [...(idb.databases.get('parley')?.get('state')?.keys() ?? [])];
    expect(saved).toEqual(expect.arrayContaining([`${NS}:session`, `${NS}:transcript`, `${NS}:conversation`]));
    expect(localStorage.length).toBe(0);
    expect(warnings).toEqual([]);
  });

  it('with localStorage only: the first read probes without writing; grant() saves the conversation', async () => {
    const { win, writes } = browser();
    const storage = withConsent(chooseStorage(win, 'local', NS, warn), false);
    const { client, clock } = createTestClient({ storage });
    await client.start();
    await settle();
    client.send('hello');
    await client.setLocale('ru');
    await clock.advance(1_000);

    expect(writes).toEqual([]);
    expect(localStorage.length).toBe(0);

    await storage.grant();
    expect(Object.keys(localStorage)).toEqual(expect.arrayContaining([`${NS}:session`, `${NS}:transcript`, `${NS}:locale`]));
    expect(JSON.parse(localStorage.getItem(`${NS}:locale`)!)).toMatchObject({ locale: 'ru' });
    // Later writes go straight through.
    client.$draft.set('typed after consent');
    await clock.advance(1_000);
    expect(JSON.parse(localStorage.getItem(`${NS}:draft`)!)).toMatchObject({ text: 'typed after consent' });
  });

  it('still reads what a returning visitor saved before, without writing', async () => {
    localStorage.setItem(`${NS}:locale`, JSON.stringify({ v: 1, locale: 'de' }));
    localStorage.setItem(`${NS}:draft`, JSON.stringify({ v: 1, text: 'half-typed' }));
    const { win, writes } = browser();
    const { client } = createTestClient({ storage: withConsent(chooseStorage(win, 'local', NS, warn), false) });
    await client.start();
    await settle();

    expect(client.$locale.get()).toBe('de');
    expect(client.$draft.get()).toBe('half-typed');
    expect(writes).toEqual([]);
  });

  it('clear() before consent removes saved state but creates nothing', async () => {
    const idb = createFakeIndexedDb();
    const { win } = browser({ indexedDb: idb });
    const storage = withConsent(chooseStorage(win, 'local', NS, warn), false);
    const { client } = createTestClient({ storage });
    await client.start();
    await settle();
    await client.clear();

    expect(idb.databases.size).toBe(0);
    expect(localStorage.length).toBe(0);
  });
});

describe('createIndexedDbStorage', () => {
  it('reads and deletes never create the database; the first write does', async () => {
    const idb = createFakeIndexedDb();
    const storage = createIndexedDbStorage(idb.factory, NS);
    expect(await storage.get('session')).toBeUndefined();
    await storage.remove('draft');
    await storage.clear();
    expect(idb.databases.size).toBe(0);

    await storage.set('draft', { v: 1, text: 'hi' });
    expect([...idb.databases.keys()]).toEqual(['parley']);
    expect(await storage.get('draft')).toEqual({ v: 1, text: 'hi' });
    await storage.remove('draft');
    expect(await storage.get('draft')).toBeUndefined();
  });

  it('reads a database that exists without upgrading it', async () => {
    const idb = createFakeIndexedDb();
    await createIndexedDbStorage(idb.factory, NS).set('locale', { v: 1, locale: 'uk' });
    const opensBefore = idb.opens.length;

    const later = createIndexedDbStorage(idb.factory, NS);
    expect(await later.get('locale')).toEqual({ v: 1, locale: 'uk' });
    expect(idb.opens.slice(opensBefore).map((open) => open.upgraded)).toEqual([false]);
  });
});
