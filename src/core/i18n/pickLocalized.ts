import { resolveLocale } from './resolveLocale.js';

/**
 * Picks the text for `locale` from server-side localized text (`{ en: '…', ru: '…' }`), with the
 * Protocol v1 fallback `ru-RU` → `ru` → `en` → the first entry. Returns '' for an empty record.
 *
 * @example
 * ```ts
 * pickLocalized({ en: 'Hi', ru: 'Привет' }, 'ru-RU'); // 'Привет'
 * ```
 */
export function pickLocalized(text: Readonly<Record<string, string>> | null | undefined, locale: string): string {
  if (!text) return '';
  const keys = Object.keys(text);
  if (keys.length === 0) return '';
  return text[resolveLocale(locale, keys)] ?? '';
}
