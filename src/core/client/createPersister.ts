import { isQuotaError, type ParleyStorage, type PersistedKey } from '../persistence/index.js';
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

/** A transcript write waits at most this long for the paint (a hidden tab paints no frames). */
const PAINT_TIMEOUT_MS = 300;
/** Streaming text and edits are written this long after the last change. */
const SETTLE_MS = 150;

/**
 * Writes client state to storage: the outbox at once (it is what must never be lost), the
 * transcript once the change is painted, cursor and draft debounced. A failed write warns once per
 * key and leaves the widget working from memory; a full quota first evicts older transcript
 * messages and retries once, then says so in `$storage` (`full`).
 */
export function createPersister(deps: PersisterDeps) {
  const { storage, stores, clock } = deps;
  const timers = new Map<PersistedKey, unknown>();
  const warned = new Set<PersistedKey>();
  const full = new Set<PersistedKey>();
  const unsubscribes: Array<() => void> = [];
  let active = false;
  // The transcript's message cap, halved each time the quota is hit, for the life of the page.
  let keep = deps.maxMessages;
  let kept = 0;

  function setFull(key: PersistedKey, isFull: boolean) {
    if (full.has(key) === isFull) return;
    if (isFull) full.add(key);
    else full.delete(key);
    stores.$storage.set({ kind: storage.kind, durable: storage.durable, ...stores.$storage.get(), full: full.size > 0 });
  }

  async function write(key: PersistedKey, value: unknown, retried = false): Promise<void> {
    try {
      await storage.set(key, value);
      warned.delete(key);
      setFull(key, false);
    } catch (error) {
      const quota = isQuotaError(error);
      if (quota && !retried) {
        // Make room, then try once more: halve the transcript's cap and write it again (older
        // messages can be paged in from the server again, unlike anything else saved).
        keep = Math.max(1, Math.floor(Math.min(keep, kept || keep) / 2));
        // Best effort: if even the smaller transcript does not fit, the retry below reports it.
        if (key !== 'transcript') await storage.set('transcript', transcriptState()).catch(() => undefined);
        return write(key, key === 'transcript' ? transcriptState() : value, true);
      }
      if (quota) setFull(key, true);
      if (warned.has(key)) return;
      warned.add(key);
      deps.warn(`Parley: could not save ${key} (${quota ? 'storage is full' : String(error)}); it is kept in memory only`);
    }
  }

  // The transcript is the largest value (up to 500 messages, serialized and cloned: 3–5 ms of
  // main thread). It is written once the frame that shows the change is painted and the page is
  // idle, so a send or a reply shows first. The outbox, which cannot wait, is written at once.
  let painted: (() => void) | null = null;
  let due = false;
  const paintThenWrite = () => {
    const save = () => {
      painted = null;
      due = false;
      void write('transcript', transcriptState());
    };
    if (clock.afterPaint) painted = clock.afterPaint(save, PAINT_TIMEOUT_MS);
    else save();
  };

  function debounced(key: PersistedKey, ms: number, value: () => unknown, run: () => void = () => void write(key, value())) {
    if (!active) return;
    const existing = timers.get(key);
    if (existing !== undefined) clock.clearTimeout(existing);
    timers.set(
      key,
      clock.setTimeout(() => {
        timers.delete(key);
        run();
      }, ms),
    );
  }
  function cancelAll() {
    for (const handle of timers.values()) clock.clearTimeout(handle);
    timers.clear();
    painted?.();
    painted = null;
    due = false;
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

  const transcriptState = () => {
    const bounded = boundTranscript(stores.$messages.get(), keep, deps.maxBytes, stores.$hasOlder.get());
    kept = bounded.messages.length;
    return { v: STATE_VERSION, conversationId: stores.$conversation.get()?.id ?? null, ...bounded };
  };
  let lastShape = '';

  return {
    start() {
      active = true;
      unsubscribes.push(
        stores.$messages.listen((messages) => {
          // A new or newly confirmed message is written as soon as it is painted: a reload right
          // after a reply arrives must still show it offline. Streaming text, edits and pending
          // sends (the outbox has those) wait until the list settles.
          const shape = transcriptShape(messages);
          due ||= shape !== lastShape;
          lastShape = shape;
          // A write waiting for the paint reads the state when it runs; one due soon is never
          // pushed back by a change after it (the send reply after the live event).
          if (!painted) debounced('transcript', due ? 0 : SETTLE_MS, transcriptState, paintThenWrite);
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
      cancelAll();
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
      cancelAll();
      await storage.clear();
      // Everything of ours is gone, so there is room again.
      keep = deps.maxMessages;
      for (const key of [...full]) setFull(key, false);
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
  let i = messages.length - 1;
  for (; i >= 0 && kept.length < maxMessages; i--) {
    const message = messages[i]!;
    if (message.streaming) continue;
    const size = serializedLength(message);
    if (bytes + size > maxBytes && kept.length > 0) break;
    bytes += size;
    kept.push(message);
  }
  kept.reverse();
  // Truncated when a message that would be saved was left out: found right away when the
  // caps cut the list, without walking the rest of a long conversation.
  while (i >= 0 && messages[i]!.streaming) i--;
  return { messages: kept, truncated: hasOlder || i >= 0 };
}

/**
 * The newest confirmed, finished message and where it is: changes when a message arrives, is
 * confirmed or older ones are paged in, but not while a reply streams in or a send is pending.
 * Read from the end, so it costs nothing in a long conversation.
 */
function transcriptShape(messages: readonly ClientMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.state === 'sent' && !m.streaming) return `${i}:${m.clientId}`;
  }
  return '';
}

// Messages are immutable (every change makes a new object), so each one's size is measured once:
// measuring 500 messages on every write cost ~10 ms of main thread per new message (bench/run.mjs).
const sizes = new WeakMap<ClientMessage, number>();
function serializedLength(message: ClientMessage): number {
  let size = sizes.get(message);
  if (size === undefined) sizes.set(message, (size = JSON.stringify(message).length));
  return size;
}
