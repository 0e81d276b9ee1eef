import * as z from 'zod/mini';
import { type ClientMessage, mergeMessages } from './ClientMessage.js';
import type { ClientStores } from './createStores.js';
import { type OutboxEntry, OutboxEntrySchema } from './persistedState.js';

/** A message bus between tabs of one site; BroadcastChannel in browsers. */
export interface TabChannel {
  post(message: unknown): void;
  subscribe(listener: (message: unknown) => void): () => void;
}

const TabMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('outbox'), tab: z.string(), entries: z.array(OutboxEntrySchema) }),
  z.object({ type: z.literal('locale'), tab: z.string(), locale: z.string() }),
  z.object({ type: z.literal('cleared'), tab: z.string() }),
]);

export interface TabSync {
  /** Tells the other tabs what this tab still has to send. */
  announceOutbox(entries: readonly OutboxEntry[]): void;
  announceLocale(locale: string): void;
  announceCleared(): void;
  /** This tab's queue plus what other open tabs still have to send: what must be persisted. */
  union(own: readonly OutboxEntry[]): OutboxEntry[];
  stop(): void;
}

/**
 * Keeps the tabs of one visitor in step. Sent messages reach every tab through the server's
 * fan-out; what the server has not seen yet (the outboxes) travels here, so a message typed in
 * one tab shows as pending in the others, and each tab persists every tab's unsent messages:
 * closing the tab that typed one never loses it (the next start delivers it, once, by clientId).
 */
export function createTabSync(
  channel: TabChannel,
  stores: ClientStores,
  hooks: { onOthersChanged: () => void; onLocale: (locale: string) => void; onCleared: () => void },
): TabSync {
  const tab = Math.random().toString(36).slice(2);
  const others = new Map<string, OutboxEntry[]>();

  const stop = channel.subscribe((raw) => {
    const parsed = TabMessageSchema.safeParse(raw);
    if (!parsed.success || parsed.data.tab === tab) return;
    const message = parsed.data;
    if (message.type === 'outbox') {
      others.set(message.tab, message.entries);
      const pending: ClientMessage[] = message.entries.map((e) => ({
        id: null,
        seq: null,
        conversationId: null,
        clientId: e.clientId,
        author: { role: 'visitor' },
        text: e.text,
        attachments: e.attachments,
        createdAt: new Date().toISOString(),
        state: e.failed ? 'failed' : 'pending',
        localOrder: e.localOrder,
      }));
      // A scan per entry allocates nothing: a Set of every clientId in a long conversation cost
      // more than the merge, on every outbox change of every other tab.
      const list = stores.$messages.get();
      stores.$messages.set(mergeMessages(list, pending.filter((p) => !list.some((m) => m.clientId === p.clientId))));
      hooks.onOthersChanged();
    } else if (message.type === 'locale') {
      hooks.onLocale(message.locale);
    } else {
      others.clear();
      hooks.onCleared();
    }
  });

  return {
    announceOutbox: (entries) => channel.post({ type: 'outbox', tab, entries }),
    announceLocale: (locale) => channel.post({ type: 'locale', tab, locale }),
    announceCleared: () => channel.post({ type: 'cleared', tab }),
    union(own) {
      const seen = new Set(own.map((e) => e.clientId));
      const merged = [...own];
      for (const entries of others.values()) {
        for (const entry of entries) {
          if (!seen.has(entry.clientId)) {
            seen.add(entry.clientId);
            merged.push(entry);
          }
        }
      }
      return merged;
    },
    stop,
  };
}
