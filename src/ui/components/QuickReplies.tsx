import { useStore } from '@nanostores/preact';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';

/** Reply buttons offered by the last agent or bot message; they go away once the visitor answers. */
export function QuickReplies() {
  const { client } = useWidget();
  const t = useT();
  const messages = useStore(client.$messages);
  const conversation = useStore(client.$conversation);
  const last = messages[messages.length - 1];
  const replies = last && last.author.role !== 'visitor' && !last.streaming ? (last.quickReplies ?? []) : [];
  if (replies.length === 0 || conversation?.status === 'resolved') return null;
  return (
    <div class="quick-replies" role="group" aria-label={t('quickReplies.label')}>
      {replies.map((reply) => (
        <button
          key={reply.id}
          type="button"
          class="quick-reply"
          dir="auto"
          onClick={() => client.send(reply.label, { quickReplyId: reply.id })}
        >
          {reply.label}
        </button>
      ))}
    </div>
  );
}
