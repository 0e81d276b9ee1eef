import type { ServerEvent } from '../protocol/index.js';
import { applyDelta, fromServerMessage, mergeMessages } from './ClientMessage.js';
import type { Clock } from './Clock.js';
import type { ClientEvents } from './ParleyClient.js';
import type { Emitter } from './createEmitter.js';
import type { ClientStores } from './createStores.js';

export interface EventContext {
  stores: ClientStores;
  emitter: Emitter<ClientEvents>;
  clock: Clock;
  /** A delta arrived past the text we have: refetch so the stream never skips text. */
  refetchAfterGap: () => void;
  /** Clears the typing indicator some seconds after the last `typing` event. */
  typingTimeout: { handle: unknown };
  /** The server's copy of one of our messages arrived: it is stored, so the outbox may let go of it. */
  confirmDelivered: (clientId: string) => void;
}

/** Applies one live event to the stores. Events of other conversations only touch the list. */
export function handleServerEvent(event: ServerEvent, ctx: EventContext): void {
  const { stores, emitter } = ctx;
  if (event.type === 'conversation.status' || event.type === 'conversation.created') {
    // The ticket list follows every conversation, not just the open one.
    const list = stores.$conversations.get();
    const others = list.filter((c) => c.id !== event.conversation.id);
    stores.$conversations.set([event.conversation, ...others].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)));
  }
  const conversation = stores.$conversation.get();
  if (!conversation || event.conversationId !== conversation.id) {
    if (event.type === 'conversation.created' && !conversation) stores.$conversation.set(event.conversation);
    return;
  }
  switch (event.type) {
    case 'message.created':
    case 'message.updated': {
      const known = stores.$messages.get().some((m) => m.id === event.message.id || (m.clientId === event.message.clientId && m.author.role === event.message.author.role));
      // The server copy replaces a pending or failed local one with the same clientId: the event
      // may come before a send reply that then turns out broken, or after it was marked failed.
      stores.$messages.set(mergeMessages(stores.$messages.get(), [fromServerMessage(event.message)]));
      if (event.message.author.role === 'visitor') ctx.confirmDelivered(event.message.clientId);
      if (event.message.author.role !== 'visitor') {
        if (stores.$typing.get()?.role === event.message.author.role) stores.$typing.set(null);
        if (!known && event.type === 'message.created') emitter.emit('message', fromServerMessage(event.message));
      }
      if (event.message.seq > conversation.lastSeq) {
        stores.$conversation.set({ ...conversation, lastSeq: event.message.seq });
      }
      return;
    }
    case 'message.delta': {
      const list = stores.$messages.get();
      const index = list.findIndex((m) => m.id === event.messageId);
      if (index < 0) {
        ctx.refetchAfterGap();
        return;
      }
      const { message, gap } = applyDelta(list[index]!, event.offset, event.delta);
      if (gap) {
        ctx.refetchAfterGap();
        return;
      }
      if (message !== list[index]) {
        const next = list.slice();
        next[index] = message;
        stores.$messages.set(next);
      }
      return;
    }
    case 'typing': {
      if (event.author.role === 'visitor') return;
      stores.$typing.set(event.typing ? event.author : null);
      if (ctx.typingTimeout.handle !== null) ctx.clock.clearTimeout(ctx.typingTimeout.handle);
      ctx.typingTimeout.handle = event.typing
        ? ctx.clock.setTimeout(() => {
            ctx.typingTimeout.handle = null;
            stores.$typing.set(null);
          }, 8000)
        : null;
      return;
    }
    case 'agent.joined':
      stores.$conversation.set({ ...conversation, assignee: event.agent, handler: 'human' });
      return;
    case 'agent.left':
      stores.$conversation.set({ ...conversation, assignee: null });
      return;
    case 'read':
      if (event.reader === 'agent') {
        stores.$conversation.set({ ...conversation, agentReadSeq: Math.max(conversation.agentReadSeq, event.seq) });
      } else {
        stores.$readSeq.set(Math.max(stores.$readSeq.get(), event.seq));
      }
      return;
    case 'conversation.status':
    case 'conversation.created':
      stores.$conversation.set(event.conversation);
      emitter.emit('status', event.conversation);
      return;
    case 'rating.requested': {
      const next = { ...conversation, ratingRequested: true };
      stores.$conversation.set(next);
      emitter.emit('ratingRequested', next);
      return;
    }
    case 'rating.submitted':
      stores.$conversation.set({ ...conversation, rating: event.rating });
      return;
    case 'context.updated':
      return;
  }
}
