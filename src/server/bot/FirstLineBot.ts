import type { Author, Message } from '../../core/protocol/index.js';
import type { ConversationRecord } from '../db/ConversationRepo.js';
import { changeStatus } from '../desk/changeStatus.js';
import { requestHandoff } from '../desk/requestHandoff.js';
import { messageCreated } from '../desk/systemMessage.js';
import type { Emit } from '../desk/withEvents.js';
import { withEvents } from '../desk/withEvents.js';
import type { KnowledgeBase } from '../kb/KnowledgeBase.js';
import type { ServerContext } from '../ServerContext.js';
import type { BotReply } from './composeReply.js';
import { composeReply, HANDOFF_REPLY, RESOLVED_REPLY } from './composeReply.js';
import { splitIntoChunks } from './splitIntoChunks.js';
import { wantsHuman } from './wantsHuman.js';

export interface BotSettings {
  /** The bot's display name. */
  name: string;
  /** Fruitless answers in a row after which the bot hands over by itself; 0 never does. */
  handoffAfter: number;
  /** Pause between streamed chunks. */
  chunkIntervalMs: number;
  wordsPerChunk: number;
}

/** A reply being streamed: `text` is what has been stored and announced so far. */
interface ActiveReply {
  conversationId: string;
  visitorId: string;
  message: Message;
  reply: BotReply;
  chunks: string[];
  next: number;
  text: string;
  timer: ReturnType<typeof setTimeout> | null;
}

/** How far back the bot looks for its own fruitless answers. */
const HISTORY_WINDOW = 30;

/**
 * The first-line bot: answers visitor messages in conversations it handles from the knowledge
 * base, streaming each reply. The message row is stored first (`streaming: true`) and every
 * chunk updates its text in the same transaction that stores the `message.delta` event, so
 * history and replay agree at every moment. One reply streams at a time per conversation.
 */
export class FirstLineBot {
  private readonly author: Author;
  private readonly pending = new Map<string, Message[]>();
  private readonly active = new Map<string, ActiveReply>();
  private closed = false;

  constructor(
    private readonly ctx: ServerContext,
    private readonly kb: KnowledgeBase,
    private readonly settings: BotSettings,
  ) {
    this.author = { role: 'bot', id: 'bot', name: settings.name };
  }

  /**
   * Reacts to a stored visitor message: a request for a person or "that solved it" is handled
   * at once; a question is queued for an answer. Conversations not handled by the bot are left
   * alone.
   */
  handleVisitorMessage(conversationId: string, message: Message, quickReplyId: string | undefined): void {
    if (this.closed) return;
    const conversation = this.ctx.repos.conversations.get(conversationId);
    if (!conversation || conversation.handler !== 'bot') return;
    if (quickReplyId === HANDOFF_REPLY || (quickReplyId === undefined && wantsHuman(message.text))) {
      this.stop(conversationId);
      requestHandoff(this.ctx, conversation);
      return;
    }
    if (quickReplyId === RESOLVED_REPLY) {
      this.stop(conversationId);
      withEvents(this.ctx, (emit) => changeStatus(this.ctx, conversation, 'resolved', emit));
      return;
    }
    const queue = this.pending.get(conversationId) ?? [];
    queue.push(message);
    this.pending.set(conversationId, queue);
    if (!this.active.has(conversationId)) this.startNext(conversationId);
  }

  /** Finishes every reply at once and stops; for server shutdown. */
  close(): void {
    this.closed = true;
    this.pending.clear();
    for (const conversationId of [...this.active.keys()]) this.finish(conversationId);
  }

  /** Ends the conversation's current reply at once and drops its queued questions. */
  private stop(conversationId: string): void {
    this.pending.delete(conversationId);
    if (this.active.has(conversationId)) this.finish(conversationId);
  }

