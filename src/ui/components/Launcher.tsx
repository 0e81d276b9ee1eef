import { useStore } from '@nanostores/preact';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

export const PANEL_ID = 'parley-panel';

/** The round button that opens and closes the panel, with the unread count as a badge. */
export function Launcher() {
  const { client, view } = useWidget();
  const t = useT();
  const open = useStore(view.$open);
  const unread = useStore(client.$unread);
  return (
    <button
      type="button"
      class="launcher"
      part="launcher"
      aria-expanded={open}
      aria-controls={PANEL_ID}
      onClick={() => view.$open.set(!open)}
    >
      <Icon name="chat" class="icon-chat" />
      <Icon name="close" class="icon-close" />
      <span class="sr-only">{open ? t('launcher.close') : t('launcher.open')}</span>
      {unread > 0 && !open && (
        <span class="badge" part="badge">
          <span aria-hidden="true">{unread > 99 ? '99+' : t.formatNumber(unread)}</span>
          <span class="sr-only">{t('launcher.unread', { count: unread })}</span>
        </span>
      )}
    </button>
  );
}
