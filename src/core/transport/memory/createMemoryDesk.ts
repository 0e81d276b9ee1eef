import type { Author, Conversation, Message, Rating, ServerEvent, WidgetConfig } from '../../protocol/index.js';
import type { ParleyError } from '../../errors/index.js';
import type { LiveHandlers } from '../Transport.js';
import { type MemoryConfigOverrides, memoryDefaultConfig, mergeMemoryConfig } from './memoryConfig.js';

/** Time for the simulated desk; structurally the client's `Clock`, so one fake drives both. */
export interface MemoryClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A history entry to start with: any message fields, with sensible defaults for the rest. */
export type SeedMessage = Partial<Omit<Message, 'author'>> & { author: Author };

export interface MemoryDeskOptions {
  config?: MemoryConfigOverrides;
  /** Start with a conversation (merged over defaults), e.g. `{ status: 'resolved', ratingRequested: true }`. */
  conversation?: Partial<Conversation>;
  history?: readonly SeedMessage[];
  agent?: Author;
  clock: MemoryClock;
}

interface Subscriber {
  handlers: LiveHandlers;
  drop(error: Error): void;
}

export const defaultAgent: Author = { role: 'agent', id: 'agent-alex', name: 'Alex Morgan' };
const bot: Author = { role: 'bot', id: 'bot', name: 'Parley Assistant' };

/**
 * The simulated support desk behind the memory transport: its state, its event log and the
 * controls stories and tests use to play the agent's side (say, type, stream, resolve …).
 */
