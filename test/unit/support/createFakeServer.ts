import { NetworkError, type ParleyError } from '../../../src/core/errors/index.js';
import type {
  AuthorRole,
  Conversation,
  Message,
  SendMessageRequest,
  ServerEvent,
} from '../../../src/core/protocol/index.js';
import type { LiveHandlers, Transport } from '../../../src/core/transport/Transport.js';
import { makeConfig, makeConversation } from './fixtures.js';

type Method = Exclude<keyof Transport, 'setToken'>;

interface Stream {
  handlers: LiveHandlers;
  lastEventId: string | null;
  close: () => void;
}

export interface FakeServer {
  readonly transport: Transport;
  /** Every transport call, in order. */
  readonly calls: Array<{ method: Method; args: unknown[] }>;
  /** Messages stored by the server, in seq order. */
  readonly messages: Message[];
  readonly conversation: Conversation | null;
  readonly openStreams: number;
  /** The Authorization token the client currently sends. */
  readonly token: string | null;
  /** Every call rejects with `error` until `recover()`. */
  failWith(error: ParleyError): void;
  /** Every call stays unanswered forever (a stalled network) until `recover()`. */
  hang(): void;
  recover(): void;
  /** The next calls of `method` reject with these errors, one each. */
  failNext(method: Method, ...errors: ParleyError[]): void;
  /** The next `count` sends are stored but their reply is lost on the way back. */
  loseNextReplies(count: number): void;
  /** The clientIds of every `sendMessage` call, in order, including failed ones. */
  sendAttempts(): string[];
  /** Creates the visitor's conversation, as if it was started earlier. */
  seedConversation(patch?: Partial<Conversation>): Conversation;
  /** Stores a message from the desk side and emits `message.created`. */
  post(role: AuthorRole, text: string, patch?: Partial<Message>): Message;
  /** Emits an event with a fresh id to every open stream, and keeps it for `Last-Event-ID` replay. */
  emit(event: ServerEvent): string;
  /** Delivers an event with the given id again, as a replay after a reconnect would. */
  replay(event: ServerEvent, id: string): void;
  /** Reports a frame that failed validation, as `readEventStream` does. */
  emitInvalid(error: ParleyError): void;
  /** The server ends every live stream (a deploy, a proxy timeout). */
  closeStreams(): void;
}

const AT = '2025-01-15T12:00:00.000Z';

/**
 * An in-memory Parley backend behind the `Transport` interface: it assigns seqs, stores a
 * clientId once (a repeat answers `duplicate: true`), echoes sends as live events, replays
 * events after `Last-Event-ID`, and can be told to fail or stall.
 */
