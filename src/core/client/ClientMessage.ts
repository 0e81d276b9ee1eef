import type { Message } from '../protocol/index.js';
import type { OutboxEntry } from './persistedState.js';

/** `pending`: not yet confirmed by the server (offline or in flight); `failed`: rejected, retry possible. */
export type DeliveryState = 'pending' | 'sent' | 'failed';

/**
 * A message as the UI sees it: either confirmed by the server (with `id` and `seq`) or still in
 * the outbox (with `seq: null`). `clientId` identifies it across both states.
 */
export interface ClientMessage extends Omit<Message, 'id' | 'seq' | 'conversationId'> {
  id: string | null;
  seq: number | null;
  conversationId: string | null;
  state: DeliveryState;
  /** Why it failed: a Parley error code or a Protocol v1 problem code. */
  errorCode?: string;
  /** Local creation order for messages without a seq yet. */
  localOrder?: number;
}

export function fromServerMessage(message: Message): ClientMessage {
  return { ...message, state: 'sent' };
}

/** An unsent message as the list shows it: pending, or failed with its code, until the server has it. */
export function fromOutboxEntry(entry: OutboxEntry, createdAt: string): ClientMessage {
  return {
    id: null,
    seq: null,
    conversationId: null,
    clientId: entry.clientId,
    author: { role: 'visitor' },
    text: entry.text,
    attachments: entry.attachments,
    createdAt,
    state: entry.failed ? 'failed' : 'pending',
    localOrder: entry.localOrder,
    ...(entry.errorCode ? { errorCode: entry.errorCode } : {}),
    ...(entry.context ? { context: entry.context } : {}),
  };
}

/**
 * Server messages by seq, then local ones in the order they were written. Timestamps are never
 * used: clocks of visitors and servers disagree.
 */
export function compareMessages(a: ClientMessage, b: ClientMessage): number {
  if (a.seq !== null && b.seq !== null) return a.seq - b.seq;
  if (a.seq !== null) return -1;
  if (b.seq !== null) return 1;
  return (a.localOrder ?? 0) - (b.localOrder ?? 0);
}

/**
 * Inserts or replaces messages by server id, falling back to clientId so a confirmed send
 * replaces its pending copy. Returns a new sorted array; the input is not mutated.
 *
 * `list` is sorted by `compareMessages` (every writer of `$messages` keeps it so: merges place,
 * filters and in-place replacements keep the order), so each message is found and placed by
 * binary search: O(log n) plus the copy. Indexing all 10,000 messages of a long conversation in
 * two Maps and sorting them again cost 1.5–3 ms per send or live event (docs/performance.md).
 */
export function mergeMessages(list: readonly ClientMessage[], incoming: readonly ClientMessage[]): ClientMessage[] {
  if (incoming.length === 0) return list as ClientMessage[];
  const next = list.slice();
  for (const message of incoming) {
    const index = findCopy(next, message);
    const merged = index < 0 ? message : keepLongerStream(next[index]!, message);
    if (index >= 0 && compareMessages(next[index]!, merged) === 0) next[index] = merged;
    else {
      // New, or confirmed: a send moves from the local messages at the end to its seq.
      if (index >= 0) next.splice(index, 1);
      next.splice(bisect(next, next.length, (m) => compareMessages(m, merged) <= 0), 0, merged);
    }
  }
  return next;
}

/** Where `message`'s copy is (same server id, else same clientId), or -1. */
function findCopy(list: readonly ClientMessage[], message: ClientMessage): number {
  const local = bisect(list, list.length, (m) => m.seq !== null);
  if (message.seq !== null) {
    // The server never changes a message's seq, so a confirmed copy sits at it.
    for (let i = bisect(list, local, (m) => m.seq! < message.seq!); i < local && list[i]!.seq === message.seq; i++) {
      if (list[i]!.id === message.id || list[i]!.clientId === message.clientId) return i;
    }
  }
  // The pending copy of a send is among the few local messages at the end. A local copy is
  // looked for there only: callers never merge a local copy of a message the server confirmed
  // (a fresh send has none; tab sync and hydration filter them out), and scanning all 10,000
  // for one cost 0.3–0.8 ms per send.
  for (let i = list.length - 1; i >= local; i--) if (list[i]!.clientId === message.clientId) return i;
  return -1;
}

/** The first index in `list[0, end)` where `before` no longer holds (it holds for a prefix). */
function bisect(list: readonly ClientMessage[], end: number, before: (m: ClientMessage) => boolean): number {
  let low = 0;
  let high = end;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(list[mid]!)) low = mid + 1;
    else high = mid;
  }
  return low;
}

// A `message.created` replayed after deltas must not shorten a stream already further along.
// What the widget redacted before sending is known only locally (the server saw `[redacted]`),
// so the confirmed copy keeps that note.
function keepLongerStream(current: ClientMessage, incoming: ClientMessage): ClientMessage {
  if (incoming.streaming && current.streaming && current.text.length > incoming.text.length) {
    return { ...incoming, text: current.text };
  }
  if (current.redactions?.length && !incoming.redactions?.length) return { ...incoming, redactions: current.redactions };
  return incoming;
}

/** Applies a `message.delta` at `offset`; overlap from a replay is skipped, a gap is reported. */
export function applyDelta(
  message: ClientMessage,
  offset: number,
  delta: string,
): { message: ClientMessage; gap: boolean } {
  const length = message.text.length;
  if (offset > length) return { message, gap: true };
  const end = offset + delta.length;
  if (end <= length) return { message, gap: false };
  return { message: { ...message, text: message.text + delta.slice(length - offset) }, gap: false };
}
