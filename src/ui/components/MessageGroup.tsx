import type { ListItem } from '../model/groupMessages.js';
import { messageKey } from '../model/groupMessages.js';
import { authorName } from '../model/messageText.js';
import { useT } from '../hooks/useT.js';
import { memo } from '../memo.js';
import { Avatar } from './Avatar.js';
import { MessageBubble } from './MessageBubble.js';

type Group = Extract<ListItem, { kind: 'group' }>;
type Props = { group: Group; agentReadSeq: number };

/**
 * Consecutive messages of one author under one name and avatar; the visitor's on the end side.
 * The list regroups on every change, so a group is re-rendered only when its messages (by
 * identity) or their read state differ (`sameGroup`).
 */
export const MessageGroup = memo(function MessageGroup({ group, agentReadSeq }: Props) {
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
}, sameGroup);

function sameGroup(a: Props, b: Props): boolean {
  const x = a.group.messages;
  const y = b.group.messages;
  if (a.group.key !== b.group.key || a.group.author !== b.group.author || x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  if (a.agentReadSeq === b.agentReadSeq || a.group.role !== 'visitor') return true;
  // A read receipt re-renders only the groups whose "Read" marks it changes.
  return !x.some((m) => m.seq !== null && m.seq <= a.agentReadSeq !== m.seq <= b.agentReadSeq);
}
