import type { ParleyStorage } from '../persistence/index.js';
import { type ClientMessage, fromOutboxEntry, mergeMessages } from './ClientMessage.js';
import type { ClientStores } from './createStores.js';
import type { Outbox } from './createOutbox.js';
import { type PersistedState, readState } from './persistedState.js';

export interface Hydrated {
  session: PersistedState['session'] | undefined;
  pendingConversationClientId: string | null;
  lastEventId: string | null;
  nextLocalOrder: number;
}

/**
 * Puts saved state back into the stores before any network call, so a reload shows the
 * transcript and the still-pending messages at once, even offline.
 */
export async function hydrateState(
  storage: ParleyStorage,
  stores: ClientStores,
  outbox: Outbox,
  options: { keepSavedLocale: boolean; warn: (message: string) => void; now: () => number },
): Promise<Hydrated> {
  const { warn } = options;
  const [session, conversation, transcript, outboxState, cursor, draft, locale, notices, config] = await Promise.all([
    readState(storage, 'session', warn),
    readState(storage, 'conversation', warn),
    readState(storage, 'transcript', warn),
    readState(storage, 'outbox', warn),
    readState(storage, 'cursor', warn),
    readState(storage, 'draft', warn),
    options.keepSavedLocale ? readState(storage, 'locale', warn) : undefined,
    readState(storage, 'notices', warn),
    readState(storage, 'config', warn),
  ]);
  // Shown until the backend answers with a fresh one (or forever, if it never does).
  if (config && !stores.$config.get()) stores.$config.set(config.config);
  if (locale) stores.$locale.set(locale.locale);
  if (draft) stores.$draft.set(draft.text);
  if (draft?.uploads?.length) stores.$draftUploads.set(draft.uploads);
  if (notices) stores.$dismissedNotices.set(notices.dismissed);
  if (conversation) stores.$conversation.set(conversation.conversation);
  if (conversation?.conversation) stores.$readSeq.set(conversation.conversation.visitorReadSeq);

  outbox.restore(outboxState?.entries ?? []);
  // Includes messages sent while the saved state was being read (restore keeps them).
  const entries = outbox.entries();
  let saved: ClientMessage[] = [];
  if (transcript && transcript.conversationId === (conversation?.conversation?.id ?? null)) {
    // Only confirmed messages come from the transcript; the outbox is the truth for the rest.
    saved = transcript.messages.filter((m) => m.state === 'sent');
    stores.$hasOlder.set(transcript.truncated);
  }
  const queued = entries.map((e) => fromOutboxEntry(e, new Date(options.now()).toISOString()));
  // A confirmed copy wins over a queued one: the reply was saved but the outbox was not yet
  // trimmed. The resend still happens and comes back as `duplicate: true`.
  const confirmed = new Set(saved.map((m) => m.clientId));
  stores.$messages.set(mergeMessages(saved, queued.filter((q) => !confirmed.has(q.clientId))));
  return {
    session,
    pendingConversationClientId: conversation?.pendingClientId ?? null,
    lastEventId: cursor?.lastEventId ?? null,
    nextLocalOrder: Math.max(0, ...entries.map((e) => e.localOrder + 1)),
  };
}
