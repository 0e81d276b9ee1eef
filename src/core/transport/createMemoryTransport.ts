import { HttpError, NetworkError } from '../errors/index.js';
import type { Article, ArticleSummary, Attachment, Message, SendMessageRequest } from '../protocol/index.js';
import { createMemoryDesk, type MemoryClock, type MemoryDesk, type MemoryDeskOptions } from './memory/createMemoryDesk.js';
import type { Transport, UploadOptions } from './Transport.js';

export type MemoryOperation = Exclude<keyof Transport, 'setToken'>;

export interface MemoryTransportOptions extends Omit<MemoryDeskOptions, 'clock'> {
  /** Drives latency and the scripted agent. Default: real timers. */
  clock?: MemoryClock;
  /** How long every request takes, in ms. Default 0. */
  latency?: number;
  /**
   * The agent answers each visitor message: reads it, joins if nobody has, types, replies.
   * A function chooses the reply (`null` for none). Default true.
   */
  autoReply?: boolean | ((text: string, turn: number) => string | null);
  /** ms from a visitor message to the agent's reply. Default 1500. */
  replyDelay?: number;
  /**
   * Knowledge-base articles: search matches every word of the query in the title or body;
   * suggestions are the articles with a tag that is a word of the page's path.
   */
  articles?: readonly Article[];
  /** Return an error to make one call fail, e.g. an `HttpError(422, 'secret_blocked', …)` for a send. */
  fail?: (operation: MemoryOperation, detail?: unknown) => Error | null | undefined;
}

/** A `Transport` with the simulated desk exposed, to play the agent's side. */
export interface MemoryTransport extends Transport {
  readonly desk: MemoryDesk;
}

const realClock: MemoryClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const CANNED_REPLIES = [
  'Thanks for reaching out! Let me look into this for you.',
  'Could you share the **transaction ID**? Please *never* send your seed phrase or private keys here.',
  'Got it. I have checked your request, the transfer is being processed and should arrive within `30 minutes`.',
  'Is there anything else I can help you with?',
];

