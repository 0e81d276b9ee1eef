import { ParleyError, isHttpError, isTransientError } from '../errors/index.js';
import type { Attachment, Conversation, Identity, PageContext, Rating } from '../protocol/index.js';
import { createMemoryStorage } from '../persistence/index.js';
import { createHttpTransport, type Transport, type UploadOptions } from '../transport/index.js';
import { type ClientMessage, fromServerMessage, mergeMessages } from './ClientMessage.js';
import { systemClock } from './Clock.js';
import { backoff } from './backoff.js';
import { type ClientOptions, validateClientOptions } from './clientOptions.js';
import { createClientId } from './createClientId.js';
import { createEmitter } from './createEmitter.js';
import { createHistorySync, maxSeq } from './createHistorySync.js';
import { createLiveConnection } from './createLiveConnection.js';
import { createOutbox } from './createOutbox.js';
import { createPersister } from './createPersister.js';
import { type ClientStores, createStores } from './createStores.js';
import { createTypingSender } from './createTypingSender.js';
import { handleServerEvent } from './handleServerEvent.js';
import { hydrateState } from './hydrateState.js';
import type { OutboxEntry } from './persistedState.js';

export interface ClientEvents {
  /** A new message from an agent, bot or the system (not the visitor's own). */
  message: ClientMessage;
  status: Conversation;
  error: ParleyError;
  ratingRequested: Conversation;
}

export interface SendOptions {
  attachments?: Attachment[];
  quickReplyId?: string;
}

