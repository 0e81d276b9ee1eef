import type { ParleyStorage, PersistedKey } from '../persistence/index.js';
import type { Session } from '../protocol/index.js';
import type { ClientMessage } from './ClientMessage.js';
import type { Clock } from './Clock.js';
import type { ClientStores } from './createStores.js';
import { STATE_VERSION, type OutboxEntry } from './persistedState.js';

export interface PersisterDeps {
  storage: ParleyStorage;
  stores: ClientStores;
  clock: Clock;
  warn: (message: string) => void;
  maxMessages: number;
  maxBytes: number;
  getCursor: () => string | null;
  getPendingConversationClientId: () => string | null;
}

/**
 * Writes client state to storage: the outbox at once (it is what must never be lost), the
 * transcript, cursor and draft debounced. A failed write (quota, blocked storage) warns once per
 * key and leaves the widget working from memory.
 */
export function createPersister(deps: PersisterDeps) {
  const { storage, stores, clock } = deps;
  const timers = new Map<PersistedKey, unknown>();
  const warned = new Set<PersistedKey>();
  const unsubscribes: Array<() => void> = [];
  let active = false;

  function write(key: PersistedKey, value: unknown): Promise<void> {
    return storage.set(key, value).then(
      () => {
        warned.delete(key);
      },
      (error: unknown) => {
        if (warned.has(key)) return;
        warned.add(key);
        deps.warn(`Parley: could not save ${key} (${String(error)}); it is kept in memory only`);
      },
    );
  }

  function debounced(key: PersistedKey, ms: number, value: () => unknown) {
    if (!active) return;
    const existing = timers.get(key);
    if (existing !== undefined) clock.clearTimeout(existing);
    timers.set(
      key,
      clock.setTimeout(() => {
        timers.delete(key);
        void write(key, value());
      }, ms),
    );
  }

  const conversationState = () => {
    const conversation = stores.$conversation.get();
    return {
      v: STATE_VERSION,
      conversation: conversation && {
        ...conversation,
        visitorReadSeq: Math.max(conversation.visitorReadSeq, stores.$readSeq.get()),
      },
      pendingClientId: deps.getPendingConversationClientId(),
    };
  };

  const draftState = () => {
    const uploads = stores.$draftUploads.get();
    return { v: STATE_VERSION, text: stores.$draft.get(), ...(uploads.length ? { uploads } : {}) };
  };

  const transcript = () => boundTranscript(stores.$messages.get(), deps.maxMessages, deps.maxBytes, stores.$hasOlder.get());
  const transcriptState = () => ({
    v: STATE_VERSION,
    conversationId: stores.$conversation.get()?.id ?? null,
    ...transcript(),
  });
  let lastShape = '';

  return {
    start() {
      active = true;
      unsubscribes.push(
        stores.$messages.listen((messages) => {
          // A new or newly confirmed message is written at once: a reload right after a reply
          // arrives must still show it offline. Only streaming text growth is debounced.
          const shape = transcriptShape(messages);
          const delay = shape === lastShape ? 150 : 0;
          lastShape = shape;
          debounced('transcript', delay, transcriptState);
        }),
        stores.$draft.listen(() => debounced('draft', 300, draftState)),
        stores.$draftUploads.listen(() => debounced('draft', 300, draftState)),
        stores.$config.listen((config) => {
          if (config) void write('config', { v: STATE_VERSION, config });
        }),
        stores.$dismissedNotices.listen((dismissed) => void write('notices', { v: STATE_VERSION, dismissed })),
        // The read position is saved with the conversation, so an offline reload does not
        // bring back an unread badge for messages already seen.
        stores.$readSeq.listen(() => debounced('conversation', 300, conversationState)),
      );
    },
    stop() {
      active = false;
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
      for (const handle of timers.values()) clock.clearTimeout(handle);
      timers.clear();
    },
    saveOutbox(entries: readonly OutboxEntry[]) {
      void write('outbox', { v: STATE_VERSION, entries });
    },
    saveCursor() {
      debounced('cursor', 500, () => ({ v: STATE_VERSION, lastEventId: deps.getCursor() }));
    },
    saveConversation() {
      void write('conversation', conversationState());
    },
    saveSession(token: string, session: Session): Promise<void> {
      return write('session', {
        v: STATE_VERSION,
        token,
        sessionId: session.id,
        visitorId: session.visitorId,
        userId: session.userId ?? null,
      });
    },
    saveLocale() {
      void write('locale', { v: STATE_VERSION, locale: stores.$locale.get() });
    },
    async clear() {
      for (const handle of timers.values()) clock.clearTimeout(handle);
      timers.clear();
      await storage.clear();
    },
  };
}

/**
 * Keeps the newest messages within both caps; anything evicted can be paged in from the server
 * again, so `truncated` tells the UI that older history exists.
 */
export function boundTranscript(
  messages: readonly ClientMessage[],
  maxMessages: number,
  maxBytes: number,
  hasOlder: boolean,
): { messages: ClientMessage[]; truncated: boolean } {
  const kept: ClientMessage[] = [];
  let bytes = 0;
  for (let i = messages.length - 1; i >= 0 && kept.length < maxMessages; i--) {
    const message = messages[i]!;
    if (message.streaming) continue;
    const size = serializedLength(message);
    if (bytes + size > maxBytes && kept.length > 0) break;
    bytes += size;
    kept.push(message);
  }
  kept.reverse();
  return { messages: kept, truncated: hasOlder || kept.length < messages.filter((m) => !m.streaming).length };
}

/** What changes when a message arrives, is confirmed or fails, but not while a reply streams in. */
function transcriptShape(messages: readonly ClientMessage[]): string {
  let sent = 0;
  for (const m of messages) if (m.state === 'sent' && !m.streaming) sent++;
  return `${messages.length}:${sent}:${messages.at(-1)?.clientId ?? ''}`;
}

// Messages are immutable (every change makes a new object), so each one's size is measured once:
// measuring 500 messages on every write cost ~10 ms of main thread per new message (bench/run.mjs).
const sizes = new WeakMap<ClientMessage, number>();
function serializedLength(message: ClientMessage): number {
  let size = sizes.get(message);
  if (size === undefined) sizes.set(message, (size = JSON.stringify(message).length));
  return size;
}
