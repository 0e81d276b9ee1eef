import type { Availability, Translator } from '../../core/index.js';

const DAY = 86_400_000;

/** "back at 09:00", "back tomorrow at 09:00" or "back on 12 May at 09:00", in the visitor's time zone. */
export function backText(t: Translator, nextOpenAt: string | null | undefined, now: number): string {
  const at = nextOpenAt ? new Date(nextOpenAt) : null;
  if (!at || Number.isNaN(at.getTime())) return t('availability.backSoon');
  const time = t.formatTime(at);
  const startOfToday = new Date(now);
  startOfToday.setHours(0, 0, 0, 0);
  // Midnight to midnight, rounded: a day is 23 or 25 hours long when the clocks change.
  const days = Math.round((new Date(at).setHours(0, 0, 0, 0) - startOfToday.getTime()) / DAY);
  if (days <= 0) return t('availability.backToday', { time });
  if (days === 1) return t('availability.backTomorrow', { time });
  return t('availability.backOn', { date: t.formatDate(at, { day: 'numeric', month: 'long' }), time });
}

/** "replies in ~3 min", "replies in ~2 hours" or "replies in under a minute". */
export function replyTimeText(t: Translator, minutes: number): string {
  if (minutes <= 1) return t('availability.replyInstant');
  if (minutes < 60) return t('availability.replyMinutes', { count: Math.round(minutes) });
  return t('availability.replyHours', { count: Math.round(minutes / 60) });
}

/** The header's status line: "Online · replies in ~3 min" or "Away · back at 09:00". */
export function availabilityText(t: Translator, availability: Availability, now: number): string {
  return availability.online
    ? `${t('availability.online')} · ${replyTimeText(t, availability.replyTimeMinutes)}`
    : `${t('availability.away')} · ${backText(t, availability.nextOpenAt, now)}`;
}
