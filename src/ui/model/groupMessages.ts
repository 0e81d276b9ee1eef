import type { Author, AuthorRole, ClientMessage } from '../../core/index.js';

export type ListItem =
  | { kind: 'day'; key: string; date: string }
  | { kind: 'system'; key: string; message: ClientMessage }
  | { kind: 'group'; key: string; role: AuthorRole; author: Author; messages: ClientMessage[] };

/** A stable key: the clientId survives the pending → sent swap, so the bubble is not re-created. */
export const messageKey = (m: ClientMessage) => `${m.author.role}:${m.clientId}`;

const authorKey = (author: Author) => (author.role === 'visitor' ? 'visitor' : `${author.role}:${author.id ?? author.name ?? ''}`);

function dayOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toDateString();
}

/**
 * Turns the ordered message list into what the log shows: a day separator whenever the local
 * calendar day changes, system events on their own line, and runs of messages by one author
 * grouped under one name and avatar.
 */
export function groupMessages(messages: readonly ClientMessage[]): ListItem[] {
  const items: ListItem[] = [];
  let day = '';
  let group: Extract<ListItem, { kind: 'group' }> | null = null;
  for (const message of messages) {
    const messageDay = dayOf(message.createdAt);
    if (messageDay && messageDay !== day) {
      day = messageDay;
      items.push({ kind: 'day', key: `day:${messageDay}`, date: message.createdAt });
      group = null;
    }
    if (message.author.role === 'system' || message.system) {
      items.push({ kind: 'system', key: messageKey(message), message });
      group = null;
      continue;
    }
    if (group && authorKey(group.author) === authorKey(message.author)) {
      group.messages.push(message);
      continue;
    }
    group = { kind: 'group', key: messageKey(message), role: message.author.role, author: message.author, messages: [message] };
    items.push(group);
  }
  return items;
}
