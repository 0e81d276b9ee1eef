import type { Message } from '../protocol/index.js';

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
 */
export function mergeMessages(list: readonly ClientMessage[], incoming: readonly ClientMessage[]): ClientMessage[] {
  if (incoming.length === 0) return list as ClientMessage[];
  const next = list.slice();
  const byId = new Map<string, number>();
  const byClientId = new Map<string, number>();
  next.forEach((m, i) => {
    if (m.id) byId.set(m.id, i);
    byClientId.set(m.clientId, i);
  });
  for (const message of incoming) {
    const index = (message.id ? byId.get(message.id) : undefined) ?? byClientId.get(message.clientId);
    if (index === undefined) {
      byClientId.set(message.clientId, next.length);
      if (message.id) byId.set(message.id, next.length);
      next.push(message);
    } else {
      next[index] = keepLongerStream(next[index]!, message);
      if (message.id) byId.set(message.id, index);
    }
  }
  return next.sort(compareMessages);
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