export function createMemoryDesk(options: MemoryDeskOptions) {
  const clock = options.clock;
  let config: WidgetConfig = mergeMemoryConfig(memoryDefaultConfig, options.config);
  let conversation: Conversation | null = null;
  let messages: Message[] = [];
  let seq = 0;
  let eventId = 0;
  let idCounter = 0;
  let online = true;
  const log: Array<{ id: string; event: ServerEvent }> = [];
  const subscribers = new Set<Subscriber>();
  const timers = new Set<unknown>();
  const agent = options.agent ?? defaultAgent;
  const session = { email: null as string | null, locale: null as string | null, typing: false };
  const ratings: Rating[] = [];

  const iso = (at = clock.now()) => new Date(at).toISOString();
  const nextId = (prefix: string) => `${prefix}-${(++idCounter).toString(36).padStart(8, '0')}`;

  function emit(event: ServerEvent) {
    const entry = { id: String(++eventId), event };
    log.push(entry);
    for (const subscriber of subscribers) subscriber.handlers.onEvent(event, entry.id);
  }

  function later(ms: number, fn: () => void) {
    const handle = clock.setTimeout(() => {
      timers.delete(handle);
      fn();
    }, ms);
    timers.add(handle);
  }

  function touch(patch: Partial<Conversation>): Conversation {
    conversation = { ...conversation!, ...patch, updatedAt: iso() };
    return conversation;
  }

  function openConversation(topic?: string | null): Conversation {
    if (conversation && conversation.status !== 'resolved') return conversation;
    const at = iso();
    conversation = {
      id: nextId('conv'),
      ref: `PR-${1041 + idCounter}`,
      status: 'open',
      topic: topic ?? null,
      handler: 'bot',
      assignee: null,
      lastSeq: 0,
      visitorReadSeq: 0,
      agentReadSeq: 0,
      rating: null,
      ratingRequested: false,
      createdAt: at,
      updatedAt: at,
    };
    messages = [];
    emit({ type: 'conversation.created', conversationId: conversation.id, conversation });
    return conversation;
  }

  function append(fields: SeedMessage): Message {
    if (!conversation) openConversation();
    const message: Message = {
      id: nextId('msg'),
      clientId: nextId('srv'),
      attachments: [],
      text: '',
      createdAt: iso(),
      ...fields,
      conversationId: conversation!.id,
      seq: ++seq,
    };
    messages.push(message);
    touch({ lastSeq: message.seq, lastMessagePreview: message.text.slice(0, 200) });
    return message;
  }

  function post(fields: SeedMessage): Message {
    const message = append(fields);
    emit({ type: 'message.created', conversationId: message.conversationId, message });
    return message;
  }

  function system(kind: NonNullable<Message['system']>['kind'], name?: string) {
    return post({ author: { role: 'system' }, system: { kind, ...(name ? { name } : {}) } });
  }

  if (options.conversation || options.history?.length) {
    openConversation();
    touch({ ...options.conversation });
    log.length = 0;
    for (const entry of options.history ?? []) append(entry);
  }

  const desk = {
    get config() {
      return config;
    },
    get conversation() {
      return conversation;
    },
    get messages(): readonly Message[] {
      return messages;
    },
    get online() {
      return online;
    },
    session,
    ratings,
    agent,
    log,
    subscribers,
    iso,
    nextId,
    later,
    emit,
    touch,
    post,
    system,
    openConversation,

    /**
     * Sends a live frame that fails Protocol v1 (a bad deploy, a meddling proxy): subscribers get
     * `error` through `onInvalid`, as from the HTTP transport, and the stream goes on.
     */
    emitInvalid(error: ParleyError) {
      for (const subscriber of subscribers) subscriber.handlers.onInvalid(error);
    },
    /** Changes what the next `getConfig` returns (availability, notices, topics …). */
    setConfig(overrides: MemoryConfigOverrides) {
      config = mergeMemoryConfig(config, overrides);
    },
    /** The agent (or `author`) writes a message. */
    say(text: string, extra: Omit<SeedMessage, 'author'> & { author?: Author } = {}): Message {
      if (desk.typingAuthor) desk.typing(false);
      return post({ ...extra, author: extra.author ?? conversation?.assignee ?? agent, text });
    },
    typingAuthor: null as Author | null,
    typing(on: boolean, author: Author = conversation?.assignee ?? agent) {
      if (!conversation) return;
      desk.typingAuthor = on ? author : null;
      emit({ type: 'typing', conversationId: conversation.id, author, typing: on });
    },
    /** An agent takes the conversation: the header shows them, a system line says so. */
    join(who: Author = agent) {
      if (!conversation) openConversation();
      touch({ assignee: who, handler: 'human' });
      emit({ type: 'agent.joined', conversationId: conversation!.id, agent: who });
      system('agent.joined', who.name);
    },
    leave() {
      const who = conversation?.assignee;
      if (!conversation || !who) return;
      touch({ assignee: null });
      emit({ type: 'agent.left', conversationId: conversation.id, agent: who });
      system('agent.left', who.name);
    },
    /** Streams a bot reply through `message.delta`, like an AI first line. */
    streamBot(text: string, { chunk = 6, interval = 60 }: { chunk?: number; interval?: number } = {}): Promise<Message> {
      const message = post({ author: bot, text: '', streaming: true });
      return new Promise((resolve) => {
        let offset = 0;
        const step = () => {
          if (offset >= text.length) {
            const done = { ...message, text, streaming: false };
            messages = messages.map((m) => (m.id === done.id ? done : m));
            emit({ type: 'message.updated', conversationId: done.conversationId, message: done });
            resolve(done);
            return;
          }
          const delta = text.slice(offset, offset + chunk);
          emit({ type: 'message.delta', conversationId: message.conversationId, messageId: message.id, offset, delta });
          offset += delta.length;
          messages = messages.map((m) => (m.id === message.id ? { ...m, text: text.slice(0, offset) } : m));
          later(interval, step);
        };
        later(interval, step);
      });
    },
    /** Resolves the conversation; with `requestRating`, asks the visitor for CSAT. */
    resolve({ requestRating = true }: { requestRating?: boolean } = {}) {
      if (!conversation) return;
      const next = touch({ status: 'resolved', ...(requestRating ? { ratingRequested: true } : {}) });
      system('conversation.resolved');
      emit({ type: 'conversation.status', conversationId: next.id, status: 'resolved', conversation: next });
      if (requestRating) emit({ type: 'rating.requested', conversationId: next.id });
    },
    reopen() {
      if (!conversation) return;
      const next = touch({ status: 'open', ratingRequested: false });
      system('conversation.reopened');
      emit({ type: 'conversation.status', conversationId: next.id, status: 'open', conversation: next });
    },
    /** The agent reads everything so far: visitor messages turn to "Read". */
    readByAgent() {
      if (!conversation) return;
      touch({ agentReadSeq: seq });
      emit({ type: 'read', conversationId: conversation.id, reader: 'agent', seq });
    },
    /** Simulates losing the network: open streams fail and requests reject until back online. */
    setOnline(value: boolean) {
      online = value;
      if (!value) {
        for (const subscriber of [...subscribers]) subscriber.drop(new Error('offline'));
      }
    },
    /** Cancels scripted timers (agent replies, streams). */
    dispose() {
      for (const handle of timers) clock.clearTimeout(handle);
      timers.clear();
    },
  };
  return desk;
}

export type MemoryDesk = ReturnType<typeof createMemoryDesk>;
