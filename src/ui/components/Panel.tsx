import { useStore } from '@nanostores/preact';
import { useEffect, useRef } from 'preact/hooks';
import { useFileDrop } from '../hooks/useFileDrop.js';
import { useMediaQuery } from '../hooks/useMediaQuery.js';
import { useScrollLock } from '../hooks/useScrollLock.js';
import { useT } from '../hooks/useT.js';
import { useVisualViewport } from '../hooks/useVisualViewport.js';
import { useWidget } from '../WidgetContext.js';
import { Composer } from './Composer.js';
import { DropZone } from './DropZone.js';
import { ArticleView, AwayNotice, ConversationList, Rating, TopicPicker } from './lazyParts.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { InvalidReplyNotice } from './InvalidReplyNotice.js';
import { PANEL_ID } from './Launcher.js';
import { MessageList } from './MessageList.js';
import { NoticeBanner } from './NoticeBanner.js';
import { PanelHeader } from './PanelHeader.js';
import { QuickReplies } from './QuickReplies.js';
import { StorageNotice } from './StorageNotice.js';
import { Welcome } from './Welcome.js';

/**
 * The chat window: a non-modal `role="dialog"` (the page stays usable beside it on desktop).
 * Closed, it is `hidden`, so nothing inside can take focus. Escape closes it.
 */
export function Panel() {
  const { client, i18n, view, inline, close, uploads } = useWidget();
  const t = useT();
  const open = useStore(view.$open);
  const screen = useStore(view.$screen);
  const dir = useStore(i18n.$dir);
  const config = useStore(client.$config);
  const phone = useMediaQuery('(max-width: 480px)');
  const panel = useRef<HTMLElement>(null);
  const fullScreen = open && phone && !inline;
  useScrollLock(fullScreen, panel);
  useVisualViewport(fullScreen, panel);
  // Files dropped anywhere on the panel attach to the next message, on whatever screen.
  const drop = useFileDrop(!!config?.features.attachments && open, (files) => {
    uploads.add(files);
    if (view.$screen.get() !== 'chat') view.$screen.set('chat');
  });

  // Topics are a lazy chunk; fetch it while the home screen shows, so "Start" finds it loaded
  // and the first topic can take focus.
  const routesByTopic = (config?.topics.length ?? 0) > 0;
  useEffect(() => {
    // A failure is reported by TopicPicker itself when the topics screen renders it.
    if (open && screen === 'home' && routesByTopic) TopicPicker.preload().catch(() => undefined);
  }, [open, screen, routesByTopic]);

  // Focus moves in when the visitor opens the panel or changes screens, not on first mount
  // (a panel that starts open must not steal focus from the page). On phones the panel itself
  // takes focus, so the keyboard does not cover half the screen before the visitor asks for it.
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    const el = panel.current;
    if (!open || !el) return;
    const target = phone ? null : el.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)');
    (target ?? el).focus({ preventScroll: true });
  }, [open, screen]);

  return (
    <section
      ref={panel}
      id={PANEL_ID}
      class="panel"
      part="panel"
      role="dialog"
      aria-label={t('panel.label', { brand: config?.brand.name ?? '' }).trim()}
      hidden={!open}
      dir={dir}
      lang={t.language}
      tabIndex={-1}
      data-dragging={drop.dragging || undefined}
      {...drop.handlers}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !inline && !event.defaultPrevented) {
          event.preventDefault();
          close();
        }
      }}
    >
      <PanelHeader />
      <div class="banners">
        <ConnectionBanner />
        <NoticeBanner />
        <StorageNotice />
      </div>
      <div class="body">
        <InvalidReplyNotice />
        {screen === 'home' && (
          <div class="scroll">
            <Welcome />
          </div>
        )}
        {screen === 'topics' && (
          <div class="scroll">
            <TopicPicker />
          </div>
        )}
        {screen === 'conversations' && (
          <div class="scroll">
            <ConversationList />
          </div>
        )}
        {screen === 'article' && (
          <div class="scroll">
            <ArticleView />
          </div>
        )}
        {screen === 'chat' && (
          <>
            <MessageList />
            <QuickReplies />
            <Rating />
            <AwayNotice compact />
            <Composer />
          </>
        )}
        <DropZone active={drop.dragging} />
      </div>
    </section>
  );
}
