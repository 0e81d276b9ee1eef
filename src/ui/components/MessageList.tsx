import { useStore } from '@nanostores/preact';
import type { ClientMessage } from '../../core/index.js';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
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
 * Messages rendered when a conversation opens, and revealed per step as the reader scrolls up
 * (or presses "Show earlier messages"). A conversation of 10,000 messages then opens as fast as
 * one of 60, and the page holds DOM only for what is read (docs/performance.md).
 */
const WINDOW = 60;
/** Scrolled this close to the top, the next step of earlier messages is revealed. */
const REVEAL_PX = 200;

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
  // The first rendered message: `null` until the list is anchored, `'start'` once everything
  // from the first message on is shown (then older pages from the server show at once).
  const [anchor, setAnchor] = useState<string | null>(null);
  const { start, anchored } = windowStart(messages, anchor);
  const shown = useMemo(() => (start === 0 ? messages : messages.slice(start)), [messages, start]);
  const items = useMemo(() => groupMessages(shown), [shown]);
  const first = shown[0];
  const last = messages[messages.length - 1];
  const { atBottom, scrollToBottom, onScroll } = useStickToBottom(
    scroll,
    { first: first && messageKey(first), last: last && messageKey(last), lastIsOwn: last?.author.role === 'visitor' },
    [messages, typing],
  );

  useEffect(() => {
    if (open) scrollToBottom();
  }, [open]);

  // Anchor the window at its first message, so new messages add rows instead of sliding it
  // (a slide would move what the reader is looking at). At the bottom, a window grown long by
  // a live conversation is trimmed back.
  useEffect(() => {
    if (messages.length === 0) return;
    if (!anchored) setAnchor(start === 0 ? 'start' : messageKey(messages[start]!));
    else if (atBottom && messages.length - start > 2 * WINDOW) setAnchor(messageKey(messages[messages.length - WINDOW]!));
  }, [messages, atBottom]);

  const reveal = () => {
    const next = Math.max(0, start - WINDOW);
    setAnchor(next === 0 ? 'start' : messageKey(messages[next]!));
  };
  const onListScroll = () => {
    onScroll();
    if (start > 0 && (scroll.current?.scrollTop ?? REVEAL_PX) < REVEAL_PX) reveal();
  };

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
        onScroll={onListScroll}
      >
        <div class="messages">
          {start > 0 ? <LoadOlderButton reveal={reveal} /> : hasOlder && <LoadOlderButton />}
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

/** Where the rendered window begins: at the anchor, else (no anchor yet, or its message is gone) the last WINDOW messages. */
function windowStart(messages: readonly ClientMessage[], anchor: string | null): { start: number; anchored: boolean } {
  if (anchor === 'start') return { start: 0, anchored: true };
  if (anchor !== null) {
    // From the end: the anchor is almost always near it.
    for (let i = messages.length - 1; i >= 0; i--) if (messageKey(messages[i]!) === anchor) return { start: i, anchored: true };
  }
  return { start: Math.max(0, messages.length - WINDOW), anchored: false };
}
