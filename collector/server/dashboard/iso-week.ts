/**
 * ISO 8601 weeks (Monday–Sunday; week 1 holds the year's first Thursday), computed from
 * `YYYY-MM-DD` day strings in UTC so that SQL only ever needs `day BETWEEN from AND to`.
 */
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export interface WeekRange {
  week: string;
  /** Monday. */
  from: string;
  /** Sunday. */
  to: string;
}

function parseDay(day: string): Date | null {
  if (!DAY_PATTERN.test(day)) return null;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : date;
}

const formatDay = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const isoWeekday = (date: Date) => ((date.getUTCDay() + 6) % 7) + 1;

/** The ISO week of a day, e.g. `2026-11-23` → `2026-W48`; null for a string that is not a real day. */
export function isoWeekOf(day: string): string | null {
  const date = parseDay(day);
  if (!date) return null;
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function mondayOfWeekOne(year: number): Date {
  const january4 = new Date(Date.UTC(year, 0, 4));
  return addDays(january4, 1 - isoWeekday(january4));
}

/** Monday and Sunday of an ISO week; null for a malformed or non-existent week (e.g. 2026-W53). */
export function weekRange(week: string): WeekRange | null {
  const match = WEEK_PATTERN.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || number > 53) return null;
  const monday = addDays(mondayOfWeekOne(year), (number - 1) * 7);
  if (isoWeekOf(formatDay(monday)) !== week) return null;
  return { week, from: formatDay(monday), to: formatDay(addDays(monday, 6)) };
}

/** Every ISO week from the one holding `fromDay` to the one holding `toDay`, oldest first. */
export function weeksBetween(fromDay: string, toDay: string, limit = 520): string[] {
  const first = isoWeekOf(fromDay);
  const last = isoWeekOf(toDay);
  if (!first || !last || first > last) return [];
  const weeks: string[] = [];
  let monday = parseDay(weekRange(first)!.from)!;
  for (let week = first; weeks.length < limit; ) {
    weeks.push(week);
    if (week === last) break;
    monday = addDays(monday, 7);
    week = isoWeekOf(formatDay(monday))!;
  }
  return weeks;
}

/** The week `count - 1` weeks before `week`, so that [result … week] spans `count` weeks. */
export function weeksEndingAt(week: string, count: number): string[] {
  const range = weekRange(week);
  if (!range) return [];
  const start = formatDay(addDays(parseDay(range.from)!, -7 * (count - 1)));
  return weeksBetween(start, range.from, count);
}

export function todayUtc(now = new Date()): string {
  return formatDay(now);
}
