import ky, { type KyInstance } from 'ky';
import * as z from 'zod/mini';
import { NetworkError, ParleyError } from '../errors/index.js';
import {
  ArticleListSchema,
  ArticleResponseSchema,
  ConversationListSchema,
  ConversationResponseSchema,
  MessagePageSchema,
  SendMessageResponseSchema,
  SessionResponseSchema,
  UploadResponseSchema,
  WidgetConfigSchema,
  type Attachment,
} from '../protocol/index.js';
import { fromResponse, toParleyError } from './toParleyError.js';
import { parseJsonReply } from './parseJsonReply.js';
import { parseReply } from './parseReply.js';
import { readEventStream } from './readEventStream.js';
import type { HistoryQuery, LiveHandlers, LiveOptions, Transport, UploadOptions } from './Transport.js';

export interface HttpTransportOptions {
  /** The backend's base URL, e.g. `https://support.example.com`. */
  endpoint: string;
  /** Per-request timeout in ms (not for the live stream). Default 15000. */
  timeout?: number;
  /** Retries for idempotent GETs. Sends are retried by the client's outbox instead. Default 2. */
  retries?: number;
  /** A fetch implementation, for tests or special runtimes. Defaults to the global one. */
  fetch?: typeof fetch;
  /**
   * ms without a byte on the live stream (not even the server's `: ping`) after which it is
   * treated as dead and reconnected. Default 45000: three missed pings of the reference server.
   */
  streamIdleTimeout?: number;
}

