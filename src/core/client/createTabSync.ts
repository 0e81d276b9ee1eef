import * as z from 'zod/mini';
import { fromOutboxEntry, mergeMessages } from './ClientMessage.js';
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
      const before = others.get(message.tab) ?? [];
      others.set(message.tab, message.entries);
      const now = new Map(message.entries.map((e) => [e.clientId, e]));
      // A failed entry that left the other tab's outbox was deleted there by the visitor. A pending
      // one that left was sent: its server copy replaces the local one by clientId (fan-out).
      const discarded = new Set(before.filter((e) => e.failed && !now.has(e.clientId)).map((e) => e.clientId));
      let list = stores.$messages.get();
      let changed = false;
      // Local (unsent) messages sort last, so only the tail can match; a long conversation's
      // sent messages are never walked.
      for (let i = list.length - 1; i >= 0 && list[i]!.id === null; i--) {
        const m = list[i]!;
        const entry = now.get(m.clientId);
        if (entry) {
          now.delete(m.clientId);
          const state = entry.failed ? 'failed' : 'pending';
          if (m.state !== state) {
            if (!changed) list = [...list];
            list[i] = { ...m, state, ...(entry.errorCode ? { errorCode: entry.errorCode } : {}) };
            changed = true;
          }
        } else if (discarded.has(m.clientId)) {
          if (!changed) list = [...list];
          list.splice(i, 1);
          changed = true;
        }
      }
      // What is left in `now` is new to this tab: shown as pending (or failed) until the server has it.
      const createdAt = new Date().toISOString();
      const added = [...now.values()].filter((e) => !list.some((m) => m.clientId === e.clientId)).map((e) => fromOutboxEntry(e, createdAt));
      if (changed || added.length > 0) stores.$messages.set(added.length > 0 ? mergeMessages(list, added) : list);
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
