import { atom, computed, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { ParleyError } from '../errors/index.js';
import type { Author, Conversation, WidgetConfig } from '../protocol/index.js';
import type { ParleyStorage } from '../persistence/index.js';
import type { ClientMessage } from './ClientMessage.js';
import type { DraftUpload } from './persistedState.js';

export type SessionStatus = 'idle' | 'starting' | 'ready' | 'error' | 'ended';
export interface SessionState {
  status: SessionStatus;
  sessionId: string | null;
  visitorId: string | null;
  userId: string | null;
}

/** `connecting`: first attempt; `online`: live stream open; `offline`: retrying with backoff. */
export type ConnectionState = 'idle' | 'connecting' | 'online' | 'offline';

export interface ClientStores {
  $session: WritableAtom<SessionState>;
  $connection: WritableAtom<ConnectionState>;
  $conversation: WritableAtom<Conversation | null>;
  $messages: WritableAtom<ClientMessage[]>;
  $locale: WritableAtom<string>;
  $config: WritableAtom<WidgetConfig | null>;
  $error: WritableAtom<ParleyError | null>;
  $typing: WritableAtom<Author | null>;
  $draft: WritableAtom<string>;
  /** The visitor's conversations, for a ticket list; filled by `loadConversations()` and live events. */
  $conversations: WritableAtom<Conversation[]>;
  /** True when older messages exist on the server than the ones loaded. */
  $hasOlder: WritableAtom<boolean>;
  /** Highest seq the visitor has seen, including optimistic local reads. */
  $readSeq: WritableAtom<number>;
  /** Agent and bot messages the visitor has not seen yet. */
  $unread: ReadableAtom<number>;
  /** The storage in use, known once saved state is loaded (`null` before). */
  $storage: WritableAtom<StorageInfo | null>;
  /** Ids of desk notices the visitor closed; saved, so a closed notice stays closed. */
  $dismissedNotices: WritableAtom<readonly string[]>;
  /** Files attached to the draft (no bytes), saved with it; an upload queue keeps it current. */
  $draftUploads: WritableAtom<readonly DraftUpload[]>;
}

/** Where the client keeps its state; `durable: false` means history is gone when the page closes. */
export interface StorageInfo {
  kind: ParleyStorage['kind'];
  durable: boolean;
  /**
   * True while writes fail for a full quota even after older messages were evicted: the widget
   * works from memory, and history may not be kept on this device.
   */
  full?: boolean;
}

/** One store per concern; created per client so two widgets on a page never share state. */
export function createStores(locale: string): ClientStores {
  const $messages = atom<ClientMessage[]>([]);
  const $readSeq = atom(0);
  return {
    $session: atom<SessionState>({ status: 'idle', sessionId: null, visitorId: null, userId: null }),
    $connection: atom<ConnectionState>('idle'),
    $conversation: atom<Conversation | null>(null),
    $messages,
    $locale: atom(locale),
    $config: atom<WidgetConfig | null>(null),
    $error: atom<ParleyError | null>(null),
    $typing: atom<Author | null>(null),
    $draft: atom(''),
    $conversations: atom<Conversation[]>([]),
    $hasOlder: atom(false),
    $readSeq,
    $storage: atom<StorageInfo | null>(null),
    $dismissedNotices: atom<readonly string[]>([]),
    $draftUploads: atom<readonly DraftUpload[]>([]),
    $unread: computed([$messages, $readSeq], (messages, readSeq) => {
      // From the end, stopping at the first message already read: the list is sorted by seq
      // (local messages last), and this runs on every change of a list that may be 10,000 long.
      let count = 0;
      for (let i = messages.length - 1; i >= 0; i--) {
        const m = messages[i]!;
        if (m.seq === null) continue;
        if (m.seq <= readSeq) break;
        if (m.author.role === 'agent' || m.author.role === 'bot') count++;
      }
      return count;
    }),
  };
}
