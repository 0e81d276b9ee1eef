import type { OperatorConversation } from '../../core/protocol/index.js';
import { fill, formatTime, h } from './dom.js';

/**
 * Waiting for a person first (handed off, nobody assigned), then the rest that are unresolved
 * (with the bot or an agent), then resolved; most recent activity first within each group.
 */
export function sortConversations(list: OperatorConversation[]): OperatorConversation[] {
  return [...list].sort((a, b) => queueRank(a) - queueRank(b) || b.updatedAt.localeCompare(a.updatedAt));
}

/** True when a conversation is in the human queue and no agent has taken it yet. */
export function isWaitingForAgent(conversation: OperatorConversation): boolean {
  return conversation.status !== 'resolved' && conversation.handler === 'human' && !conversation.assignee;
}

/** Who has the conversation now, for the list's meta line. */
function handlerLabel(conversation: OperatorConversation): string | null {
  if (conversation.status === 'resolved') return null;
  if (isWaitingForAgent(conversation)) return 'waiting for an agent';
  return conversation.handler === 'bot' ? 'with the bot' : null;
}

function queueRank(conversation: OperatorConversation): number {
  if (conversation.status === 'resolved') return 2;
  return isWaitingForAgent(conversation) ? 0 : 1;
}

export function isUnread(conversation: OperatorConversation): boolean {
  return conversation.lastSeq > conversation.agentReadSeq;
}

/** Renders the list into `container`, marking `selectedId` as current. */
export function renderConversationList(
  container: HTMLElement,
  conversations: OperatorConversation[],
  selectedId: string | null,
  onSelect: (id: string) => void,
): void {
  if (conversations.length === 0) {
    fill(container, h('li', { class: 'empty' }, 'No conversations yet. They appear here as visitors write.'));
    return;
  }
  fill(container, ...sortConversations(conversations).map((c) => item(c, c.id === selectedId, onSelect)));
}

function item(conversation: OperatorConversation, selected: boolean, onSelect: (id: string) => void): HTMLElement {
  const { visitor, lastContext } = conversation;
  const who = visitor.name || visitor.email || visitor.userId || 'Anonymous visitor';
  const page = lastContext ? lastContext.title || lastContext.url : null;
  const button = h(
    'button',
    {
      class: 'conversation',
      testid: 'console-conversation',
      attrs: {
        type: 'button',
        'data-id': conversation.id,
        'data-status': conversation.status,
        'data-handler': conversation.handler,
        'aria-current': selected ? 'true' : 'false',
      },
      on: { click: () => onSelect(conversation.id) },
    },
    h(
      'span',
      { class: 'ref' },
      conversation.ref,
      isUnread(conversation) && h('span', { class: 'unread', attrs: { title: 'Unread messages', 'aria-label': 'unread' } }),
    ),
    h('span', { class: 'status', attrs: { 'data-status': conversation.status } }, conversation.status),
    h(
      'span',
      { class: 'meta' },
      [who, visitor.locale ?? 'locale unknown', handlerLabel(conversation), formatTime(conversation.updatedAt)]
        .filter(Boolean)
        .join(' · '),
    ),
    h('span', { class: 'preview' }, conversation.lastMessagePreview ?? 'No messages yet'),
    page && h('span', { class: 'page', attrs: { title: lastContext?.url } }, `📄 ${page}`),
  );
  return h('li', {}, button);
}
