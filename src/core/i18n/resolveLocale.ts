import { baseLanguage } from './isRtlLocale.js';

/**
 * Picks the best available locale for the visitor's preferences: an exact tag first, then its
 * language (`ru-RU` → `ru`), then the next candidate, then `fallback` (`en`), then the first
 * available. Never throws, whatever the input.
 *
 * @example
 * ```ts
 * resolveLocale(['ru-RU', 'en-US'], ['en', 'ru']); // 'ru'
 * resolveLocale('pt-BR', ['en', 'ru']);            // 'en'
 * ```
 */
export function resolveLocale(
  candidates: string | readonly (string | null | undefined)[] | null | undefined,
  available: readonly string[],
  fallback = 'en',
): string {
  const list = (typeof candidates === 'string' ? [candidates] : (candidates ?? [])).filter(
    (c): c is string => typeof c === 'string' && c.trim() !== '',
  );
  const byLower = new Map(available.map((tag) => [tag.toLowerCase().replace(/_/g, '-'), tag]));
  for (const candidate of list) {
    const tag = candidate.trim().toLowerCase().replace(/_/g, '-');
    const exact = byLower.get(tag);
    if (exact) return exact;
    const base = byLower.get(baseLanguage(tag));
    if (base) return base;
  }
  return byLower.get(fallback.toLowerCase()) ?? available[0] ?? fallback;
}
