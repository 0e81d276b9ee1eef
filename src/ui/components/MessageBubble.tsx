import { useMemo, useRef, useState } from 'preact/hooks';
import type { ClientMessage } from '../../core/index.js';
import { parseMarkdown } from '../markdown/parseMarkdown.js';
import { renderBlocks } from '../markdown/renderMarkdown.js';
import { useT } from '../hooks/useT.js';
import { memo } from '../memo.js';
import { AttachmentView } from './lazyParts.js';
import { MessageActions } from './MessageActions.js';
import { MessageStatus } from './MessageStatus.js';

interface Props {
  message: ClientMessage;
  /** The last of its group: shows the time, and "Sent"/"Read" for the visitor's own. */
  last: boolean;
  read: boolean;
}

/**
 * One message: rich text, attachments, hidden-secret note, time and delivery state, and its
 * actions menu. It re-renders only when its message object or flags change (`memo`).
 */
export const MessageBubble = memo(function MessageBubble({ message, last, read }: Props) {
  const t = useT();
  const visitor = message.author.role === 'visitor';
  // Parsing is per text, so a streaming reply re-parses only itself as it grows. The parsed
  // blocks are cached, not the nodes (see renderBlocks).
  const blocks = useMemo(() => parseMarkdown(message.text), [message.text]);
  const rich = renderBlocks(blocks);
  const redacted = message.redactions?.reduce((sum, r) => sum + r.count, 0) ?? 0;
  const showMeta = last || message.state !== 'sent';
  const richRef = useRef<HTMLDivElement>(null);
  const [note, setNote] = useState('');
  // Something to copy, or a failed message to retry or delete; a reply still streaming waits.
  const actions = !message.streaming && (!!message.text.trim() || message.state === 'failed');
  return (
    <div class="message" part="message" data-state={message.state}>
      <div class="bubble-row">
        <div class="bubble" data-streaming={message.streaming || undefined} aria-busy={message.streaming || undefined}>
          {message.text && (
            <div ref={richRef} class="rich">
              {rich}
            </div>
          )}
          {message.attachments.length > 0 && (
            <div class="attachments">
              {message.attachments.map((a) => (
                <AttachmentView key={a.id} attachment={a} />
              ))}
            </div>
          )}
          {redacted > 0 && <p class="redacted">{t('messages.redacted', { count: redacted })}</p>}
        </div>
        {actions && <MessageActions message={message} rich={richRef} onNote={setNote} />}
      </div>
      {showMeta && (
        <div class="meta">
          {last && message.state === 'sent' && <time dateTime={message.createdAt}>{t.formatTime(message.createdAt)}</time>}
          {message.streaming && <span>{t('messages.streaming')}</span>}
          {visitor && <MessageStatus message={message} read={read} showSent={last} />}
        </div>
      )}
      {/* In the page before it has text, so that screen readers speak what arrives in it. */}
      {actions && (
        <p class="copy-note" role="status">
          {note}
        </p>
      )}
    </div>
  );
});
