import { useStore } from '@nanostores/preact';
import { channelLinks } from '../model/channelLinks.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/** The desk's other channels as links (safe schemes only), for when the chat is not enough. */
export function ChannelLinks() {
  const { client } = useWidget();
  const t = useT();
  const config = useStore(client.$config);
  const links = channelLinks(config?.channels);
  if (links.length === 0) return null;
  return (
    <nav class="channels" aria-label={t('channels.title')}>
      <p class="muted small">{t('channels.title')}</p>
      {links.map((link) => (
        <a key={link.kind} class="channel-link" href={link.href} target="_blank" rel="noopener noreferrer">
          <Icon name={link.kind === 'telegram' ? 'plane' : 'mail'} />
          <span>{t(link.kind === 'telegram' ? 'channels.telegram' : 'channels.email')}</span>
          <span class="sr-only"> {t('channels.newTab')}</span>
        </a>
      ))}
    </nav>
  );
}
