import type { OperatorConversation } from '../../core/protocol/index.js';
import { fill, formatTime, h } from './dom.js';

/** Unresolved first, then most recent activity first: the order a desk works in. */
export function sortConversations(list: OperatorConversation[]): OperatorConversation[] {
  return [...list].sort((a, b) => {
    const resolved = Number(a.status === 'resolved') - Number(b.status === 'resolved');
    return resolved !== 0 ? resolved : b.updatedAt.localeCompare(a.updatedAt);
  });
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
    h('span', { class: 'meta' }, [who, visitor.locale ?? 'locale unknown', formatTime(conversation.updatedAt)].join(' · ')),
    h('span', { class: 'preview' }, conversation.lastMessagePreview ?? 'No messages yet'),
    page && h('span', { class: 'page', attrs: { title: lastContext?.url } }, `📄 ${page}`),
  );
  return h('li', {}, button);
}
