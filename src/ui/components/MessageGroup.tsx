import type { ListItem } from '../model/groupMessages.js';
import { messageKey } from '../model/groupMessages.js';
import { authorName } from '../model/messageText.js';
import { useT } from '../hooks/useT.js';
import { Avatar } from './Avatar.js';
import { MessageBubble } from './MessageBubble.js';

type Group = Extract<ListItem, { kind: 'group' }>;

/** Consecutive messages of one author under one name and avatar; the visitor's on the end side. */
export function MessageGroup({ group, agentReadSeq }: { group: Group; agentReadSeq: number }) {
  const t = useT();
  const visitor = group.role === 'visitor';
  const last = group.messages[group.messages.length - 1];
  return (
    <div class="group" data-role={group.role}>
      {!visitor && <Avatar name={authorName(t, group.author)} src={group.author.avatarUrl} />}
      <div class="group-body">
        <p class={visitor ? 'sr-only' : 'author'} dir="auto">
          {authorName(t, group.author)}
        </p>
        {group.messages.map((message) => (
          <MessageBubble
            key={messageKey(message)}
            message={message}
            last={message === last}
            read={message.seq !== null && message.seq <= agentReadSeq}
          />
        ))}
      </div>
    </div>
  );
}
