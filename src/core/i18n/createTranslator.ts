import { isRtlLocale } from './isRtlLocale.js';
import { en, type Catalog, type CatalogKey } from './locales/en.js';
import { isPluralMessage, type PluralMessage } from './PluralMessage.js';

export type TranslateParams = Readonly<Record<string, string | number>>;
type DateInput = Date | string | number;

/**
 * Translates a key in the current locale. Plural messages choose their form by `params.count`.
 *
 * @example
 * ```ts
 * t('launcher.unread', { count: 3 }); // '3 unread messages'
 * t.formatTime(message.createdAt);    // '14:05' or '2:05 PM'
 * ```
 */
export interface Translator {
  (key: CatalogKey, params?: TranslateParams): string;
  /** The tag used for dates and numbers: the visitor's own (`en-GB`), not only the catalog's. */
  readonly locale: string;
  /** The catalog's language, e.g. `ru` for `ru-RU`. */
  readonly language: string;
  readonly dir: 'ltr' | 'rtl';
  formatTime(date: DateInput): string;
  formatDate(date: DateInput, options?: Intl.DateTimeFormatOptions): string;
  /** `formatRelative(-1, 'day')` → 'yesterday'. */
  formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit): string;
  /** A day heading: 'Today', 'Yesterday', a weekday within the week, else the date. */
  formatDay(date: DateInput, now?: DateInput): string;
  formatNumber(value: number): string;
}

const DAY = 86_400_000;

/** Builds a translator over `catalog`, falling back to English key by key. */
export function createTranslator(
  locale: string,
  language: string,
  catalog: Partial<Catalog>,
  warn: (message: string) => void = () => undefined,
): Translator {
  const tag = supportedTag(locale) ?? supportedTag(language) ?? 'en';
  const cache = new Map<string, { format(value: never): string }>();
  const intl = <T extends { format(value: never): string }>(key: string, make: () => T): T => {
    let formatter = cache.get(key);
    if (!formatter) cache.set(key, (formatter = make()));
    return formatter as T;
  };
  const plural = () => intl('plural', () => {
    const rules = new Intl.PluralRules(tag);
    return { format: (n: number) => rules.select(n) };
  });
  const number = () => intl('number', () => new Intl.NumberFormat(tag));

  const t = ((key: CatalogKey, params: TranslateParams = {}) => {
    const message: string | PluralMessage | undefined = catalog[key] ?? en[key];
    if (message === undefined) {
      warn(`Parley: no translation for key "${String(key)}"; add it to src/core/i18n/locales/en.ts`);
      return String(key);
    }
    let text: string;
    if (isPluralMessage(message)) {
      const count = Number(params.count ?? 0);
      const category = plural().format(count) as keyof typeof message;
      text = message[category] ?? message.other;
    } else {
      text = message;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? number().format(value) : value;
    });
  }) as Translator;

  const toDate = (input: DateInput) => (input instanceof Date ? input : new Date(input));
  const safe = (input: DateInput, format: (d: Date) => string) => {
    const date = toDate(input);
    return Number.isNaN(date.getTime()) ? '' : format(date);
  };
  const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase(tag) + s.slice(1);

  Object.assign(t, {
    locale: tag,
    language,
    dir: isRtlLocale(language) ? 'rtl' : 'ltr',
    formatTime: (input: DateInput) =>
      safe(input, (d) => intl('time', () => new Intl.DateTimeFormat(tag, { timeStyle: 'short' })).format(d as never)),
    formatDate: (input: DateInput, options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' }) =>
      safe(input, (d) => intl(`date:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options)).format(d as never)),
    formatRelative: (value: number, unit: Intl.RelativeTimeFormatUnit) =>
      intl(`rel:${unit}`, () => {
        const rtf = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
        return { format: (n: number) => rtf.format(n, unit) };
      }).format(value as never),
    formatDay: (input: DateInput, now: DateInput = Date.now()) =>
      safe(input, (d) => {
        const days = Math.round((startOfDay(toDate(now)) - startOfDay(d)) / DAY);
        if (days === 0 || days === 1) return capitalize(t.formatRelative(-days, 'day'));
        if (days > 1 && days < 7) return capitalize(t.formatDate(d, { weekday: 'long' }));
        const sameYear = d.getFullYear() === toDate(now).getFullYear();
        return t.formatDate(d, sameYear ? { day: 'numeric', month: 'long' } : { day: 'numeric', month: 'long', year: 'numeric' });
      }),
    formatNumber: (value: number) => number().format(value as never),
  });
  return t;
}

// Local midnight; rounding the difference absorbs daylight-saving days of 23 or 25 hours.
function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

// PluralRules, not DateTimeFormat: in Chromium the first `DateTimeFormat.supportedLocalesOf`
// loads ICU's date data, 20–45 ms of main thread on every host page load (bench/run.mjs); the
// answer is the same, and date data then loads only when a date is first shown.
function supportedTag(tag: string): string | undefined {
  try {
    return Intl.PluralRules.supportedLocalesOf([tag])[0];
  } catch {
    // An invalid BCP 47 tag throws RangeError; the caller falls back to the catalog language.
    return undefined;
  }
}
