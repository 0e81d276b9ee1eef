import { useStore } from '@nanostores/preact';
import { channelLinks } from '../model/channelLinks.js';
import { useMenu } from '../hooks/useMenu.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/**
 * The header's "more" menu: the visitor's conversations, the transcript as `.txt` or `.html`,
 * and the desk's other channels (Telegram, email), which open outside the page.
 */
export function HeaderMenu() {
  const { client, view, warn } = useWidget();
  const t = useT();
  const config = useStore(client.$config);
  const messages = useStore(client.$messages);
  const menu = useMenu('parley-header-menu');
  const exportable = !!config?.features.transcriptExport && messages.some((m) => m.state !== 'failed');
  const links = channelLinks(config?.channels);

  const act = (action: () => void) => () => {
    menu.close();
    action();
  };
  const download = (format: 'txt' | 'html') => (event: MouseEvent) => {
    const doc = (event.currentTarget as HTMLElement).ownerDocument;
    menu.close();
    // The builders are a chunk of their own: only visitors who export load them.
    import('../model/exportTranscript.js').then(
      ({ exportTranscript }) =>
        exportTranscript(doc, t, { messages: client.$messages.get(), conversation: client.$conversation.get(), brand: config?.brand.name ?? '' }, format),
      (error: unknown) => warn(`Parley: the transcript export failed to load (${String(error)})`),
    );
  };

  return (
    <>
      <button {...menu.buttonProps} class="icon-button" aria-label={t('header.menu')}>
        <Icon name="more" />
      </button>
      <div {...menu.menuProps} class="menu" aria-label={t('header.menu')}>
        <button type="button" role="menuitem" class="menu-item" tabIndex={-1} onClick={act(() => view.$screen.set('conversations'))}>
          <span>{t('conversations.title')}</span>
          <Icon name="list" />
        </button>
        {exportable && (
          <>
            <button type="button" role="menuitem" class="menu-item" tabIndex={-1} onClick={download('txt')}>
              <span>{t('export.txt')}</span>
              <Icon name="download" />
            </button>
            <button type="button" role="menuitem" class="menu-item" tabIndex={-1} onClick={download('html')}>
              <span>{t('export.html')}</span>
              <Icon name="download" />
            </button>
          </>
        )}
        {links.map((link) => (
          <a
            key={link.kind}
            role="menuitem"
            class="menu-item"
            tabIndex={-1}
            href={link.href}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => menu.close()}
          >
            <span>
              {t(link.kind === 'telegram' ? 'channels.telegram' : 'channels.email')}
              <span class="sr-only"> {t('channels.newTab')}</span>
            </span>
            <Icon name={link.kind === 'telegram' ? 'plane' : 'mail'} />
          </a>
        ))}
      </div>
    </>
  );
}