  private startNext(conversationId: string): void {
    const queue = this.pending.get(conversationId);
    const question = queue?.shift();
    if (queue?.length === 0) this.pending.delete(conversationId);
    if (!question || this.closed) return;
    try {
      const conversation = this.ctx.repos.conversations.get(conversationId);
      if (!conversation || conversation.handler !== 'bot' || conversation.status === 'resolved') {
        this.pending.delete(conversationId);
        return;
      }
      const reply = composeReply(
        this.kb,
        question.text,
        conversation.locale,
        this.unansweredInARow(conversation),
        this.settings.handoffAfter,
      );
      const message = withEvents(this.ctx, (emit) => {
        const created = this.ctx.repos.messages.append(
          conversationId,
          { author: this.author, text: '', quickReplies: reply.quickReplies, streaming: true },
          this.ctx.now(),
        );
        emit(messageCreated(created), { visitorId: conversation.visitorId });
        return created;
      });
      const active: ActiveReply = {
        conversationId,
        visitorId: conversation.visitorId,
        message,
        reply,
        chunks: splitIntoChunks(reply.text, this.settings.wordsPerChunk),
        next: 0,
        text: '',
        timer: null,
      };
      this.active.set(conversationId, active);
      this.schedule(active);
    } catch (error) {
      this.ctx.log.error(`the bot could not answer in conversation ${conversationId}`, error);
      this.pending.delete(conversationId);
    }
  }

  private schedule(active: ActiveReply): void {
    active.timer = setTimeout(() => this.tick(active), this.settings.chunkIntervalMs);
  }

  private tick(active: ActiveReply): void {
    active.timer = null;
    const { conversationId } = active;
    try {
      const conversation = this.ctx.repos.conversations.get(conversationId);
      // A person took over, or the conversation ended: the rest goes out at once.
      if (!conversation || conversation.handler !== 'bot' || conversation.status === 'resolved') {
        this.finish(conversationId);
        return;
      }
      const chunk = active.chunks[active.next];
      if (chunk !== undefined) {
        withEvents(this.ctx, (emit) => this.appendDelta(active, chunk, emit));
        active.next += 1;
      }
      if (active.next >= active.chunks.length) this.finish(conversationId);
      else this.schedule(active);
    } catch (error) {
      this.ctx.log.error(`streaming a bot reply in conversation ${conversationId} failed`, error);
      this.finish(conversationId);
    }
  }

  /** Stores the rest of the text (one delta), ends the stream and starts the next answer. */
  private finish(conversationId: string): void {
    const active = this.active.get(conversationId);
    if (!active) return;
    this.active.delete(conversationId);
    if (active.timer !== null) clearTimeout(active.timer);
    try {
      withEvents(this.ctx, (emit) => {
        const rest = active.chunks.slice(active.next).join('');
        active.next = active.chunks.length;
        if (rest !== '') this.appendDelta(active, rest, emit);
        const final = this.ctx.repos.messages.updateStreamingText(active.message.id, active.text, true);
        emit({ type: 'message.updated', conversationId, message: final }, { visitorId: active.visitorId });
      });
      if (active.reply.handoff) {
        const conversation = this.ctx.repos.conversations.get(conversationId);
        if (conversation && conversation.status !== 'resolved') requestHandoff(this.ctx, conversation);
      }
    } catch (error) {
      this.ctx.log.error(`ending a bot reply in conversation ${conversationId} failed`, error);
    }
    if (!this.closed) this.startNext(conversationId);
  }

  private appendDelta(active: ActiveReply, delta: string, emit: Emit): void {
    const offset = active.text.length;
    const text = active.text + delta;
    this.ctx.repos.messages.updateStreamingText(active.message.id, text, false);
    emit(
      { type: 'message.delta', conversationId: active.conversationId, messageId: active.message.id, offset, delta },
      { visitorId: active.visitorId },
    );
    active.text = text;
  }

  /** The bot's answers without an article since the last helpful answer or a person's message. */
  private unansweredInARow(conversation: ConversationRecord): number {
    const recent = this.ctx.repos.messages.before(conversation.id, null, HISTORY_WINDOW);
    let count = 0;
    for (const message of recent.reverse()) {
      if (message.author.role === 'visitor') continue;
      if (message.author.role !== 'bot') break;
      if (message.quickReplies?.some((reply) => reply.id === RESOLVED_REPLY)) break;
      count += 1;
    }
    return count;
  }
}
