import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError, NetworkError } from '../../../src/core/errors/index.js';
import { createMemoryStorage, createMemoryTransport, type MemoryTransport, type ParleyStorage } from '../../../src/core/index.js';
import type { ParleyWidget } from '../../../src/embed/ParleyWidget.js';
import { browserLock, browserTabs } from '../../../src/embed/browserTabs.js';
import { init } from '../../../src/embed/init.js';
import { createFakeServer, type FakeServer } from '../support/createFakeServer.js';
import { createTestClient, destroyTestClients, transcript, type TestClient } from '../support/createTestClient.js';
import { settle } from '../support/settle.js';

// Two tabs in one process: two clients, each with its own BroadcastChannel (a fake that delivers
// to the other instances of the same name, a task later, as a structured clone, like browsers
// do), built by the real `browserTabs` adapter. The widget-level tests pass the in-memory
// backend to `init` as its `transport`.
const backend = { transport: null as MemoryTransport | null };

type Listener = (event: MessageEvent) => void;

class FakeBroadcastChannel {
  static instances: FakeBroadcastChannel[] = [];
  readonly listeners = new Set<Listener>();
  closed = false;

  constructor(readonly name: string) {
    FakeBroadcastChannel.instances.push(this);
  }

  postMessage(data: unknown) {
    if (this.closed) throw new DOMException('Channel is closed', 'InvalidStateError');
    for (const other of FakeBroadcastChannel.instances) {
      if (other === this || other.name !== this.name || other.closed) continue;
      const copy = structuredClone(data);
      setTimeout(() => {
        if (other.closed) return;
        for (const listener of [...other.listeners]) listener(new MessageEvent('message', { data: copy }));
      }, 0);
    }
  }

  addEventListener(type: string, listener: Listener) {
    if (type === 'message') this.listeners.add(listener);
  }

  removeEventListener(type: string, listener: Listener) {
    if (type === 'message') this.listeners.delete(listener);
  }

  close() {
    this.closed = true;
  }
}