/**
 * Parley Protocol v1 over HTTP and SSE, with ky for requests and eventsource-parser over fetch
 * for live events (EventSource cannot send the Authorization header).
 *
 * @example
 * ```ts
 * const client = createClient({ transport: createHttpTransport({ endpoint: 'https://support.example.com' }) });
 * ```
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const base = options.endpoint.replace(/\/+$/, '') + '/v1/';
  // Bound at call time: some browsers throw "Illegal invocation" for an unbound window.fetch.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let token: string | null = null;

  const http: KyInstance = ky.create({
    prefixUrl: base,
    timeout: options.timeout ?? 15000,
    fetch: fetchImpl,
    retry: { limit: options.retries ?? 2, methods: ['get'], backoffLimit: 3000 },
    hooks: {
      beforeRequest: [
        (request) => {
          if (token) request.headers.set('Authorization', `Bearer ${token}`);
        },
      ],
    },
  });

  async function call<T extends z.ZodMiniType>(
    what: string,
    schema: T,
    request: () => Promise<Response>,
  ): Promise<z.infer<T>> {
    let text: string;
    try {
      const response = await request();
      text = await response.text();
    } catch (error) {
      // Only the request and reading the body can fail for network reasons; parsing is below.
      throw await toParleyError(error, what);
    }
    return parseReply(schema, parseJsonReply(text, what), what);
  }

  async function callVoid(what: string, request: () => Promise<Response>): Promise<void> {
    try {
      await request();
    } catch (error) {
      throw await toParleyError(error, what);
    }
  }

  const conv = (id: string) => `conversations/${encodeURIComponent(id)}`;

  return {
    setToken(next) {
      token = next;
    },
    createSession: (json) => call('session', SessionResponseSchema, () => http.post('sessions', { json })),
    updateSession: (json) => callVoid('session update', () => http.patch('session', { json })),
    endSession: () => callVoid('session end', () => http.delete('session')),
    getConfig: (locale) =>
      call('config', WidgetConfigSchema, () => http.get('config', { searchParams: { locale } })),
    listConversations: async () =>
      (await call('conversation list', ConversationListSchema, () => http.get('conversations'))).conversations,
    createConversation: async (json) =>
      (await call('conversation', ConversationResponseSchema, () => http.post('conversations', { json })))
        .conversation,
    getConversation: async (id) =>
      (await call('conversation', ConversationResponseSchema, () => http.get(conv(id)))).conversation,
    reopenConversation: async (id) =>
      (await call('conversation', ConversationResponseSchema, () => http.post(`${conv(id)}/reopen`))).conversation,
    requestHandoff: async (id) =>
      (await call('handoff', ConversationResponseSchema, () => http.post(`${conv(id)}/handoff`))).conversation,
    sendMessage: (id, json) =>
      call('message send', SendMessageResponseSchema, () => http.post(`${conv(id)}/messages`, { json })),
    listMessages: (id, query: HistoryQuery) =>
      call('history', MessagePageSchema, () =>
        http.get(`${conv(id)}/messages`, { searchParams: historyParams(query) }),
      ),
    sendTyping: (id, typing) => callVoid('typing', () => http.post(`${conv(id)}/typing`, { json: { typing } })),
    markRead: (id, seq) => callVoid('read receipt', () => http.post(`${conv(id)}/read`, { json: { seq } })),
    rate: async (id, json) =>
      (await call('rating', ConversationResponseSchema, () => http.post(`${conv(id)}/rating`, { json })))
        .conversation,
    updateContext: (context) => callVoid('context', () => http.post('context', { json: { context } })),
    upload: async (file: Blob, name: string, uploadOptions: UploadOptions = {}) => {
      // A lazy chunk: most conversations never attach a file (docs/performance.md).
      const { uploadWithProgress } = await import('./uploadWithProgress.js').catch(async (error: unknown) => {
        throw await toParleyError(error, 'loading the upload code');
      });
      const body = await uploadWithProgress({
        url: base + 'uploads',
        token,
        file,
        name,
        fetch: fetchImpl,
        ...uploadOptions,
      });
      return parseReply(UploadResponseSchema, body, 'upload').attachment;
    },
    fetchAttachment: async (attachment: Attachment) => {
      try {
        return await (await http.get(attachment.url.replace(/^\/?v1\//, ''), { timeout: 60000 })).blob();
      } catch (error) {
        throw await toParleyError(error, 'attachment download');
      }
    },
    searchArticles: async (q, locale) =>
      (await call('article search', ArticleListSchema, () => http.get('kb/search', { searchParams: { q, locale } })))
        .articles,
    suggestArticles: async (url, locale) =>
      (
        await call('article suggestions', ArticleListSchema, () =>
          http.get('kb/suggest', { searchParams: { url, locale } }),
        )
      ).articles,
    getArticle: async (id, locale) =>
      (
        await call('article', ArticleResponseSchema, () =>
          http.get(`kb/articles/${encodeURIComponent(id)}`, { searchParams: { locale } }),
        )
      ).article,
    openEvents: (handlers: LiveHandlers, live: LiveOptions) =>
      openEvents(base, token, fetchImpl, handlers, live, options.streamIdleTimeout ?? 45000),
  };
}

function historyParams(query: HistoryQuery): Record<string, string | number> {
  const params: Record<string, string | number> = { limit: query.limit ?? 50 };
  if (query.after !== undefined) params.after = query.after;
  if (query.before !== undefined) params.before = query.before;
  return params;
}

async function openEvents(
  base: string,
  token: string | null,
  fetchImpl: typeof fetch,
  handlers: LiveHandlers,
  { lastEventId, signal }: LiveOptions,
  idleTimeout: number,
): Promise<void> {
  const headers: Record<string, string> = { Accept: 'text/event-stream' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (lastEventId) headers['Last-Event-ID'] = lastEventId;
  // A stream can stall without closing (a half-open TCP connection after sleep or a NAT
  // timeout, a proxy that never answers): without this watchdog the widget would wait forever.
  const idle = new AbortController();
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      idle.abort();
    }, idleTimeout);
  };
  const forward = () => idle.abort();
  signal.addEventListener('abort', forward, { once: true });
  arm();
  try {
    let response: Response;
    try {
      response = await fetchImpl(base + 'events', { headers, signal: idle.signal, cache: 'no-store' });
    } catch (error) {
      throw new NetworkError(`Parley: the live event stream could not connect${stalled ? ' in time' : ''}`, {
        cause: error,
        timeout: stalled,
      });
    }
    if (!response.ok) throw await fromResponse(response, 'live event stream');
    if (!response.body || !(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      throw new ParleyError('invalid_response', 'Parley: the live event stream is not text/event-stream');
    }
    handlers.onOpen();
    try {
      await readEventStream(response.body, handlers, arm);
    } catch (error) {
      if (signal.aborted) return;
      throw new NetworkError(`Parley: the live event stream was ${stalled ? 'silent too long' : 'cut'}`, {
        cause: error,
        timeout: stalled,
      });
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', forward);
  }
}
