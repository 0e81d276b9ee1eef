/**
 * A Parley `Transport` for a backend that does not speak Parley Protocol v1: "Acme Helpdesk",
 * a plain REST API with numeric ticket ids and no event stream. It shows the three things an
 * adapter has to do:
 *   1. map requests and replies between the two shapes;
 *   2. keep idempotency (Acme accepts an `Idempotency-Key` header, so the client id goes there);
 *   3. provide live events — here by long polling, since Acme has no SSE.
 *
 *   import { createClient } from 'parley-chat';
 *   const client = createClient({ transport: createAcmeTransport('https://acme.example/api') });
 */
import {
  HttpError,
  NetworkError,
  type Transport,
} from 'parley-chat';
import type { Attachment, Conversation, Message, ServerEvent } from 'parley-chat/protocol';

interface AcmeTicket {
  id: number;
  state: 'new' | 'open' | 'waiting' | 'closed';
  updated: string;
  last_position: number;
}
interface AcmeComment {
  id: number;
  ticket_id: number;
  position: number;
  from: 'customer' | 'staff' | 'automation';
  staff_name?: string;
  body: string;
  client_ref?: string;
  created: string;
}

export function createAcmeTransport(baseUrl: string): Transport {
  let token: string | null = null;

  interface RequestOptions {
    body?: unknown;
    headers?: Record<string, string>;
    /** Aborts the request (Parley passes one to `openEvents`), so nothing stays open after `destroy()`. */
    signal?: AbortSignal;
  }

  async function request<T>(method: string, path: string, { body, headers = {}, signal }: RequestOptions = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(token ? { Authorization: `Token ${token}` } : {}),
          ...(body ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (cause) {
      // Parley's outbox retries NetworkError with the same client id: nothing is lost. (After an
      // abort the client ignores the rejection: it asked for the stop.)
      throw new NetworkError(`Acme ${method} ${path} failed`, { cause });
    }
    if (!response.ok) throw new HttpError(response.status, undefined, `Acme ${method} ${path}: HTTP ${response.status}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  const toConversation = (t: AcmeTicket): Conversation => ({
    id: String(t.id),
    ref: `ACME-${t.id}`,
    status: t.state === 'closed' ? 'resolved' : t.state === 'waiting' ? 'pending' : 'open',
    handler: 'human',
    lastSeq: t.last_position,
    visitorReadSeq: 0,
    agentReadSeq: 0,
    createdAt: t.updated,
    updatedAt: t.updated,
  });

  const toMessage = (c: AcmeComment): Message => ({
    id: String(c.id),
    clientId: c.client_ref ?? `acme_${c.id}`,
    conversationId: String(c.ticket_id),
    seq: c.position,
    author:
      c.from === 'customer'
        ? { role: 'visitor' }
        : c.from === 'staff'
          ? { role: 'agent', ...(c.staff_name ? { name: c.staff_name } : {}) }
          : { role: 'bot' },
    text: c.body,
    attachments: [],
    createdAt: c.created,
  });

  const unsupported = (what: string) => () => Promise.reject(new HttpError(501, 'not_supported', `Acme has no ${what}`));

  return {
    setToken(next) {
      token = next;
    },
    async createSession() {
      const reply = await request<{ token: string; customer_id: number; open_ticket: AcmeTicket | null }>('POST', '/customers/anonymous');
      return {
        token: reply.token,
        session: { id: reply.token.slice(0, 12), visitorId: String(reply.customer_id) },
        conversation: reply.open_ticket ? toConversation(reply.open_ticket) : null,
        resumed: false,
      };
    },
    updateSession: async (req) => void (await request('PATCH', '/customers/me', { body: { language: req.locale, email: req.email } })),
    endSession: async () => void (await request('DELETE', '/customers/me/token')),
    getConfig: async () => ({
      protocol: 1,
      brand: { name: 'Acme Helpdesk' },
      greeting: { en: 'Hi! How can we help?' },
      availability: { online: true, alwaysOpen: true, timeZone: 'UTC', hours: [], replyTimeMinutes: 60 },
      topics: [],
      uploads: { maxBytes: 1, maxFiles: 1, types: [] },
      features: {
        attachments: false,
        ratings: false,
        knowledgeBase: false,
        bot: false,
        emailCapture: true,
        transcriptExport: true,
        screenshots: false,
      },
      notices: [],
      channels: {},
    }),
    listConversations: async () => (await request<AcmeTicket[]>('GET', '/tickets')).map(toConversation),
    createConversation: async (req) =>
      toConversation(await request<AcmeTicket>('POST', '/tickets', { body: { subject: req.topic ?? 'Chat' }, headers: { 'Idempotency-Key': req.clientId } })),
    getConversation: async (id) => toConversation(await request<AcmeTicket>('GET', `/tickets/${id}`)),
    reopenConversation: async (id) => toConversation(await request<AcmeTicket>('POST', `/tickets/${id}/reopen`)),
    requestHandoff: async (id) => toConversation(await request<AcmeTicket>('GET', `/tickets/${id}`)),
    async sendMessage(id, req) {
      // Acme answers 200 with the existing comment for a repeated Idempotency-Key.
      const comment = await request<AcmeComment & { replayed?: boolean }>(
        'POST',
        `/tickets/${id}/comments`,
        { body: { body: req.text, client_ref: req.clientId }, headers: { 'Idempotency-Key': req.clientId } },
      );
      return { message: toMessage(comment), duplicate: Boolean(comment.replayed) };
    },
    async listMessages(id, query) {
      const params = new URLSearchParams({ limit: String(query.limit ?? 50) });
      if (query.after !== undefined) params.set('after_position', String(query.after));
      if (query.before !== undefined) params.set('before_position', query.before);
      const page = await request<{ comments: AcmeComment[]; more: boolean }>('GET', `/tickets/${id}/comments?${params}`);
      const messages = page.comments.map(toMessage);
      const first = messages[0];
      return {
        messages,
        prevCursor: query.after === undefined && page.more && first ? String(first.seq) : null,
        hasMore: query.after !== undefined && page.more,
      };
    },
    sendTyping: async () => undefined,
    markRead: async (id, seq) => void (await request('POST', `/tickets/${id}/seen`, { body: { position: seq } })),
    rate: unsupported('ratings'),
    updateContext: async (context) => void (await request('POST', '/customers/me/page', { body: { url: context.url, title: context.title } })),
    upload: unsupported('uploads'),
    fetchAttachment: (_: Attachment) => Promise.reject(new HttpError(501, 'not_supported', 'Acme has no uploads')),
    searchArticles: async () => [],
    suggestArticles: async () => [],
    getArticle: unsupported('knowledge base'),
    /**
     * Long polling: Acme holds `/events?since=` open for up to 25 s and returns what happened.
     * The signal goes to fetch too: checking it between polls alone would leave the pending poll
     * open for up to 25 s after `client.destroy()`.
     */
    async openEvents(handlers, { lastEventId, signal }) {
      let since = lastEventId ?? '0';
      let opened = false;
      while (!signal.aborted) {
        const batch = await request<{ cursor: string; comments: AcmeComment[] }>('GET', `/events?since=${since}`, { signal });
        if (!opened) {
          opened = true;
          handlers.onOpen();
        }
        for (const comment of batch.comments) {
          const event: ServerEvent = { type: 'message.created', conversationId: String(comment.ticket_id), message: toMessage(comment) };
          handlers.onEvent(event, batch.cursor);
        }
        since = batch.cursor;
      }
    },
  };
}