const summary = ({ id, title, body, locale, tags }: Article): ArticleSummary => ({
  id,
  title,
  // Plain text, as a real backend sends it: the Markdown marks are dropped.
  excerpt: body.replace(/[*_`#>]+/g, '').replace(/\s+/g, ' ').trim().slice(0, 160),
  locale,
  tags,
});

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * An in-memory backend for stories, UI tests and demos: sessions, conversations, an agent who
 * joins, types and replies, read receipts, a streamed bot reply, resolution with a rating
 * request, uploads kept as object URLs, and configurable latency and failures.
 *
 * @example
 * ```ts
 * const transport = createMemoryTransport({ replyDelay: 800 });
 * const client = createClient({ transport });
 * await client.start();
 * client.send('Hello');            // the agent answers after ~800 ms
 * transport.desk.resolve();        // resolved, rating requested
 * ```
 */
export function createMemoryTransport(options: MemoryTransportOptions = {}): MemoryTransport {
  const clock = options.clock ?? realClock;
  const desk = createMemoryDesk({ ...options, clock });
  const uploads = new Map<string, { attachment: Attachment; blob: Blob }>();
  const replyDelay = options.replyDelay ?? 1500;
  const articles = options.articles ?? [];
  let turn = 0;
  let token: string | null = null;

  function wait(ms: number): Promise<void> {
    return ms > 0 ? new Promise((resolve) => desk.later(ms, resolve)) : Promise.resolve();
  }

  async function step(operation: MemoryOperation, detail?: unknown): Promise<void> {
    await wait(options.latency ?? 0);
    if (!desk.online) throw new NetworkError(`Parley: ${operation} failed: the backend is unreachable (memory, offline)`);
    const error = options.fail?.(operation, detail);
    if (error) throw error;
  }

  function conversationOr404(id: string) {
    const conversation = desk.conversation;
    if (!conversation || conversation.id !== id) throw new HttpError(404, 'not_found', 'Parley: no such conversation');
    return conversation;
  }

  function scheduleReply(text: string) {
    const reply =
      typeof options.autoReply === 'function'
        ? options.autoReply(text, turn)
        : (CANNED_REPLIES[turn % CANNED_REPLIES.length] ?? null);
    turn += 1;
    if (options.autoReply === false || reply === null) return;
    desk.later(replyDelay * 0.2, () => desk.readByAgent());
    if (!desk.conversation?.assignee) desk.later(replyDelay * 0.4, () => desk.join());
    desk.later(replyDelay * 0.5, () => desk.typing(true));
    desk.later(replyDelay, () => {
      if (desk.conversation?.status !== 'resolved') desk.say(reply);
    });
  }

  function storeVisitorMessage(request: SendMessageRequest): { message: Message; duplicate: boolean } {
    const existing = desk.messages.find((m) => m.clientId === request.clientId && m.author.role === 'visitor');
    if (existing) return { message: existing, duplicate: true };
    const attachments = (request.attachmentIds ?? []).map((id) => {
      const stored = uploads.get(id);
      if (!stored) throw new HttpError(422, 'invalid_body', `Parley: unknown attachment ${id}`);
      return stored.attachment;
    });
    const message = desk.post({
      author: { role: 'visitor' },
      clientId: request.clientId,
      text: request.text,
      attachments,
      ...(request.context ? { context: request.context } : {}),
    });
    return { message, duplicate: false };
  }

  const transport: MemoryTransport = {
    desk,
    setToken(next) {
      token = next;
    },
    async createSession(request) {
      await step('createSession', request);
      if (request.locale) desk.session.locale = request.locale;
      const visitorId = token ? 'visitor-returning' : desk.nextId('visitor');
      return {
        token: `memory-token-${desk.nextId('t')}`,
        session: { id: desk.nextId('session'), visitorId, locale: desk.session.locale, email: desk.session.email },
        // Unlike a real backend, a resolved conversation is returned too, so stories can show rating.
        conversation: desk.conversation,
        resumed: false,
      };
    },
    async updateSession(request) {
      await step('updateSession', request);
      if (request.email !== undefined) desk.session.email = request.email;
      if (request.locale !== undefined) desk.session.locale = request.locale;
    },
    async endSession() {
      await step('endSession');
      token = null;
    },
    async getConfig(locale) {
      await step('getConfig', locale);
      return desk.config;
    },
    async listConversations() {
      await step('listConversations');
      return desk.conversation ? [desk.conversation] : [];
    },
    async createConversation(request) {
      await step('createConversation', request);
      return desk.openConversation(request.topic ?? null);
    },
    async getConversation(id) {
      await step('getConversation', id);
      return conversationOr404(id);
    },
    async reopenConversation(id) {
      await step('reopenConversation', id);
      conversationOr404(id);
      desk.reopen();
      return desk.conversation!;
    },
    async requestHandoff(id) {
      await step('requestHandoff', id);
      conversationOr404(id);
      const next = desk.touch({ handler: 'human' });
      desk.system('handoff.requested');
      desk.later(replyDelay, () => desk.join());
      return next;
    },
    async sendMessage(conversationId, request) {
      await step('sendMessage', request);
      const conversation = conversationOr404(conversationId);
      if (conversation.status === 'resolved') {
        throw new HttpError(409, 'conversation_resolved', 'Parley: this conversation is resolved');
      }
      const result = storeVisitorMessage(request);
      if (!result.duplicate) scheduleReply(request.text);
      return result;
    },
    async listMessages(conversationId, query) {
      await step('listMessages', query);
      conversationOr404(conversationId);
      const limit = query.limit ?? 50;
      const all = desk.messages;
      if (query.after !== undefined) {
        const newer = all.filter((m) => m.seq > query.after!);
        return { messages: newer.slice(0, limit), prevCursor: null, hasMore: newer.length > limit };
      }
      const before = query.before !== undefined ? Number(query.before) : Number.POSITIVE_INFINITY;
      const older = all.filter((m) => m.seq < before);
      const page = older.slice(-limit);
      return { messages: page, prevCursor: older.length > page.length ? String(page[0]!.seq) : null, hasMore: false };
    },
    async sendTyping(conversationId, typing) {
      await step('sendTyping', typing);
      conversationOr404(conversationId);
      desk.session.typing = typing;
    },
    async markRead(conversationId, seq) {
      await step('markRead', seq);
      conversationOr404(conversationId);
      desk.touch({ visitorReadSeq: seq });
      desk.emit({ type: 'read', conversationId, reader: 'visitor', seq });
    },
    async rate(conversationId, rating) {
      await step('rate', rating);
      conversationOr404(conversationId);
      desk.ratings.push(rating);
      const next = desk.touch({ rating });
      desk.emit({ type: 'rating.submitted', conversationId, rating });
      return next;
    },
    async updateContext(context) {
      await step('updateContext', context);
    },
    async upload(file, name, uploadOptions: UploadOptions = {}) {
      const { onProgress, signal } = uploadOptions;
      const aborted = () => new DOMException('Upload cancelled', 'AbortError');
      if (signal?.aborted) throw aborted();
      // Progress in a few steps over the latency, like a real multipart upload.
      for (let i = 1; i <= 4; i++) {
        await wait((options.latency ?? 0) / 4);
        if (signal?.aborted) throw aborted();
        onProgress?.((file.size * i) / 4, file.size);
      }
      await step('upload', { name, size: file.size });
      if (file.size > desk.config.uploads.maxBytes) {
        throw new HttpError(413, 'payload_too_large', `Parley: ${name} is larger than the upload limit`);
      }
      const id = desk.nextId('att');
      const attachment: Attachment = {
        id,
        name,
        size: file.size,
        type: file.type || 'application/octet-stream',
        kind: IMAGE_TYPES.has(file.type) ? 'image' : 'file',
        url: typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : `memory:${id}`,
      };
      uploads.set(id, { attachment, blob: file });
      return attachment;
    },
    async fetchAttachment(attachment) {
      await step('fetchAttachment', attachment);
      const stored = uploads.get(attachment.id);
      if (!stored) throw new HttpError(404, 'not_found', `Parley: no attachment ${attachment.id}`);
      return stored.blob;
    },
    async searchArticles(query) {
      await step('searchArticles', query);
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      return articles
        .filter((a) => words.every((word) => `${a.title} ${a.body}`.toLowerCase().includes(word)))
        .map(summary);
    },
    async suggestArticles(url) {
      await step('suggestArticles', url);
      const words = new URL(url, 'https://page.invalid').pathname.toLowerCase().split(/[^a-z0-9а-яё]+/);
      return articles.filter((a) => a.tags.some((tag) => words.includes(tag.toLowerCase()))).map(summary);
    },
    async getArticle(id) {
      await step('getArticle', id);
      const article = articles.find((a) => a.id === id);
      if (!article) throw new HttpError(404, 'not_found', `Parley: no article ${id}`);
      return article;
    },
    async openEvents(handlers, { lastEventId, signal }) {
      await step('openEvents');
      if (signal.aborted) return;
      await new Promise<void>((resolve, reject) => {
        const subscriber = {
          handlers,
          drop(error: Error) {
            desk.subscribers.delete(subscriber);
            reject(new NetworkError('Parley: the live stream dropped (memory, offline)', { cause: error }));
          },
        };
        handlers.onOpen();
        // Replay what the client missed, as `Last-Event-ID` resumption does on a real backend.
        if (lastEventId !== null) {
          for (const entry of desk.log) if (Number(entry.id) > Number(lastEventId)) handlers.onEvent(entry.event, entry.id);
        }
        desk.subscribers.add(subscriber);
        signal.addEventListener(
          'abort',
          () => {
            desk.subscribers.delete(subscriber);
            resolve();
          },
          { once: true },
        );
      });
    },
  };
  return transport;
}
