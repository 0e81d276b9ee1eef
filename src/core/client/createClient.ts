import { NetworkError, ParleyError, isTransientError } from '../errors/index.js';
import type { Conversation } from '../protocol/index.js';
import { createMemoryStorage } from '../persistence/index.js';
import { createHttpTransport } from '../transport/index.js';
import { type ClientMessage, fromServerMessage, mergeMessages } from './ClientMessage.js';
import { systemClock } from './Clock.js';
import { type ClientOptions, validateClientOptions } from './clientOptions.js';
import { createClientId } from './createClientId.js';
import { createEmitter } from './createEmitter.js';
import { createHistorySync, maxSeq } from './createHistorySync.js';
import { createLiveConnection } from './createLiveConnection.js';
import { createOutbox } from './createOutbox.js';
import { createPersister } from './createPersister.js';
import { createSessionStarter } from './createSessionStarter.js';
import { type ConnectionState, createStores } from './createStores.js';
import type { ClientEvents, ParleyClient } from './ParleyClient.js';
import { createTabSync } from './createTabSync.js';
import { createTypingSender } from './createTypingSender.js';
import { handleServerEvent } from './handleServerEvent.js';
import { hydrateState } from './hydrateState.js';
import { readState } from './persistedState.js';
import { buildOutgoing } from './buildOutgoing.js';

/**
 * Creates a headless Parley client.
 *
 * @example
 * ```ts
 * import { createClient } from 'parley-chat';
 * const client = createClient({ endpoint: 'https://support.example.com', locale: 'ru' });
 * client.$messages.subscribe((messages) => render(messages));
 * await client.start();
 * client.send('Hello!');
 * ```
 */
