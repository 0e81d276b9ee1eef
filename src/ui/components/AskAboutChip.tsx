import { useStore } from '@nanostores/preact';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/**
 * The help article a new conversation is about ("Still need help?"): it goes with the first
 * message, so the desk sees what the visitor already read. The visitor can drop it.
 */
export function AskAboutChip() {
  const { client, view } = useWidget();
  const t = useT();
  const about = useStore(view.$askAbout);
  const conversation = useStore(client.$conversation);
  // It only matters for the message that starts a conversation.
  if (!about || conversation) return null;
  return (
    <p class="ask-about">
      <Icon name="book" />
      <span dir="auto">{t('kb.askingAbout', { title: about.title })}</span>
      <button type="button" class="icon-button" aria-label={t('kb.forget')} onClick={() => view.$askAbout.set(null)}>
        <Icon name="close" />
      </button>
    </p>
  );
}
