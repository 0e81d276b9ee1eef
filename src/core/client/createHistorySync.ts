import type { ParleyError } from '../errors/index.js';
import type { Conversation } from '../protocol/index.js';
import type { Transport } from '../transport/index.js';
import { type ClientMessage, fromServerMessage, mergeMessages } from './ClientMessage.js';
import type { ClientStores } from './createStores.js';

export interface HistorySync {
  /** Fetches what the server has after our last seq (or the newest page), single-flight. */
  sync(): Promise<void>;
  /** Pages in the next older page; resolves false at the start of the conversation. */
  loadOlder(): Promise<boolean>;
  reset(): void;
}

/**
 * Keeps `$messages` complete: after every (re)connect and reload it asks for everything after
 * the last known seq, so a backend that cannot replay events still loses nothing.
 */
export function createHistorySync(deps: {
  transport: Transport;
  stores: ClientStores;
  setConversation: (conversation: Conversation) => void;
  reportError: (error: ParleyError) => void;
}): HistorySync {
  const { transport, stores } = deps;
  let olderCursor: string | null = null;
  let running: Promise<void> | null = null;

  const merge = (messages: ClientMessage[]) => stores.$messages.set(mergeMessages(stores.$messages.get(), messages));

  async function run() {
    const conversation = stores.$conversation.get();
    if (!conversation) return;
    try {
      const fresh = await transport.getConversation(conversation.id);
      if (stores.$conversation.get()?.id === fresh.id) deps.setConversation(fresh);
      let lastSeq = maxSeq(stores.$messages.get());
      if (lastSeq === 0) {
        const page = await transport.listMessages(conversation.id, { limit: 50 });
        olderCursor = page.prevCursor;
        stores.$hasOlder.set(page.prevCursor !== null);
        merge(page.messages.map(fromServerMessage));
        return;
      }
      for (;;) {
        const page = await transport.listMessages(conversation.id, { after: lastSeq, limit: 200 });
        merge(page.messages.map(fromServerMessage));
        lastSeq = maxSeq(stores.$messages.get());
        if (!page.hasMore || page.messages.length === 0) break;
      }
    } catch (error) {
      deps.reportError(error as ParleyError);
    }
  }

  return {
    sync() {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
    async loadOlder() {
      const conversation = stores.$conversation.get();
      const oldest = stores.$messages.get().find((m) => m.seq !== null);
      // Any message's seq is a valid `before` cursor (docs/protocol.md), so a transcript
      // restored from storage can page back without the cursor of the page it came from.
      const before = olderCursor ?? (oldest ? String(oldest.seq) : undefined);
      if (!conversation || before === undefined || oldest?.seq === 1) {
        stores.$hasOlder.set(false);
        return false;
      }
      const page = await transport.listMessages(conversation.id, { before, limit: 50 });
      olderCursor = page.prevCursor;
      stores.$hasOlder.set(page.prevCursor !== null);
      merge(page.messages.map(fromServerMessage));
      return page.prevCursor !== null;
    },
    reset() {
      olderCursor = null;
    },
  };
}

export function maxSeq(messages: readonly ClientMessage[]): number {
  let max = 0;
  for (const m of messages) if (m.seq !== null && m.seq > max) max = m.seq;
  return max;
}