export function createClient(rawOptions: ClientOptions): ParleyClient {
  const options = validateClientOptions(rawOptions);
  const clock = options.clock ?? systemClock;
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const transport = options.transport ?? createHttpTransport({ endpoint: options.endpoint!, timeout: options.timeout });
  const storage = options.storage ?? createMemoryStorage();
  const stores = createStores(options.locale ?? options.fallbackLocale ?? 'en');
  const emitter = createEmitter<ClientEvents>((error) => warn(`Parley: an event listener threw: ${String(error)}`));
  let identity = options.identity;
  let destroyed = false;
  let startPromise: Promise<void> | null = null;
  let stopNetwork: (() => void) | null = null;
  let pendingConversationClientId: string | null = null;
  let creatingConversation: Promise<string> | null = null;
  let lastEventId: string | null = null;
  let localOrder = 0;
  let pendingTopic: string | null = null;
  let pendingArticleId: string | null = null;
  const enriching = new Map<string, Promise<void>>();
  const typingTimeout = { handle: null as unknown };
  const typing = createTypingSender(stores, transport, clock);

  const reportError = (error: ParleyError) => {
    stores.$error.set(error);
    emitter.emit('error', error);
  };
  const clearTransientError = () => {
    if (isTransientError(stores.$error.get())) stores.$error.set(null);
  };

  const persister = createPersister({
    storage,
    stores,
    clock,
    warn,
    maxMessages: options.maxStoredMessages ?? 500,
    maxBytes: options.maxStoredBytes ?? 1_000_000,
    getCursor: () => lastEventId,
    getPendingConversationClientId: () => pendingConversationClientId,
  });

  const tabs = options.tabs
    ? createTabSync(options.tabs, stores, {
        onOthersChanged: () => persister.saveOutbox(tabs!.union(outbox.entries())),
        onLocale: (locale) => stores.$locale.set(locale),
        // Another tab ended the session: this one starts afresh instead of using a dead token.
        onCleared: () => void wipe(false).then(() => client.start()),
      })
    : null;

  const history = createHistorySync({ transport, stores, setConversation, reportError });

  // The live stream's own state, which `$connection` shows unless a send failed since.
  let liveState: ConnectionState = 'idle';
  const outbox = createOutbox({
    transport,
    clock,
    ensureConversation,
    prepare: async (entry) => {
      // The request leaves once the frame that shows the message is painted: building it (ky,
      // fetch) and the server's work on a busy 2-core machine held that frame back by 5–15 ms.
      if (clock.afterPaint) await new Promise<void>((resolve) => clock.afterPaint!(resolve, 50));
      await (enriching.get(entry.clientId) ?? Promise.resolve());
      // Without a ready session there is no token: the send would be refused with 401 and marked
      // failed, though it only has to wait (a session start flushes the outbox).
      if (stores.$session.get().status !== 'ready') throw new NetworkError('Parley: the session is not ready yet; the message waits');
    },
    isDelivered: (clientId) => stores.$messages.get().some((m) => m.clientId === clientId && m.id !== null),
    onSent: (message) => {
      stores.$messages.set(mergeMessages(stores.$messages.get(), [fromServerMessage(message)]));
      clearTransientError();
      // A failed send set `offline`; the stream never dropped, so nothing else would undo it.
      if (stores.$connection.get() === 'offline' && liveState === 'online') stores.$connection.set('online');
    },
    onFailed: (entry, error) => {
      updateMessage(entry.clientId, { state: 'failed', errorCode: entry.errorCode });
      reportError(error);
    },
    onDeliveredDespiteError: (_entry, error) => reportError(error),
    onChange: (entries) => {
      persister.saveOutbox(tabs ? tabs.union(entries) : entries);
      tabs?.announceOutbox(entries);
    },
    onTransientError: (error) => {
      // Before the session is ready, the session's own failure (already in $error) is the cause
      // worth showing; "the message waits" would hide it.
      if (stores.$session.get().status !== 'ready') return;
      if (stores.$connection.get() === 'online') stores.$connection.set('offline');
      stores.$error.set(error);
    },
  });

  const live = createLiveConnection({
    transport,
    clock,
    getLastEventId: () => lastEventId,
    onEvent: (event, id) => {
      if (id) {
        lastEventId = id;
        persister.saveCursor();
      }
      handleServerEvent(event, {
        stores,
        emitter,
        clock,
        typingTimeout,
        refetchAfterGap: () => void history.sync(),
        confirmDelivered: (clientId) => outbox.confirm(clientId),
      });
    },
    onInvalid: reportError,
    onOpen: () => {
      clearTransientError();
      void history.sync();
      outbox.flush();
    },
    onState: (state, error) => {
      liveState = state;
      stores.$connection.set(state);
      if (error) stores.$error.set(error);
    },
    onUnauthorized: () => {
      live.stop();
      void openSession(null);
    },
  });

  function updateMessage(clientId: string, patch: Partial<ClientMessage>) {
    stores.$messages.set(stores.$messages.get().map((m) => (m.clientId === clientId ? { ...m, ...patch } : m)));
  }

  async function ensureConversation(): Promise<string> {
    const current = stores.$conversation.get();
    if (current) return current.id;
    if (creatingConversation) return creatingConversation;
    // Persisted before the request, so a reload mid-create retries the same idempotent create.
    pendingConversationClientId ??= createClientId('c');
    persister.saveConversation();
    const context = options.getPageContext?.();
    creatingConversation = transport
      .createConversation({
        clientId: pendingConversationClientId,
        locale: stores.$locale.get(),
        ...(pendingTopic ? { topic: pendingTopic } : {}),
        ...(pendingArticleId ? { articleId: pendingArticleId } : {}),
        ...(context ? { context } : {}),
      })
      .then((conversation) => {
        pendingConversationClientId = null;
        setConversation(conversation);
        return conversation.id;
      })
      .finally(() => {
        creatingConversation = null;
      });
    return creatingConversation;
  }

  function setConversation(conversation: Conversation | null) {
    const previous = stores.$conversation.get();
    stores.$conversation.set(conversation);
    if (conversation && previous && previous.id !== conversation.id) {
      // Another conversation: keep only what is still waiting to be sent.
      stores.$messages.set(stores.$messages.get().filter((m) => m.state !== 'sent'));
      history.reset();
    }
    if (conversation) stores.$readSeq.set(Math.max(stores.$readSeq.get(), conversation.visitorReadSeq));
    persister.saveConversation();
  }

  const sessionStarter = createSessionStarter({
    transport,
    clock,
    stores,
    reportError,
    buildRequest: () => {
      const context = options.getPageContext?.();
      return {
        locale: stores.$locale.get(),
        ...(identity ? { identity } : {}),
        ...(options.widgetId ? { widgetId: options.widgetId } : {}),
        ...(context ? { context } : {}),
      };
    },
    onReady: async (reply) => {
      if (destroyed) return;
      stores.$session.set({
        status: 'ready',
        sessionId: reply.session.id,
        visitorId: reply.session.visitorId,
        userId: reply.session.userId ?? null,
      });
      await persister.saveSession(reply.token, reply.session);
      if (!reply.resumed) {
        // A new session cannot read the old one's conversation or replay its events.
        lastEventId = null;
        stores.$conversation.set(null);
        stores.$readSeq.set(0);
        stores.$messages.set(stores.$messages.get().filter((m) => m.state !== 'sent'));
        history.reset();
      }
      if (reply.conversation) setConversation(reply.conversation);
      stores.$error.set(null);
      void loadConfig();
      live.start();
      outbox.flush();
    },
  });

  async function openSession(token: string | null): Promise<void> {
    if (destroyed) return;
    await sessionStarter.start(token);
  }

  async function loadConfig() {
    try {
      stores.$config.set(await transport.getConfig(stores.$locale.get()));
    } catch (error) {
      reportError(error as ParleyError);
    }
  }

  async function begin() {
    stores.$session.set({ ...stores.$session.get(), status: 'starting' });
    const saved = await hydrateState(storage, stores, outbox, {
      keepSavedLocale: !options.locale,
      warn,
      now: () => clock.now(),
    });
    // The fallback storage knows which candidate works only after the first read (above).
    stores.$storage.set({ ...stores.$storage.get(), kind: storage.kind, durable: storage.durable });
    pendingConversationClientId = saved.pendingConversationClientId;
    lastEventId = saved.lastEventId;
    localOrder = saved.nextLocalOrder;
    persister.start();
    stopNetwork = options.network?.subscribe((online) => {
      if (!online) return;
      live.reconnectNow();
      outbox.flush();
    }) ?? null;
    const exclusive = options.lock ?? ((critical: () => Promise<void>) => critical());
    await exclusive(async () => {
      // Another tab may have created the session while this one waited for the lock.
      const current = saved.session ?? (await readState(storage, 'session', warn));
      await openSession(current?.token ?? null);
    });
  }

  /** Stops everything that runs; `destroy` and `clear` share it. */
  function halt() {
    live.stop();
    persister.stop();
    typing.stop();
    stopNetwork?.();
    stopNetwork = null;
    if (typingTimeout.handle !== null) clock.clearTimeout(typingTimeout.handle);
    sessionStarter.stop();
    typingTimeout.handle = null;
  }

  /** Forgets everything local; with `endSession`, the server session too. */
  async function wipe(endSession: boolean) {
    halt();
    outbox.reset();
    try {
      if (endSession && stores.$session.get().status === 'ready') await transport.endSession();
    } catch (error) {
      // Ending the server session is best effort: the local wipe below must happen anyway.
      reportError(error as ParleyError);
    }
    transport.setToken(null);
    stores.$messages.set([]);
    stores.$conversation.set(null);
    stores.$draft.set('');
    stores.$draftUploads.set([]);
    stores.$dismissedNotices.set([]);
    stores.$readSeq.set(0);
    stores.$hasOlder.set(false);
    stores.$typing.set(null);
    stores.$session.set({ status: 'ended', sessionId: null, visitorId: null, userId: null });
    pendingConversationClientId = null;
    lastEventId = null;
    history.reset();
    enriching.clear();
    // The persister is stopped above, so nothing is written back after this wipe.
    await persister.clear();
    startPromise = null;
  }

  const client: ParleyClient = {
    ...stores,
    transport,
    start() {
      if (destroyed) return Promise.reject(new ParleyError('destroyed', 'Parley: this client was destroyed'));
      startPromise ??= begin();
      return startPromise;
    },
    send(text, sendOptions = {}) {
      if (sendOptions.topic && !stores.$conversation.get()) pendingTopic = sendOptions.topic;
      if (sendOptions.articleId && !stores.$conversation.get()) pendingArticleId = sendOptions.articleId;
      const context = options.getPageContext?.();
      const { entry, message } = buildOutgoing(text, sendOptions, {
        clientId: createClientId('m'),
        localOrder: localOrder++,
        context,
        conversationId: stores.$conversation.get()?.id ?? null,
        now: clock.now(),
      });
      const { clientId } = entry;
      stores.$messages.set(mergeMessages(stores.$messages.get(), [message]));
      if (options.enrichContext) {
        const done = () => enriching.delete(clientId);
        enriching.set(
          clientId,
          options.enrichContext(context).then(
            (enriched) => {
              if (enriched) entry.context = enriched;
              done();
            },
            (error: unknown) => {
              // The host's context callback is optional extra: the message goes without it.
              warn(`Parley: getContext failed (${String(error)}); sending without it`);
              done();
            },
          ),
        );
      }
      outbox.enqueue(entry);
      stores.$draft.set('');
      return message;
    },
    retry(clientId) {
      if (outbox.retry(clientId)) updateMessage(clientId, { state: 'pending', errorCode: undefined });
    },
    discard(clientId) {
      outbox.remove(clientId);
      stores.$messages.set(stores.$messages.get().filter((m) => m.clientId !== clientId || m.state === 'sent'));
    },
    loadOlder: () => history.loadOlder(),
    markRead() {
      const conversation = stores.$conversation.get();
      const seq = maxSeq(stores.$messages.get());
      if (!conversation || seq <= stores.$readSeq.get()) return;
      stores.$readSeq.set(seq);
      transport.markRead(conversation.id, seq).catch((error: ParleyError) => stores.$error.set(error));
    },
    setTyping: (value) => typing.set(value),
    setDraft: (text) => stores.$draft.set(text),
    async setLocale(locale) {
      stores.$locale.set(locale);
      persister.saveLocale();
      tabs?.announceLocale(locale);
      if (stores.$session.get().status !== 'ready') return;
      await Promise.all([
        transport.updateSession({ locale }).catch((error: ParleyError) => stores.$error.set(error)),
        loadConfig(),
      ]);
    },
    updateContext: (context) => transport.updateContext(context),
    async rate(rating) {
      const conversation = stores.$conversation.get();
      if (!conversation) throw new ParleyError('rejected', 'Parley: there is no conversation to rate');
      stores.$conversation.set(await transport.rate(conversation.id, rating));
    },
    async requestHandoff() {
      const id = await ensureConversation();
      stores.$conversation.set(await transport.requestHandoff(id));
    },
    async updateVisitor(details) {
      await transport.updateSession(details);
    },
    async loadConversations() {
      const fetched = await transport.listConversations();
      // A live status event that arrived while the list was in flight is newer than the list:
      // keep it, or the reply would put back the status the desk just changed.
      const live = new Map(stores.$conversations.get().map((c) => [c.id, c]));
      stores.$conversations.set(
        fetched.map((c) => {
          const known = live.get(c.id);
          return known && known.updatedAt > c.updatedAt ? known : c;
        }),
      );
    },
    async openConversation(id) {
      if (stores.$conversation.get()?.id === id) return;
      setConversation(await transport.getConversation(id));
      await history.sync();
    },
    startNewConversation() {
      pendingConversationClientId = null;
      pendingTopic = null;
      pendingArticleId = null;
      stores.$conversation.set(null);
      stores.$messages.set(stores.$messages.get().filter((m) => m.state !== 'sent'));
      stores.$hasOlder.set(false);
      history.reset();
      persister.saveConversation();
    },
    dismissNotice(id) {
      const dismissed = stores.$dismissedNotices.get();
      if (!dismissed.includes(id)) stores.$dismissedNotices.set([...dismissed, id]);
    },
    async reopen() {
      const conversation = stores.$conversation.get();
      if (conversation) setConversation(await transport.reopenConversation(conversation.id));
    },
    upload: (file, name, uploadOptions) => transport.upload(file, name, uploadOptions),
    fetchAttachment: (attachment) => transport.fetchAttachment(attachment),
    async identify(next) {
      identity = next;
      if (!startPromise) return;
      live.stop();
      await openSession(null);
    },
    async clear() {
      await wipe(true);
      tabs?.announceCleared();
    },
    on: (event, listener) => emitter.on(event, listener),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      halt();
      tabs?.stop();
      outbox.destroy();
      emitter.clear();
    },
  };
  return client;
}
