import { HttpError, isHttpError, isTransientError, type ParleyError } from '../errors/index.js';
import type { Message } from '../protocol/index.js';
import type { Transport } from '../transport/index.js';
import type { Clock } from './Clock.js';
import { backoff } from './backoff.js';
import type { OutboxEntry } from './persistedState.js';

export interface OutboxDeps {
  transport: Transport;
  clock: Clock;
  /** The conversation to send into, created idempotently on first use. */
  ensureConversation: () => Promise<string>;
  /** Resolves when the entry is ready to leave (its slow context has been added). */
  prepare: (entry: OutboxEntry) => Promise<void>;
  /**
   * True once the server's own copy of this message (same clientId) has been shown, from a live
   * event or a history page: the message is stored, whatever its send reply says.
   */
  isDelivered: (clientId: string) => boolean;
  onSent: (message: Message, entry: OutboxEntry) => void;
  onFailed: (entry: OutboxEntry, error: ParleyError) => void;
  /** The send reply failed for good, but the message was stored (`isDelivered`): report, never fail it. */
  onDeliveredDespiteError: (entry: OutboxEntry, error: ParleyError) => void;
  /** Called on every change, so the caller can persist the queue. */
  onChange: (entries: readonly OutboxEntry[]) => void;
  onTransientError: (error: ParleyError) => void;
}

/** A backend that answers 5xx this many times for one message has rejected it for good. */
const MAX_SERVER_ERROR_ATTEMPTS = 8;

export interface Outbox {
  entries(): readonly OutboxEntry[];
  restore(entries: readonly OutboxEntry[]): void;
  enqueue(entry: OutboxEntry): void;
  /** Puts a failed entry back in the queue; it keeps its clientId, so it still sends once. */
  retry(clientId: string): boolean;
  /**
   * The server's copy of this message arrived: a failed entry is dropped, as it was stored after
   * all. A waiting entry still sends (the server answers `duplicate: true`), which settles it.
   */
  confirm(clientId: string): void;
  remove(clientId: string): void;
  /** Try now (for example, when the connection comes back) instead of waiting for the backoff. */
  flush(): void;
  /** Empties the queue (after `clear()`); the outbox stays usable. */
  reset(): void;
  destroy(): void;
}

/**
 * Delivers visitor messages exactly once, in order. Each entry keeps its clientId across
 * retries, and the server stores a clientId once, so a retry after a lost reply (or a reload
 * mid-send) can never duplicate a message. Network errors retry forever with backoff: a message
 * typed offline is delivered when the backend is back.
 */
export function createOutbox(deps: OutboxDeps): Outbox {
  let queue: OutboxEntry[] = [];
  let running = false;
  let timer: unknown = null;
  let destroyed = false;
  // 5xx replies per entry, counted apart from network errors and timeouts: a message that met a
  // long outage (dozens of timeouts) must still get its full share of tries against a 5xx. Kept
  // in memory only: after a reload a stuck message gets a fresh set of tries.
  const serverErrors = new Map<string, number>();

  const changed = () => deps.onChange(queue);

  function schedule(ms: number) {
    if (destroyed || timer !== null) return;
    timer = deps.clock.setTimeout(() => {
      timer = null;
      void run();
    }, ms);
  }

  async function run(): Promise<void> {
    if (running || destroyed) return;
    running = true;
    try {
      for (;;) {
        const entry = queue.find((e) => !e.failed);
        if (!entry || destroyed) return;
        const wait = await sendOne(entry);
        if (wait !== null) {
          schedule(wait);
          return;
        }
      }
    } finally {
      running = false;
    }
  }

  /** Sends one entry; returns null to go on with the next, or ms to wait before trying again. */
  async function sendOne(entry: OutboxEntry): Promise<number | null> {
    try {
      await deps.prepare(entry);
      const conversationId = await deps.ensureConversation();
      const reply = await deps.transport.sendMessage(conversationId, {
        clientId: entry.clientId,
        text: entry.text,
        attachmentIds: entry.attachments.map((a) => a.id),
        ...(entry.quickReplyId ? { quickReplyId: entry.quickReplyId } : {}),
        ...(entry.context ? { context: entry.context } : {}),
      });
      // `duplicate: true` means an earlier attempt got through and only its reply was lost.
      queue = queue.filter((e) => e.clientId !== entry.clientId);
      serverErrors.delete(entry.clientId);
      changed();
      if (!destroyed) deps.onSent(reply.message, entry);
      return null;
    } catch (raw) {
      const error = raw as ParleyError;
      entry.attempts += 1;
      const serverError = isHttpError(error) && error.status >= 500;
      const serverTries = serverError ? (serverErrors.get(entry.clientId) ?? 0) + 1 : 0;
      if (serverError) serverErrors.set(entry.clientId, serverTries);
      if (isTransientError(error) && serverTries < MAX_SERVER_ERROR_ATTEMPTS) {
        changed();
        deps.onTransientError(error);
        const retryAfter = error instanceof HttpError && error.retryAfter !== undefined ? error.retryAfter * 1000 : 0;
        return Math.max(retryAfter, backoff(entry.attempts - 1, 500, 15000));
      }
      // The server stored it and its live event beat a broken reply (malformed JSON, a proxy's
      // error page): marking it failed would offer a retry for a message the agent already has.
      if (deps.isDelivered(entry.clientId)) {
        queue = queue.filter((e) => e.clientId !== entry.clientId);
        changed();
        if (!destroyed) deps.onDeliveredDespiteError(entry, error);
        return null;
      }
      entry.failed = true;
      entry.errorCode = (isHttpError(error) && error.problemCode) || error.code || 'rejected';
      changed();
      deps.onFailed(entry, error);
      return null;
    }
  }

  return {
    entries: () => queue,
    restore(entries) {
      // A message sent before the saved queue was read (a queued `Parley('sendMessage')` runs
      // while storage is still opening) is kept, after the saved ones, instead of being wiped.
      const saved = new Set(entries.map((e) => e.clientId));
      const early = queue.filter((e) => !saved.has(e.clientId));
      let order = Math.max(-1, ...entries.map((e) => e.localOrder));
      for (const entry of early) entry.localOrder = ++order;
      queue = [...entries.map((e) => ({ ...e })), ...early];
    },
    enqueue(entry) {
      queue.push(entry);
      changed();
      void run();
    },
    retry(clientId) {
      const entry = queue.find((e) => e.clientId === clientId);
      if (!entry) return false;
      if (deps.isDelivered(clientId)) {
        queue = queue.filter((e) => e !== entry);
        changed();
        return false;
      }
      entry.failed = false;
      entry.attempts = 0;
      serverErrors.delete(clientId);
      delete entry.errorCode;
      changed();
      void run();
      return true;
    },
    confirm(clientId) {
      if (!queue.some((e) => e.clientId === clientId && e.failed)) return;
      queue = queue.filter((e) => e.clientId !== clientId);
      changed();
    },
    remove(clientId) {
      queue = queue.filter((e) => e.clientId !== clientId);
      changed();
    },
    flush() {
      if (timer !== null) {
        deps.clock.clearTimeout(timer);
        timer = null;
      }
      void run();
    },
    reset() {
      if (timer !== null) deps.clock.clearTimeout(timer);
      timer = null;
      queue = [];
      changed();
    },
    destroy() {
      destroyed = true;
      if (timer !== null) deps.clock.clearTimeout(timer);
      timer = null;
    },
  };
}
