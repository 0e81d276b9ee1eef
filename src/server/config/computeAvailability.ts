import type { Availability, BusinessHours } from '../../core/protocol/index.js';
import type { AvailabilitySettings } from '../defaultConfig.js';

interface WallClock {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minutes: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/**
 * Computes `online` and `nextOpenAt` for `now`. Hours are wall-clock times in `timeZone`
 * (`open` < `close`, same day), so daylight-saving shifts are handled by Intl, not by offsets.
 */
export function computeAvailability(settings: AvailabilitySettings, now: Date): Availability {
  if (settings.alwaysOpen) return { ...settings, online: true, nextOpenAt: null };
  const local = wallClock(now, settings.timeZone);
  const online = settings.hours.some(
    (h) => h.day === local.weekday && toMinutes(h.open) <= local.minutes && local.minutes < toMinutes(h.close),
  );
  return {
    ...settings,
    online,
    nextOpenAt: online ? null : nextOpening(settings.hours, settings.timeZone, now, local),
  };
}

function nextOpening(
  hours: readonly BusinessHours[],
  timeZone: string,
  now: Date,
  local: WallClock,
): string | null {
  // Look at today and the next seven days: a weekly schedule repeats within that window.
  for (let offset = 0; offset <= 7; offset++) {
    const weekday = (local.weekday + offset) % 7;
    const candidates = hours
      .filter((h) => h.day === weekday)
      .map((h) => toMinutes(h.open))
      .filter((open) => offset > 0 || open > local.minutes)
      .sort((a, b) => a - b);
    const open = candidates[0];
    if (open === undefined) continue;
    // Date.UTC normalizes day overflow (e.g. the 32nd) into the next month.
    const date = new Date(Date.UTC(local.year, local.month - 1, local.day + offset));
    const at = zonedTimeToUtc(
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      open,
      timeZone,
    );
    if (at.getTime() > now.getTime()) return at.toISOString();
  }
  return null;
}

function toMinutes(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

function wallClock(at: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    weekday: WEEKDAYS[get('weekday')] ?? 0,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

/** The UTC instant at which the wall clock in `timeZone` shows the given date and minute. */
function zonedTimeToUtc(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
  // Two passes settle the offset even when the first guess lands across a DST change.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const seen = wallClock(new Date(guess), timeZone);
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, Math.floor(seen.minutes / 60), seen.minutes % 60);
    guess += asUtc - seenUtc;
  }
  return new Date(guess);
}
