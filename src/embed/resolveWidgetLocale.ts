import { baseLanguage } from '../core/i18n/index.js';

export interface LocaleSources {
  /** The `locale` option. */
  option?: string | undefined;
  /** `<html lang>` of the host page. */
  htmlLang?: string | undefined;
  /** `navigator.languages`, then `navigator.language`, in the visitor's order. */
  languages?: readonly (string | null | undefined)[] | undefined;
  /** The languages the widget can show: the built-in catalogs and any added through `strings`. */
  available: readonly string[];
}

/**
 * The widget's language, in this order: the `locale` option, the visitor's saved choice,
 * `<html lang>`, each of `navigator.languages`, then `en`. Each candidate is tried against the
 * languages the widget has (`ru-RU` counts as `ru`), so an unsupported `<html lang="ja">` or a
 * first browser language of `fr-FR` does not hide a supported one after it. The saved choice is
 * read by the client, so this returns the option for it to prefer (only when supported) and the
 * page's language for it to fall back to. Tags are kept as given, so dates keep their region.
 * Never throws.
 *
 * @example
 * ```ts
 * resolveWidgetLocale({ htmlLang: 'ja', languages: ['fr-FR', 'ru'], available: ['en', 'ru'] });
 * // { locale: undefined, fallbackLocale: 'ru' }
 * ```
 */
export function resolveWidgetLocale(sources: LocaleSources): { locale: string | undefined; fallbackLocale: string } {
  const supported = new Set(sources.available.map(normalize));
  const pick = (candidates: readonly unknown[]) => {
    for (const candidate of candidates) {
      if (typeof candidate !== 'string' || !candidate.trim()) continue;
      const tag = normalize(candidate);
      if (supported.has(tag) || supported.has(baseLanguage(tag))) return candidate.trim();
    }
    return undefined;
  };
  return {
    locale: pick([sources.option]),
    fallbackLocale: pick([sources.htmlLang, ...(Array.isArray(sources.languages) ? sources.languages : [])]) ?? 'en',
  };
}

function normalize(tag: string): string {
  return tag.trim().toLowerCase().replace(/_/g, '-');
}
