import { useStore } from '@nanostores/preact';
import { availabilityText } from '../model/availabilityText.js';
import { useNow } from '../hooks/useNow.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Avatar } from './Avatar.js';
import { HeaderMenu } from './HeaderMenu.js';
import { Icon } from './Icon.js';
import { LanguageMenu } from './LanguageMenu.js';

/**
 * Brand name, who answers (the assigned agent's name and avatar, else the brand's), availability
 * with the expected reply time, the language menu, the "more" menu and the close button.
 */
export function PanelHeader({ languageMenuOpen = false }: { languageMenuOpen?: boolean }) {
  const { client, view, inline, close } = useWidget();
  const t = useT();
  const config = useStore(client.$config);
  const conversation = useStore(client.$conversation);
  const screen = useStore(view.$screen);
  const now = useNow();
  const brand = config?.brand.name ?? '';
  const assignee = conversation?.assignee;
  // With an agent in the conversation their name matters more than the desk's reply time.
  const status = config ? t(config.availability.online ? 'availability.online' : 'availability.away') : '';
  const subtitle = assignee?.name
    ? [assignee.name, status].filter(Boolean).join(' · ')
    : config
      ? availabilityText(t, config.availability, now)
      : '';

  return (
    <header class="header" part="header">
      {screen !== 'home' && (
        <button type="button" class="icon-button" aria-label={t('header.back')} onClick={() => view.$screen.set('home')}>
          <Icon name="back" class="mirror" />
        </button>
      )}
      <div class="header-identity">
        <Avatar name={assignee?.name ?? brand} src={assignee ? assignee.avatarUrl : config?.brand.avatarUrl} />
        <div class="header-text">
          <h2 class="header-title">{brand}</h2>
          {subtitle && (
            <p class="header-subtitle">
              <span class="presence" data-online={config?.availability.online || undefined} aria-hidden="true" />
              <span>{subtitle}</span>
            </p>
          )}
        </div>
      </div>
      <div class="header-actions">
        <LanguageMenu defaultOpen={languageMenuOpen} />
        <HeaderMenu />
        {!inline && (
          <button type="button" class="icon-button" aria-label={t('header.close')} onClick={close}>
            <Icon name="close" />
          </button>
        )}
      </div>
    </header>
  );
}
