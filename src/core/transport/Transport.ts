import type {
  Article,
  ArticleSummary,
  Attachment,
  Conversation,
  CreateConversationRequest,
  CreateSessionRequest,
  MessagePage,
  PageContext,
  Rating,
  SendMessageRequest,
  SendMessageResponse,
  ServerEvent,
  SessionResponse,
  UpdateSessionRequest,
  WidgetConfig,
} from '../protocol/index.js';
import type { ParleyError } from '../errors/index.js';

export interface HistoryQuery {
  /** Messages with a larger seq, oldest first. */
  after?: number;
  /** An opaque cursor from `prevCursor`: the older page before it. */
  before?: string;
  limit?: number;
}

export interface UploadOptions {
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

export interface LiveHandlers {
  /** The stream is open; everything after this arrives live. */
  onOpen: () => void;
  /** One valid event; `id` is the event id to resume from. */
  onEvent: (event: ServerEvent, id: string | null) => void;
  /** A frame that does not match Protocol v1. The stream goes on. */
  onInvalid: (error: ParleyError) => void;
}

export interface LiveOptions {
  lastEventId: string | null;
  signal: AbortSignal;
}

/**
 * Everything the client needs from a backend. The default is Parley Protocol v1 over HTTP and
 * SSE (`createHttpTransport`); implement this interface to connect another backend
 * (see examples/custom-transport). Methods reject with `ParleyError` subclasses: transient
 * failures (`network`, `timeout`, 5xx) are retried by the client with the same ids.
 */
export interface Transport {
  /** Bearer token for later calls; `null` after the session ends. */
  setToken(token: string | null): void;
  createSession(request: CreateSessionRequest): Promise<SessionResponse>;
  updateSession(request: UpdateSessionRequest): Promise<void>;
  endSession(): Promise<void>;
  getConfig(locale: string): Promise<WidgetConfig>;
  listConversations(): Promise<Conversation[]>;
  createConversation(request: CreateConversationRequest): Promise<Conversation>;
  getConversation(id: string): Promise<Conversation>;
  reopenConversation(id: string): Promise<Conversation>;
  requestHandoff(id: string): Promise<Conversation>;
  sendMessage(conversationId: string, request: SendMessageRequest): Promise<SendMessageResponse>;
  listMessages(conversationId: string, query: HistoryQuery): Promise<MessagePage>;
  sendTyping(conversationId: string, typing: boolean): Promise<void>;
  markRead(conversationId: string, seq: number): Promise<void>;
  rate(conversationId: string, rating: Rating): Promise<Conversation>;
  updateContext(context: PageContext): Promise<void>;
  upload(file: Blob, name: string, options?: UploadOptions): Promise<Attachment>;
  /** The bytes of an attachment, fetched with the bearer token (never a token in the URL). */
  fetchAttachment(attachment: Attachment): Promise<Blob>;
  searchArticles(query: string, locale: string): Promise<ArticleSummary[]>;
  suggestArticles(url: string, locale: string): Promise<ArticleSummary[]>;
  getArticle(id: string, locale: string): Promise<Article>;
  /**
   * Opens the live event stream once. Resolves when the server ends it, rejects on failure;
   * the client reconnects with backoff and passes the last event id it saw.
   */
  openEvents(handlers: LiveHandlers, options: LiveOptions): Promise<void>;
}
