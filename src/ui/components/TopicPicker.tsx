import { useStore } from '@nanostores/preact';
import { pickLocalized } from '../../core/index.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/**
 * Pre-chat routing: the visitor names the topic first, so the desk can send the question to the
 * right specialist. The choice is kept in view state for the first message.
 */
export function TopicPicker() {
  const { client, view } = useWidget();
  const t = useT();
  const config = useStore(client.$config);
  const choose = (id: string | null) => {
    view.$topic.set(id);
    view.$screen.set('chat');
  };
  const topics = config?.topics ?? [];
  return (
    <div class="topics">
      <h2 id="parley-topics-title">{t('topics.title')}</h2>
      <p class="muted small">{t('topics.subtitle')}</p>
      <ul class="topic-list" aria-labelledby="parley-topics-title">
        {topics.map((topic, index) => {
          const description = pickLocalized(topic.description, t.locale);
          return (
            <li key={topic.id}>
              <button type="button" class="topic" data-autofocus={index === 0 || undefined} onClick={() => choose(topic.id)}>
                <span class="topic-text">
                  <span class="topic-label" dir="auto">{pickLocalized(topic.label, t.locale)}</span>
                  {description && <span class="muted small" dir="auto">{description}</span>}
                </span>
                <Icon name="chevron" class="mirror" />
              </button>
            </li>
          );
        })}
        <li>
          <button type="button" class="topic" onClick={() => choose(null)}>
            <span class="topic-text">
              <span class="topic-label">{t('topics.other')}</span>
            </span>
            <Icon name="chevron" class="mirror" />
          </button>
        </li>
      </ul>
    </div>
  );
}