/** A LockManager that grants one holder per name at a time, in request order. */
function createFakeLocks() {
  const tails = new Map<string, Promise<unknown>>();
  const requests: string[] = [];
  const locks = {
    request(name: string, callback: () => Promise<void>) {
      requests.push(name);
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(() => callback());
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
  };
  return { locks, requests };
}

const NAMESPACE = 'parley:shop.example.com:default';
const fakeWindow = (extra: Record<string, unknown> = {}) => ({ BroadcastChannel: FakeBroadcastChannel, ...extra }) as unknown as Window;

/**
 * Two tabs of one site with a conversation open: one backend, one origin storage, a channel each.
 * (The conversation is seeded because this fake backend, unlike the real one, announces no
 * `conversation.created` to the other tab.)
 */
function openTabs(options: { storage?: ParleyStorage; server?: FakeServer } = {}) {
  const server = options.server ?? createFakeServer();
  server.seedConversation();
  const storage = options.storage ?? createMemoryStorage();
  const channelA = browserTabs(fakeWindow(), NAMESPACE)!;
  const channelB = browserTabs(fakeWindow(), NAMESPACE)!;
  const a = createTestClient({ server, storage, tabs: channelA });
  const b = createTestClient({ server, storage, tabs: channelB });
  return { server, a, b, channelA, channelB };
}

const channelsNamed = (name: string) => FakeBroadcastChannel.instances.filter((c) => c.name === name);

afterEach(() => {
  destroyTestClients();
  FakeBroadcastChannel.instances = [];
});

describe('tab sync between two tabs of one visitor', () => {
  it('a message written in one tab while the backend is unreachable shows as pending in the other, then once as sent', async () => {
    const { server, a, b } = openTabs();
    await Promise.all([a.client.start(), b.client.start()]);
    server.failWith(new NetworkError('fake: offline'));
    a.client.send('Where is my order?');
    await settle();
    expect(transcript(a.client)).toEqual(['Where is my order?:pending']);
    expect(transcript(b.client)).toEqual(['Where is my order?:pending']);

    server.recover();
    await a.clock.advance(60_000);
    await settle();
    expect(server.messages.map((m) => m.text)).toEqual(['Where is my order?']);
    // The server's fan-out confirms it in the other tab: one line, sent, no stale pending copy.
    expect(transcript(b.client)).toEqual(['Where is my order?:sent']);
  });

  it('the other tab saves the unsent message too, so closing the tab that wrote it does not lose it', async () => {
    const server = createFakeServer();
    const storageA = createMemoryStorage();
    const storageB = createMemoryStorage();
    const channelA = browserTabs(fakeWindow(), NAMESPACE)!;
    const channelB = browserTabs(fakeWindow(), NAMESPACE)!;
    const a = createTestClient({ server, storage: storageA, tabs: channelA });
    const b = createTestClient({ server, storage: storageB, tabs: channelB });
    await Promise.all([a.client.start(), b.client.start()]);
    server.failWith(new NetworkError('fake: offline'));
    a.client.send('Typed in tab A');
    await settle();
    const saved = (await storageB.get('outbox')) as { entries: Array<{ text: string }> } | undefined;
    expect(saved?.entries.map((e) => e.text)).toEqual(['Typed in tab A']);

    // Tab A closes; tab B reloads on its storage and delivers the message, once.
    a.client.destroy();
    b.client.destroy();
    server.recover();
    const reloaded: TestClient = createTestClient({ server, storage: storageB });
    await reloaded.client.start();
    await reloaded.clock.advance(60_000);
    expect(server.messages.map((m) => m.text)).toEqual(['Typed in tab A']);
  });

  it('a language change in one tab switches the other', async () => {
    const { a, b } = openTabs();
    await Promise.all([a.client.start(), b.client.start()]);
    await a.client.setLocale('ru');
    await settle();
    expect(b.client.$locale.get()).toBe('ru');
    await b.client.setLocale('de');
    await settle();
    expect(a.client.$locale.get()).toBe('de');
  });

  it('clear() in one tab wipes the other, which starts afresh instead of using the ended session', async () => {
    const { server, a, b } = openTabs();
    await Promise.all([a.client.start(), b.client.start()]);
    a.client.send('Private question');
    await settle();
    expect(transcript(b.client)).toEqual(['Private question:sent']);
    b.client.setDraft('my card number is 4111');
    const before = b.client.$session.get().sessionId;
    const shown: string[][] = [];
    b.client.$messages.listen(() => shown.push(transcript(b.client)));

    await a.client.clear();
    await settle(6);
    // The transcript and the draft left the other tab's screen too. (This fake backend hands the
    // old conversation to any new session, so the history comes back afterwards; the real one
    // does not.)
    expect(shown).toContainEqual([]);
    expect(b.client.$draft.get()).toBe('');
    // A fresh session, not the ended one.
    expect(b.client.$session.get().status).toBe('ready');
    expect(b.client.$session.get().sessionId).not.toBe(before);
    expect(server.calls.filter((c) => c.method === 'endSession')).toHaveLength(1);
  });

  // A later announcement updates what another tab shows: a refused send turns failed there too,
  // and a discarded one goes away, instead of a "sending…" bubble lingering until a reload.
  it('a message that failed and was discarded in one tab does not linger as pending in the other', async () => {
    const { server, a, b } = openTabs();
    await Promise.all([a.client.start(), b.client.start()]);
    server.failNext('sendMessage', new HttpError(422, 'rejected', 'fake: refused'));
    a.client.send('Refused message');
    await settle(6);
    expect(transcript(a.client)).toEqual(['Refused message:failed']);
    expect(transcript(b.client)).toEqual(['Refused message:failed']);
    a.client.discard(a.client.$messages.get()[0]!.clientId);
    await settle(6);
    expect(transcript(b.client)).toEqual([]);
  });

  it('ignores what it cannot parse on the channel (another version of the widget, another script)', async () => {
    const { b } = openTabs();
    await b.client.start();
    const stranger = new FakeBroadcastChannel(NAMESPACE);
    stranger.postMessage({ type: 'locale', tab: 'x', locale: 42 });
    stranger.postMessage({ type: 'outbox', tab: 'x', entries: [{ text: 'no clientId' }] });
    stranger.postMessage('hello');
    await settle();
    expect(b.client.$locale.get()).toBe('en');
    expect(transcript(b.client)).toEqual([]);
  });

  it('destroy() removes the client’s channel listener; close() closes the channel', async () => {
    const { a, b, channelB } = openTabs();
    await Promise.all([a.client.start(), b.client.start()]);
    const [, channelOfB] = channelsNamed(NAMESPACE);
    expect(channelOfB!.listeners.size).toBe(1);

    b.client.destroy();
    expect(channelOfB!.listeners.size).toBe(0);
    await a.client.setLocale('ru');
    await settle();
    expect(b.client.$locale.get()).toBe('en');

    channelB.close();
    expect(channelOfB!.closed).toBe(true);
  });
});

describe('Web Locks: one session for all tabs', () => {
  it('a second tab waits for the first to create the session, then resumes it instead of starting another', async () => {
    const server = createFakeServer();
    const storage = createMemoryStorage();
    const { locks, requests } = createFakeLocks();
    const lock = browserLock(fakeWindow({ navigator: { locks } }), NAMESPACE)!;
    // Tab A's createSession is held until the test lets it go, so B must wait inside start().
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const attempts: string[] = [];
    const gated = (tab: string, gate?: Promise<void>) => ({
      ...server.transport,
      setToken: server.transport.setToken,
      async createSession(request: Parameters<typeof server.transport.createSession>[0]) {
        attempts.push(tab);
        await gate;
        return server.transport.createSession(request);
      },
    });
    const a = createTestClient({ server, storage, lock, transport: gated('A', held) });
    const b = createTestClient({ server, storage, lock, transport: gated('B') });

    const startA = a.client.start();
    await settle();
    const startB = b.client.start();
    await settle();
    expect(attempts).toEqual(['A']);
    expect(b.client.$session.get().status).toBe('starting');

    release();
    await Promise.all([startA, startB]);
    expect(attempts).toEqual(['A', 'B']);
    expect(requests).toEqual([`${NAMESPACE}:session`, `${NAMESPACE}:session`]);
    // One session, shared: B resumed A's token instead of creating a second one.
    expect(a.client.$session.get()).toMatchObject({ status: 'ready', sessionId: 'ses_1' });
    expect(b.client.$session.get()).toMatchObject({ status: 'ready', sessionId: 'ses_1' });
    const creates = server.calls.filter((c) => c.method === 'createSession');
    expect(creates).toHaveLength(2);
  });

  it('without navigator.locks (older Safari) the adapter offers no lock, so the client runs unserialised', () => {
    expect(browserLock(fakeWindow({ navigator: {} }), NAMESPACE)).toBeUndefined();
  });
});

describe('the widget wires tabs and locks', () => {
  let widget: ParleyWidget | null = null;
  const originalLocks = Object.getOwnPropertyDescriptor(navigator, 'locks');
  afterEach(() => {
    widget?.destroy();
    widget = null;
    backend.transport?.desk.dispose();
    vi.unstubAllGlobals();
    if (originalLocks) Object.defineProperty(navigator, 'locks', originalLocks);
    else delete (navigator as { locks?: unknown }).locks;
  });

  it('opens one channel for its namespace, takes the session lock, and destroy() closes the channel', async () => {
    backend.transport = createMemoryTransport({ autoReply: false });
    vi.stubGlobal('BroadcastChannel', FakeBroadcastChannel);
    const { locks, requests } = createFakeLocks();
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    widget = init({ transport: backend.transport!, id: 'tabs1', storage: 'session' });
    for (let i = 0; i < 100 && widget.client?.$session.get().status !== 'ready'; i++) await settle(1);
    expect(widget.client?.$session.get().status).toBe('ready');

    const channels = FakeBroadcastChannel.instances;
    expect(channels.map((c) => c.name)).toEqual(['parley:localhost:3000:tabs1']);
    expect(requests).toEqual(['parley:localhost:3000:tabs1:session']);
    expect(channels[0]!.listeners.size).toBe(1);

    widget.destroy();
    widget = null;
    expect(channels[0]!.closed).toBe(true);
    expect(channels[0]!.listeners.size).toBe(0);
  });

  it('with storage "none" the widget shares nothing with other tabs', async () => {
    backend.transport = createMemoryTransport({ autoReply: false });
    vi.stubGlobal('BroadcastChannel', FakeBroadcastChannel);
    widget = init({ transport: backend.transport!, id: 'tabs2', storage: 'none' });
    await settle();
    expect(FakeBroadcastChannel.instances).toEqual([]);
  });
});
