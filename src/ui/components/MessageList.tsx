import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { groupMessages, messageKey } from '../model/groupMessages.js';
import { useNow } from '../hooks/useNow.js';
import { useStickToBottom } from '../hooks/useStickToBottom.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { DaySeparator } from './DaySeparator.js';
import { Icon } from './Icon.js';
import { LoadOlderButton } from './LoadOlderButton.js';
import { MessageGroup } from './MessageGroup.js';
import { SystemEvent } from './SystemEvent.js';
import { TypingIndicator } from './TypingIndicator.js';

/**
 * The conversation: a `role="log"` that screen readers can browse but that does not speak by
 * itself (`aria-live="off"`); new messages are announced once by the separate LiveAnnouncer.
 */
export function MessageList() {
  const { client, view } = useWidget();
  const t = useT();
  const messages = useStore(client.$messages);
  const typing = useStore(client.$typing);
  const hasOlder = useStore(client.$hasOlder);
  const conversation = useStore(client.$conversation);
  const open = useStore(view.$open);
  const now = useNow();
  const scroll = useRef<HTMLDivElement>(null);
  const items = useMemo(() => groupMessages(messages), [messages]);
  const first = messages[0];
  const last = messages[messages.length - 1];
  const { atBottom, scrollToBottom, onScroll } = useStickToBottom(
    scroll,
    { first: first && messageKey(first), last: last && messageKey(last), lastIsOwn: last?.author.role === 'visitor' },
    [messages, typing],
  );

  useEffect(() => {
    if (open) scrollToBottom();
  }, [open]);

  // Reading happens when the newest message is on screen in an open panel of a visible tab.
  useEffect(() => {
    const hidden = scroll.current?.ownerDocument.visibilityState === 'hidden';
    if (open && atBottom && !hidden) client.markRead();
  }, [open, atBottom, messages]);

  return (
    <div class="log-wrap">
      <div
        ref={scroll}
        class="scroll"
        part="messages"
        role="log"
        aria-live="off"
        aria-label={t('messages.label')}
        tabIndex={0}
        onScroll={onScroll}
      >
        <div class="messages">
          {hasOlder && <LoadOlderButton />}
          {items.length === 0 && !typing && <p class="messages-empty muted">{t('messages.empty')}</p>}
          {items.map((item) =>
            item.kind === 'day' ? (
              <DaySeparator key={item.key} date={item.date} now={now} />
            ) : item.kind === 'system' ? (
              <SystemEvent key={item.key} message={item.message} />
            ) : (
              <MessageGroup key={item.key} group={item} agentReadSeq={conversation?.agentReadSeq ?? 0} />
            ),
          )}
          {typing && <TypingIndicator author={typing} />}
        </div>
      </div>
      {!atBottom && (
        <button type="button" class="jump" aria-label={t('messages.jumpToLatest')} onClick={scrollToBottom}>
          <Icon name="down" />
        </button>
      )}
    </div>
  );
}
