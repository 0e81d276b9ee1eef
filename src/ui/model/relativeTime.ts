import type { Translator } from '../../core/index.js';

const STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['minute', 60_000],
  ['hour', 3_600_000],
  ['day', 86_400_000],
  ['week', 7 * 86_400_000],
];

/** "5 minutes ago", "yesterday", "2 weeks ago" in the visitor's language; a date after a month. */
export function relativeTime(t: Translator, iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs >= 30 * 86_400_000) return t.formatDate(iso);
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  let size = 60_000;
  for (const [name, ms] of STEPS) if (abs >= ms) [unit, size] = [name, ms];
  // Rounded away from zero, as people say it: 90 minutes ago is "2 hours ago" (Math.round(-1.5) is -1).
  return t.formatRelative(Math.sign(diff) * Math.round(abs / size), unit);
}
