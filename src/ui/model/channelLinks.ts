import type { WidgetConfig } from '../../core/index.js';

export interface ChannelLink {
  kind: 'telegram' | 'email';
  href: string;
}

const TELEGRAM_NAME = /^@?([A-Za-z0-9_]{4,32})$/;
const EMAIL = /^[^\s@<>"'()[\]\\,;:]+@[^\s@<>"'()[\]\\,;:]+\.[^\s@<>"'()[\]\\,;:]+$/;

/**
 * The desk's other channels as links, keeping only safe schemes: `https:` and `tg:` for
 * Telegram (a bare `@name` becomes `https://t.me/name`), `mailto:` for email. Anything else
 * (`javascript:`, `data:`, a malformed address) is dropped, since the config is remote data.
 */
export function channelLinks(channels: WidgetConfig['channels'] | undefined): ChannelLink[] {
  const links: ChannelLink[] = [];
  const telegram = channels?.telegram?.trim();
  if (telegram) {
    const name = TELEGRAM_NAME.exec(telegram)?.[1];
    const href = name ? `https://t.me/${name}` : safeUrl(telegram, ['https:', 'tg:']);
    if (href) links.push({ kind: 'telegram', href });
  }
  const email = channels?.email?.trim().replace(/^mailto:/i, '');
  if (email && EMAIL.test(email)) links.push({ kind: 'email', href: `mailto:${email}` });
  return links;
}

function safeUrl(value: string, schemes: readonly string[]): string | null {
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol) ? url.href : null;
  } catch {
    // Not an absolute URL: not a link we can trust to go where it says.
    return null;
  }
}