export function createFakeServer(): FakeServer {
  const calls: FakeServer['calls'] = [];
  const messages: Message[] = [];
  const events: Array<{ id: string; event: ServerEvent }> = [];
  const streams = new Set<Stream>();
  const planned = new Map<Method, ParleyError[]>();
  let conversation: Conversation | null = null;
  let conversationClientId: string | null = null;
  let outage: ParleyError | 'hang' | null = null;
  let lostReplies = 0;
  let token: string | null = null;
  let issuedToken: string | null = null;
  let sessions = 0;
  let seq = 0;
  let eventCounter = 0;

  function call<T>(method: Method, args: unknown[], answer: () => T | Promise<T>): Promise<T> {
    calls.push({ method, args });
    if (outage === 'hang') return new Promise<T>(() => undefined);
    if (outage) return Promise.reject(outage);
    const next = planned.get(method)?.shift();
    if (next) return Promise.reject(next);
    try {
      return Promise.resolve(answer());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  function requireConversation(id: string): Conversation {
    if (!conversation || conversation.id !== id) throw new Error(`fake server: no conversation ${id}`);
    return conversation;
  }

  function store(role: AuthorRole, text: string, patch: Partial<Message>): Message {
    const current = requireConversation(conversation?.id ?? '');
    seq += 1;
    const message: Message = {
      id: `msg_${seq}`,
      clientId: `srv_${String(seq).padStart(8, '0')}`,
      conversationId: current.id,
      seq,
      author: { role },
      text,
      attachments: [],
      createdAt: AT,
      ...patch,
    };
    messages.push(message);
    conversation = { ...current, lastSeq: seq };
    emit({ type: 'message.created', conversationId: current.id, message });
    return message;
  }

  function emit(event: ServerEvent): string {
    const id = String(++eventCounter);
    events.push({ id, event });
    for (const stream of [...streams]) stream.handlers.onEvent(event, id);
    return id;
  }

  const transport: Transport = {
    setToken(next) {
      token = next;
    },
    createSession: (request) =>
      call('createSession', [request], () => {
        const resumed = token !== null && token === issuedToken;
        if (!resumed) {
          sessions += 1;
          issuedToken = `tok_${String(sessions).padStart(16, '0')}`;
        }
        return {
          token: issuedToken!,
          session: { id: `ses_${sessions}`, visitorId: 'vis_1' },
          conversation,
          resumed,
        };
      }),
    updateSession: (request) => call('updateSession', [request], () => undefined),
    endSession: () =>
      call('endSession', [], () => {
        issuedToken = null;
      }),
    getConfig: (locale) => call('getConfig', [locale], () => makeConfig()),
    listConversations: () => call('listConversations', [], () => (conversation ? [conversation] : [])),
    createConversation: (request) =>
      call('createConversation', [request], () => {
        if (conversation && conversationClientId === request.clientId) return conversation;
        conversationClientId = request.clientId;
        conversation = makeConversation({ id: 'conv_1' });
        return conversation;
      }),
    getConversation: (id) => call('getConversation', [id], () => requireConversation(id)),
    reopenConversation: (id) =>
      call('reopenConversation', [id], () => (conversation = { ...requireConversation(id), status: 'open' })),
    requestHandoff: (id) =>
      call('requestHandoff', [id], () => (conversation = { ...requireConversation(id), handler: 'human' })),
    sendMessage: (conversationId, request: SendMessageRequest) =>
      call('sendMessage', [conversationId, request], () => {
        requireConversation(conversationId);
        const existing = messages.find((m) => m.clientId === request.clientId);
        if (existing) return { message: existing, duplicate: true };
        const message = store('visitor', request.text, {
          clientId: request.clientId,
          ...(request.context ? { context: request.context } : {}),
        });
        if (lostReplies > 0) {
          lostReplies -= 1;
          throw new NetworkError('fake server: the reply was lost');
        }
        return { message, duplicate: false };
      }),
    listMessages: (conversationId, query) =>
      call('listMessages', [conversationId, query], () => {
        requireConversation(conversationId);
        const limit = query.limit ?? 50;
        if (query.after !== undefined) {
          const newer = messages.filter((m) => m.seq > query.after!);
          return { messages: newer.slice(0, limit), prevCursor: null, hasMore: newer.length > limit };
        }
        const before = query.before === undefined ? Infinity : Number(query.before);
        const older = messages.filter((m) => m.seq < before);
        const page = older.slice(-limit);
        return { messages: page, prevCursor: older.length > limit ? String(page[0]!.seq) : null, hasMore: false };
      }),
    sendTyping: (conversationId, typing) => call('sendTyping', [conversationId, typing], () => undefined),
    markRead: (conversationId, readSeq) =>
      call('markRead', [conversationId, readSeq], () => {
        conversation = { ...requireConversation(conversationId), visitorReadSeq: readSeq };
      }),
    rate: (conversationId, rating) =>
      call('rate', [conversationId, rating], () => (conversation = { ...requireConversation(conversationId), rating })),
    updateContext: (context) => call('updateContext', [context], () => undefined),
    upload: (file, name) =>
      call('upload', [file, name], () => ({
        id: 'att_1',
        name,
        size: file.size,
        type: file.type,
        kind: 'file' as const,
        url: '/v1/attachments/att_1',
      })),
    fetchAttachment: (attachment) => call('fetchAttachment', [attachment], () => new Blob(['file'])),
    searchArticles: (query, locale) => call('searchArticles', [query, locale], () => []),
    suggestArticles: (url, locale) => call('suggestArticles', [url, locale], () => []),
    getArticle: (id, locale) => call('getArticle', [id, locale], () => Promise.reject(new Error('no articles'))),
    openEvents: (handlers, { lastEventId, signal }) =>
      call('openEvents', [{ lastEventId }], async () => {
        await Promise.resolve();
        return new Promise<void>((resolve) => {
          const stream: Stream = {
            handlers,
            lastEventId,
            close: () => {
              streams.delete(stream);
              resolve();
            },
          };
          signal.addEventListener('abort', stream.close, { once: true });
          if (signal.aborted) return stream.close();
          streams.add(stream);
          handlers.onOpen();
          if (lastEventId !== null) {
            for (const kept of events) if (Number(kept.id) > Number(lastEventId)) handlers.onEvent(kept.event, kept.id);
          }
        });
      }),
  };

  return {
    transport,
    calls,
    messages,
    get conversation() {
      return conversation;
    },
    get openStreams() {
      return streams.size;
    },
    get token() {
      return token;
    },
    failWith(error) {
      outage = error;
    },
    hang() {
      outage = 'hang';
    },
    recover() {
      outage = null;
    },
    failNext(method, ...errors) {
      planned.set(method, [...(planned.get(method) ?? []), ...errors]);
    },
    loseNextReplies(count) {
      lostReplies = count;
    },
    sendAttempts: () =>
      calls.filter((c) => c.method === 'sendMessage').map((c) => (c.args[1] as SendMessageRequest).clientId),
    seedConversation(patch = {}) {
      conversation = makeConversation({ id: 'conv_1', lastSeq: seq, ...patch });
      return conversation;
    },
    post: (role, text, patch = {}) => store(role, text, patch),
    emit,
    replay(event, id) {
      for (const stream of [...streams]) stream.handlers.onEvent(event, id);
    },
    emitInvalid(error) {
      for (const stream of [...streams]) stream.handlers.onInvalid(error);
    },
    closeStreams() {
      for (const stream of [...streams]) stream.close();
    },
  };
}
