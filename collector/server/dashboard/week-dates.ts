import { range } from '../../../i18n/typography';

const monthDay = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', timeZone: 'UTC' });
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "2026-11-23", "2026-11-29" → «23–29 ноября 2026»; across months «30 ноября – 6 декабря 2026». */
export function formatWeekRange(from: string, to: string): string {
  const start = day(from);
  const end = day(to);
  const year = end.getUTCFullYear();
  if (start.getUTCMonth() === end.getUTCMonth()) return `${range(start.getUTCDate(), monthDay.format(end))}\u00a0${year}`;
  const left = start.getUTCFullYear() === year ? monthDay.format(start) : `${monthDay.format(start)} ${start.getUTCFullYear()}`;
  return `${range(left, monthDay.format(end))}\u00a0${year}`;
}
