import { useT } from '../hooks/useT.js';
import { memo } from '../memo.js';

/** "Today", "Yesterday", a weekday or a date, between messages of different days. */
export const DaySeparator = memo(function DaySeparator({ date, now }: { date: string; now: number }) {
  const t = useT();
  return (
    <div class="day">
      <time dateTime={date}>{t.formatDay(date, now)}</time>
    </div>
  );
});
