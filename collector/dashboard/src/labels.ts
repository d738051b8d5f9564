import { EVENT_NAMES, type EventName } from '../../../protocol/events';
import type { MessengerId } from '../../../protocol/messengers';
import { EVENT_TITLES } from '../../server/dashboard/event-titles';
import { weekRange } from '../../server/dashboard/iso-week';
import { formatWeekRange } from '../../server/dashboard/week-dates';

export const EVENT_LABELS: Record<EventName, string> = EVENT_TITLES;

export const EVENTS = EVENT_NAMES;


/** Distinct, colour-blind-friendly colours (Okabe–Ito and Tol), one per messenger. */
export const MESSENGER_COLORS: Record<MessengerId, string> = {
  discord: '#5a4fcf',
  teams: '#0072b2',
  skype: '#56b4e9',
  snapchat: '#b8a000',
  telegram: '#009e73',
  threema: '#555555',
  viber: '#cc79a7',
  whatsapp: '#d55e00',
  wechat: '#882255',
};

/** "2026-W47" → "Неделя 47: 16–22 ноября 2026"; across months "30 ноября – 6 декабря 2026". */
export function weekLabel(week: string): string {
  const days = weekRange(week);
  return days ? `Неделя\u00a0${Number(week.slice(6))}: ${formatWeekRange(days.from, days.to)}` : week;
}

/** "2026-W47" → "16.11" (its Monday), for the chart's axis. */
export function weekShortLabel(week: string): string {
  const range = weekRange(week);
  return range ? `${range.from.slice(8)}.${range.from.slice(5, 7)}` : week;
}

export const formatNumber = (n: number): string => n.toLocaleString('ru-RU');

export const formatShare = (ratio: number | null): string =>
  ratio === null ? '—' : `${(ratio * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })}\u00a0%`;

/** A published cell: numbers with thin grouping, «<5» and «×» as they come. */
export const formatCell = (cell: number | string): string => (typeof cell === 'number' ? formatNumber(cell) : cell);

/** «+12 к прошлой неделе», «−3 …», «столько же»; nothing when a side is hidden. */
export function formatChange(change: number | null): string {
  if (change === null) return 'изменение скрыто или неизвестно';
  if (change === 0) return 'столько же, сколько на прошлой неделе';
  return `${change > 0 ? '+' : '−'}${formatNumber(Math.abs(change))} к\u00a0прошлой неделе`;
}

/** The change of a share in percentage points. */
export function formatPointChange(ratio: number | null, previous: number | null): string {
  if (ratio === null || previous === null) return 'на прошлой неделе не с чем сравнить';
  const points = Math.round((ratio - previous) * 1000) / 10;
  if (points === 0) return 'как на прошлой неделе';
  return `${points > 0 ? '+' : '−'}${Math.abs(points).toLocaleString('ru-RU')}\u00a0п.\u00a0п. к\u00a0прошлой неделе`;
}

const dayMonth = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', timeZone: 'UTC' });
/** "2026-11-23" → «23 ноября». */
export const formatDay = (day: string): string => dayMonth.format(new Date(`${day}T00:00:00Z`)).replace(' ', '\u00a0');