/** The headless client: stores to read, actions to call. Build any UI on it. */
export interface ParleyClient extends ClientStores {
  /** Loads saved state, starts or resumes the session and opens the live stream. Idempotent. */
  start(): Promise<void>;
  /** Queues a message; it shows at once as pending and is delivered exactly once. */
  send(text: string, options?: SendOptions): ClientMessage;
  retry(clientId: string): void;
  /** Drops a failed message from the outbox and the list. */
  discard(clientId: string): void;
  /** Pages in older messages from the server. Resolves false at the start of the conversation. */
  loadOlder(): Promise<boolean>;
  markRead(): void;
  setTyping(typing: boolean): void;
  setDraft(text: string): void;
  setLocale(locale: string): Promise<void>;
  /** Tells the backend the visitor navigated (SPA); the caller debounces. */
  updateContext(context: PageContext): Promise<void>;
  rate(rating: Rating): Promise<void>;
  requestHandoff(): Promise<void>;
  upload(file: Blob, name: string, options?: UploadOptions): Promise<Attachment>;
  fetchAttachment(attachment: Attachment): Promise<Blob>;
  /** Starts a new session as a signed-in user, so their conversations follow them. */
  identify(identity: Identity): Promise<void>;
  /** Ends the server session and wipes every local trace. `start()` begins afresh afterwards. */
  clear(): Promise<void>;
  on<K extends keyof ClientEvents>(event: K, listener: (payload: ClientEvents[K]) => void): () => void;
  /** Stops timers, the live stream and listeners. The client cannot be used afterwards. */
  destroy(): void;
  readonly transport: Transport;
}

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
  let sessionTimer: unknown = null;
  let sessionAttempt = 0;
  let pendingConversationClientId: string | null = null;
  let creatingConversation: Promise<string> | null = null;
  let lastEventId: string | null = null;
  let localOrder = 0;
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

  const history = createHistorySync({ transport, stores, setConversation, reportError });

  const outbox = createOutbox({
    transport,
    clock,
    ensureConversation,
    prepare: (entry) => enriching.get(entry.clientId) ?? Promise.resolve(),
    onSent: (message) => {
      stores.$messages.set(mergeMessages(stores.$messages.get(), [fromServerMessage(message)]));
      clearTransientError();
    },
    onFailed: (entry, error) => {
      updateMessage(entry.clientId, { state: 'failed', errorCode: entry.errorCode });
      reportError(error);
    },
    onChange: (entries) => persister.saveOutbox(entries),
    onTransientError: (error) => {
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
      handleServerEvent(event, { stores, emitter, clock, typingTimeout, refetchAfterGap: () => void history.sync() });
    },
    onInvalid: reportError,
    onOpen: () => {
      clearTransientError();
      void history.sync();
      outbox.flush();
    },
    onState: (state, error) => {
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

  async function openSession(token: string | null): Promise<void> {
    if (destroyed) return;
    stores.$session.set({ ...stores.$session.get(), status: 'starting' });
    transport.setToken(token);
    try {
      const context = options.getPageContext?.();
      const reply = await transport.createSession({
        locale: stores.$locale.get(),
        ...(identity ? { identity } : {}),
        ...(options.widgetId ? { widgetId: options.widgetId } : {}),
        ...(context ? { context } : {}),
      });
      if (destroyed) return;
      sessionAttempt = 0;
      transport.setToken(reply.token);
      stores.$session.set({
        status: 'ready',
        sessionId: reply.session.id,
        visitorId: reply.session.visitorId,
        userId: reply.session.userId ?? null,
      });
      persister.saveSession(reply.token, reply.session);
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
    } catch (raw) {
      if (destroyed) return;
      const error = raw as ParleyError;
      reportError(error);
      if (isTransientError(error)) {
        stores.$connection.set('offline');
        sessionTimer = clock.setTimeout(() => {
          sessionTimer = null;
          void openSession(token);
        }, backoff(sessionAttempt++));
      } else if (isHttpError(error) && error.status === 401 && token) {
        // The stored token is no longer valid: start a fresh session (the outbox is kept).
        await openSession(null);
      } else {
        stores.$session.set({ ...stores.$session.get(), status: 'error' });
      }
    }
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
    pendingConversationClientId = saved.pendingConversationClientId;
    lastEventId = saved.lastEventId;
    localOrder = saved.nextLocalOrder;
    persister.start();
    stopNetwork = options.network?.subscribe((online) => {
      if (!online) return;
      live.reconnectNow();
      outbox.flush();
    }) ?? null;
    await openSession(saved.session?.token ?? null);
  }

  /** Stops everything that runs; `destroy` and `clear` share it. */
  function halt() {
    live.stop();
    persister.stop();
    typing.stop();
    stopNetwork?.();
    stopNetwork = null;
    if (typingTimeout.handle !== null) clock.clearTimeout(typingTimeout.handle);
    if (sessionTimer !== null) clock.clearTimeout(sessionTimer);
    typingTimeout.handle = sessionTimer = null;
  }

  return {
    ...stores,
    transport,
    start() {
      if (destroyed) return Promise.reject(new ParleyError('destroyed', 'Parley: this client was destroyed'));
      startPromise ??= begin();
      return startPromise;
    },
    send(text, sendOptions = {}) {
      const clientId = createClientId('m');
      const context = options.getPageContext?.();
      const entry: OutboxEntry = {
        clientId,
        text,
        attachments: sendOptions.attachments ?? [],
        localOrder: localOrder++,
        attempts: 0,
        failed: false,
        ...(sendOptions.quickReplyId ? { quickReplyId: sendOptions.quickReplyId } : {}),
        ...(context ? { context } : {}),
      };
      const message: ClientMessage = {
        id: null,
        seq: null,
        conversationId: stores.$conversation.get()?.id ?? null,
        clientId,
        author: { role: 'visitor' },
        text,
        attachments: entry.attachments,
        createdAt: new Date(clock.now()).toISOString(),
        state: 'pending',
        localOrder: entry.localOrder,
        ...(context ? { context } : {}),
      };
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
    upload: (file, name, uploadOptions) => transport.upload(file, name, uploadOptions),
    fetchAttachment: (attachment) => transport.fetchAttachment(attachment),
    async identify(next) {
      identity = next;
      if (!startPromise) return;
      live.stop();
      await openSession(null);
    },
    async clear() {
      halt();
      outbox.reset();
      try {
        if (stores.$session.get().status === 'ready') await transport.endSession();
      } catch (error) {
        // Ending the server session is best effort: the local wipe below must happen anyway.
        reportError(error as ParleyError);
      }
      transport.setToken(null);
      stores.$messages.set([]);
      stores.$conversation.set(null);
      stores.$draft.set('');
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
    },
    on: (event, listener) => emitter.on(event, listener),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      halt();
      outbox.destroy();
      emitter.clear();
    },
  };
}
