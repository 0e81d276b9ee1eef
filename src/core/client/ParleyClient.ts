import type { ParleyError } from '../errors/index.js';
import type { Attachment, Conversation, Identity, PageContext, Rating, Redaction } from '../protocol/index.js';
import type { Transport, UploadOptions } from '../transport/index.js';
import type { ClientMessage } from './ClientMessage.js';
import type { ClientStores } from './createStores.js';

export interface ClientEvents {
  /** A new message from an agent, bot or the system (not the visitor's own). */
  message: ClientMessage;
  status: Conversation;
  error: ParleyError;
  ratingRequested: Conversation;
}

export interface SendOptions {
  attachments?: Attachment[];
  quickReplyId?: string;
  /** The pre-chat topic; used when this send starts a new conversation, so the desk can route it. */
  topic?: string;
  /** A knowledge-base article the visitor read first ("Still need help?"); used when this send starts a new conversation. */
  articleId?: string;
  /**
   * What a secret guard already replaced in `text` before sending, so the sent message can say
   * so (the server cannot: it only ever sees `[redacted]`).
   */
  redactions?: Redaction[];
}

/** The headless client: stores to read, actions to call. Build any UI on it. */
export interface ParleyClient extends ClientStores {
  /** Loads saved state, starts or resumes the session and opens the live stream. Idempotent. */
  start(): Promise<void>;
  /** Queues a message; it shows at once as pending and is delivered exactly once. */
  send(text: string, options?: SendOptions): ClientMessage;
  retry(clientId: string): void;
  /** Drops a failed message from the outbox and the list. */
  discard(clientId: string): void;
  /** Pages in older messages from the server. Resolves false at the start of the conversation. */
  loadOlder(): Promise<boolean>;
  markRead(): void;
  setTyping(typing: boolean): void;
  setDraft(text: string): void;
  setLocale(locale: string): Promise<void>;
  /** Tells the backend the visitor navigated (SPA); the caller debounces. */
  updateContext(context: PageContext): Promise<void>;
  rate(rating: Rating): Promise<void>;
  requestHandoff(): Promise<void>;
  /** Details the visitor gave (an e-mail in away mode, a name); never used for access. */
  updateVisitor(details: { email?: string; name?: string }): Promise<void>;
  /** Fills `$conversations` with the visitor's conversations (the ticket list), newest first. */
  loadConversations(): Promise<void>;
  /** Switches to another of the visitor's conversations. */
  openConversation(id: string): Promise<void>;
  /** Leaves the current conversation; the next message starts a new one. */
  startNewConversation(): void;
  /** Remembers that the visitor closed a desk notice (saved in `$dismissedNotices`). */
  dismissNotice(id: string): void;
  /** Reopens the current conversation after it was resolved. */
  reopen(): Promise<void>;
  upload(file: Blob, name: string, options?: UploadOptions): Promise<Attachment>;
  fetchAttachment(attachment: Attachment): Promise<Blob>;
  /** Starts a new session as a signed-in user, so their conversations follow them. */
  identify(identity: Identity): Promise<void>;
  /** Ends the server session and wipes every local trace. `start()` begins afresh afterwards. */
  clear(): Promise<void>;
  on<K extends keyof ClientEvents>(event: K, listener: (payload: ClientEvents[K]) => void): () => void;
  /** Stops timers, the live stream and listeners. The client cannot be used afterwards. */
  destroy(): void;
  readonly transport: Transport;
}
