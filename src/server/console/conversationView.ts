import type {
  Message,
  OperatorConversationDetail,
  PageContext,
  PageVisit,
} from '../../core/protocol/index.js';
import { attachmentView } from './attachmentView.js';
import type { BlobUrls } from './attachmentView.js';
import { createComposer } from './composer.js';
import type { Composer } from './composer.js';
import { fill, formatTime, h } from './dom.js';
import type { OperatorApi } from './operatorApi.js';
import { redactionNote } from './redactionNote.js';

export interface ConversationViewDeps {
  api: OperatorApi;
  blobs: BlobUrls;
  agentName: () => string;
  /** Something changed through this view (sent, resolved, joined): reload the detail. */
  onChanged: () => void;
  onError: (message: string) => void;
}

/** Typing notices that stop arriving (a closed tab) expire after this long. */
const TYPING_TIMEOUT_MS = 8000;

/** One conversation: the thread, the reply box and the visitor panel. */
export class ConversationView {
  readonly element: HTMLElement;
  private detail: OperatorConversationDetail;
  private readonly header = h('header', { class: 'thread-header' });
  private readonly list = h('ol', { class: 'messages', attrs: { 'aria-live': 'polite' } });
  private readonly typing = h('div', { class: 'typing', testid: 'console-typing', attrs: { hidden: '' } });
  private readonly side = h('aside', { class: 'side' });
  private readonly composer: Composer;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    detail: OperatorConversationDetail,
    private readonly deps: ConversationViewDeps,
  ) {
    this.detail = detail;
    this.composer = createComposer({
      api: deps.api,
      conversationId: detail.conversation.id,
      agentName: deps.agentName,
      onSent: (message) => {
        this.addMessage(message);
        deps.onChanged();
      },
    });
    this.element = h(
      'section',
      { class: 'detail' },
      h('div', { class: 'thread' }, this.header, this.list, this.typing, this.composer.element),
      this.side,
    );
    this.render(true);
    this.composer.focus();
  }

  get id(): string {
    return this.detail.conversation.id;
  }

  get lastSeq(): number {
    return this.detail.conversation.lastSeq;
  }

  /** Replaces the data (after a reload) and redraws everything but the reply box. */
  update(detail: OperatorConversationDetail): void {
    this.detail = detail;
    this.render(false);
  }

  addMessage(message: Message): void {
    if (this.detail.messages.some((m) => m.id === message.id)) return;
    const messages = [...this.detail.messages, message].sort((a, b) => a.seq - b.seq);
    const conversation = { ...this.detail.conversation, lastSeq: Math.max(this.detail.conversation.lastSeq, message.seq) };
    this.detail = { ...this.detail, messages, conversation };
    if (message.author.role === 'visitor') this.setTyping(false);
    this.renderMessages(false);
  }

  addPage(context: PageContext): void {
    const visit: PageVisit = { context, at: new Date().toISOString() };
    this.detail = { ...this.detail, pages: [...this.detail.pages, visit] };
    this.renderSide();
  }

  setTyping(typing: boolean): void {
    clearTimeout(this.typingTimer);
    if (typing) {
      this.typing.textContent = 'Visitor is typing…';
      this.typing.hidden = false;
      this.typingTimer = setTimeout(() => this.setTyping(false), TYPING_TIMEOUT_MS);
    } else {
      this.typing.textContent = '';
      this.typing.hidden = true;
    }
  }

  destroy(): void {
    clearTimeout(this.typingTimer);
    this.composer.destroy();
    this.element.remove();
  }

  private render(initial: boolean): void {
    this.renderHeader();
    this.renderMessages(initial);
    this.renderSide();
  }

  private renderHeader(): void {
    const { conversation } = this.detail;
    const act = (label: string, testid: string | undefined, run: () => Promise<unknown>) =>
      h(
        'button',
        {
          testid,
          attrs: { type: 'button' },
          on: {
            click: (event) => {
              const button = event.currentTarget as HTMLButtonElement;
              button.disabled = true;
              run().then(
                () => this.deps.onChanged(),
                (error: unknown) => {
                  button.disabled = false;
                  this.deps.onError(`${label} failed: ${error instanceof Error ? error.message : String(error)}`);
                },
              );
            },
          },
        },
        label,
      );
    const resolved = conversation.status === 'resolved';
    const mine = conversation.assignee?.name === this.deps.agentName();
    fill(
      this.header,
      h('h2', {}, conversation.ref, conversation.topic ? ` · ${conversation.topic}` : ''),
      h('span', { class: 'status', attrs: { 'data-status': conversation.status } }, conversation.status),
      !mine && act('Join', 'console-join', () => this.deps.api.join(conversation.id, this.deps.agentName())),
      resolved
        ? act('Reopen', 'console-reopen', () => this.deps.api.setStatus(conversation.id, 'open'))
        : act('Resolve', 'console-resolve', () => this.deps.api.setStatus(conversation.id, 'resolved')),
    );
  }

  private renderMessages(initial: boolean): void {
    const list = this.list;
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    const { messages, conversation } = this.detail;
    if (messages.length === 0) {
      fill(list, h('li', { class: 'empty' }, 'No messages yet.'));
    } else {
      fill(list, ...messages.map((m) => this.messageItem(m, m.seq <= conversation.visitorReadSeq)));
    }
    // Keep the reader's place when they scrolled up to read history.
    if (initial || nearBottom) list.scrollTop = list.scrollHeight;
  }

  private messageItem(message: Message, seen: boolean): HTMLElement {
    const { author } = message;
    const name = author.name ?? (author.role === 'visitor' ? 'Visitor' : author.role);
    const isAgent = author.role === 'agent' || author.role === 'bot';
    return h(
      'li',
      {
        class: 'message',
        testid: 'console-message',
        attrs: { 'data-role': author.role, 'data-seq': String(message.seq) },
      },
      author.role !== 'system' &&
        h('div', { class: 'head' }, h('span', {}, name), h('time', { attrs: { datetime: message.createdAt } }, formatTime(message.createdAt)), isAgent && seen && h('span', { attrs: { title: 'Seen by the visitor' } }, '✓ seen')),
      message.text !== '' && h('div', { class: 'text' }, message.text),
      // Tells the agent why "[redacted]" is in the text, and not to ask for it in the chat.
      message.redactions && h('div', { class: 'redacted', testid: 'console-redacted' }, redactionNote(message.redactions)),
      attachmentView(message.attachments, this.deps.blobs),
      message.context &&
        h('div', { class: 'from-page', attrs: { title: message.context.url } }, `on ${message.context.title || message.context.url}`),
    );
  }

  private renderSide(): void {
    const { conversation, pages, attachments } = this.detail;
    const { visitor } = conversation;
    const row = (label: string, value: string | null | undefined, testid?: string) =>
      [h('dt', {}, label), h('dd', { testid }, value || '—')] as const;
    const rating = conversation.rating;
    fill(
      this.side,
      h('h3', {}, 'Visitor'),
      h(
        'dl',
        {},
        ...row('Name', visitor.name),
        ...row('Email', visitor.email),
        ...row('User', visitor.userId),
        ...row('Locale', visitor.locale, 'console-locale'),
        ...row('Assignee', conversation.assignee?.name),
      ),
      // What the visitor already tried ("Still need help?" under an article), so the agent does not repeat it.
      conversation.article &&
        h(
          'p',
          { class: 'read-before', testid: 'console-article', attrs: { title: conversation.article.id } },
          `Read before asking: ${conversation.article.title ?? conversation.article.id}`,
        ),
      h('h3', {}, 'Rating'),
      rating
        ? h('div', { testid: 'console-rating' }, h('span', { class: 'rating', attrs: { 'aria-label': `${rating.score} of 5` } }, '★'.repeat(rating.score) + '☆'.repeat(5 - rating.score)), rating.comment ? h('p', {}, rating.comment) : null)
        : h('div', {}, conversation.ratingRequested ? 'Requested, not yet given' : 'None'),
      h('h3', {}, 'Pages visited'),
      h('ol', { class: 'pages', testid: 'console-pages' }, ...[...pages].reverse().map(pageItem)),
      attachments.length > 0 && h('h3', {}, 'Files'),
      attachmentView(attachments, this.deps.blobs),
    );
  }
}

function pageItem(visit: PageVisit): HTMLElement {
  const { context } = visit;
  return h(
    'li',
    {},
    h('span', { class: 'when' }, formatTime(visit.at), ' '),
    context.title || context.url,
    context.title ? h('span', { class: 'url' }, context.url) : null,
  );
}
