import { useT } from '../hooks/useT.js';

/** "Today", "Yesterday", a weekday or a date, between messages of different days. */
export function DaySeparator({ date, now }: { date: string; now: number }) {
  const t = useT();
  return (
    <div class="day">
      <time dateTime={date}>{t.formatDay(date, now)}</time>
    </div>
  );
}
