import { useStore } from '@nanostores/preact';
import { type ClientMessage, pickLocalized } from '../../core/index.js';
import { toPlainText } from '../markdown/parseMarkdown.js';
import { availabilityText } from '../model/availabilityText.js';
import { useNow } from '../hooks/useNow.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { AwayNotice, KnowledgeBase } from './lazyParts.js';
import { Icon } from './Icon.js';

/**
 * The home screen: the desk's greeting in the visitor's language, availability, and the way
 * in: "Start a conversation" (through topics when the desk routes by topic) or "Continue";
 * a returning visitor's conversations; and help articles for the page, where the desk has them.
 */
export function Welcome() {
  const { client, view } = useWidget();
  const t = useT();
  const config = useStore(client.$config);
  const conversation = useStore(client.$conversation);
  const messages = useStore(client.$messages);
  const now = useNow();
  const greeting = pickLocalized(config?.greeting, t.locale) || t('welcome.fallbackGreeting');
  const ongoing = messages.length > 0 || (conversation !== null && conversation.status !== 'resolved');
  const last = lastWithText(messages);

  const start = () => {
    const routeByTopic = !ongoing && (config?.topics.length ?? 0) > 0;
    view.$screen.set(routeByTopic ? 'topics' : 'chat');
  };

  return (
    <div class="home">
      <div class="hero">
        <h2 dir="auto">{greeting}</h2>
      </div>
      <div class="card start-card">
        {ongoing && last && (
          <p class="last-message" dir="auto">
            {t('welcome.lastMessage', { text: toPlainText(last.text).slice(0, 140) })}
          </p>
        )}
        {config && (
          <p class="start-meta">
            <span class="presence" data-online={config.availability.online || undefined} aria-hidden="true" />
            {availabilityText(t, config.availability, now)}
          </p>
        )}
        <button type="button" class="button" data-autofocus onClick={start}>
          {t(ongoing ? 'welcome.continue' : 'welcome.start')}
          <Icon name="send" class="mirror" />
        </button>
        {conversation && (
          <button type="button" class="link-button" onClick={() => view.$screen.set('conversations')}>
            {t('welcome.conversations')}
          </button>
        )}
      </div>
      <KnowledgeBase />
      <AwayNotice />
      {/* The desk's own notices (shown above) replace this default warning, so it is not said twice. */}
      {!config?.notices.length && (
        <p class="safety">
          <Icon name="shield" />
          <span>{t('welcome.safety')}</span>
        </p>
      )}
    </div>
  );
}

/** The newest message with text; from the end, without copying a list that may be 10,000 long. */
function lastWithText(messages: readonly ClientMessage[]): ClientMessage | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.text && !m.system) return m;
  }
  return undefined;
}
