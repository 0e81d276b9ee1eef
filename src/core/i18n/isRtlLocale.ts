// Languages written right to left. `Intl.Locale#getTextInfo` would tell, but Firefox lacks it.
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/**
 * True when the locale's language is written right to left (`ar`, `he`, `fa`, `ur` …).
 *
 * @example
 * ```ts
 * isRtlLocale('ar-EG'); // true
 * ```
 */
export function isRtlLocale(locale: string): boolean {
  return RTL_LANGUAGES.has(baseLanguage(locale));
}

/** `ru-RU` → `ru`; `pt_BR` → `pt`. Never throws. */
export function baseLanguage(locale: string): string {
  return String(locale).trim().toLowerCase().split(/[-_]/)[0] ?? '';
}
