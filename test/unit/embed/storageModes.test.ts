import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseStorage } from '../../../src/embed/chooseStorage.js';
import { createWidget } from '../../../src/embed/createWidget.js';
import type { StorageMode } from '../../../src/embed/widgetOptions.js';
import { createFakeIndexedDb, type FakeIndexedDb } from '../support/createFakeIndexedDb.js';
import { createFakeServer, type FakeServer } from '../support/createFakeServer.js';
import { createTestClient, destroyTestClients } from '../support/createTestClient.js';
import { settle } from '../support/settle.js';

// What each `storage` mode keeps, through chooseStorage as createWidget uses it. A "new session"
// is a new sessionStorage (a new tab or a browser restart); localStorage and IndexedDB stay.
const NS = 'parley:example.com:modes';

let idb: FakeIndexedDb;
// One backend for every visit of a test, as a reload talks to the same server.
let server: FakeServer;
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  idb = createFakeIndexedDb();
  server = createFakeServer();
});
afterEach(destroyTestClients);

const browser = (session: Storage = sessionStorage) =>
  ({ localStorage, sessionStorage: session, indexedDB: idb.factory }) as unknown as Window;

/** A visit: start, chat, pick a language, then leave; returns what the next visit sees. */
async function visit(win: Window, mode: StorageMode) {
  const storage = chooseStorage(win, mode, NS, (message) => {
    throw new Error(message);
  });
  // What the last visit left (the shared fake backend would hand any new session the conversation).
  const saved = (await storage.get('session')) !== undefined;
  const { client, clock } = createTestClient({ server, storage, fallbackLocale: 'en' });
  await client.start();
  await settle();
  const seen = { saved, locale: client.$locale.get(), messages: client.$messages.get().map((m) => m.text) };
  if (!seen.messages.length) client.send('hello');
  await client.setLocale('ru');
  await clock.advance(2_000);
  client.destroy();
  return { seen, storage };
}

/** A sessionStorage of a new browser session: empty. */
function newSession(): Storage {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, String(value)),
    removeItem: (key: string) => void data.delete(key),
    clear: () => data.clear(),
    key: (index: number) => [...data.keys()][index] ?? null,
    get length() {
      return data.size;
    },
  };
}

describe("storage: 'session'", () => {
  it('keeps the conversation in sessionStorage for this session only, and nothing in localStorage or IndexedDB', async () => {
    const first = await visit(browser(), 'session');
    expect([first.storage.kind, first.storage.durable]).toEqual(['session', true]);
    expect(Object.keys(sessionStorage)).toEqual(expect.arrayContaining([`${NS}:session`, `${NS}:transcript`, `${NS}:locale`]));
    expect(localStorage.length).toBe(0);
    expect(idb.opens).toEqual([]);

    // A reload in the same session restores it.
    const reload = await visit(browser(), 'session');
    expect(reload.seen).toEqual({ saved: true, locale: 'ru', messages: ['hello'] });

    // A new session starts empty.
    const later = await visit(browser(newSession()), 'session');
    expect(later.seen).toMatchObject({ saved: false, locale: 'en' });
  });
});

describe("storage: 'none'", () => {
  it('keeps everything in memory: nothing in localStorage, sessionStorage or IndexedDB, and nothing on reload', async () => {
    const first = await visit(browser(), 'none');
    expect([first.storage.kind, first.storage.durable]).toEqual(['memory', false]);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(idb.opens).toEqual([]);

    const reload = await visit(browser(), 'none');
    expect(reload.seen).toMatchObject({ saved: false, locale: 'en' });
  });
});

describe("storage: 'local'", () => {
  it('prefers IndexedDB and outlives the session', async () => {
    const first = await visit(browser(), 'local');
    expect([first.storage.kind, first.storage.durable]).toEqual(['indexeddb', true]);
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    expect(await visit(browser(newSession()), 'local')).toMatchObject({ seen: { saved: true, locale: 'ru', messages: ['hello'] } });
  });
});

describe('createWidget storage modes', () => {
  const channels: string[] = [];
  class FakeChannel {
    constructor(readonly name: string) {
      channels.push(name);
    }
    postMessage() {}
    addEventListener() {}
    removeEventListener() {}
    close() {}
  }
  beforeEach(() => {
    channels.length = 0;
    Object.defineProperty(window, 'BroadcastChannel', { value: FakeChannel, configurable: true, writable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'BroadcastChannel');
  });

  // Destroyed right after it is built: what is wired at construction is what counts here.
  const build = (storage: StorageMode) => {
    const widget = createWidget(
      { endpoint: 'http://127.0.0.1:9', storage },
      { win: window, warn: () => undefined, onDestroy: () => undefined },
    );
    widget.destroy();
  };

  it("'none' opens no channel to other tabs, so nothing is shared between them", () => {
    build('none');
    expect(channels).toEqual([]);
  });

  it("'local' and 'session' share the conversation between the site's tabs", () => {
    build('local');
    build('session');
    expect(channels).toHaveLength(2);
    expect(channels.every((name) => name.endsWith(':default'))).toBe(true);
  });
});
