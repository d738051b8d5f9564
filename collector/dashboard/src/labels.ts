import { EVENT_NAMES, type EventName } from '../../../protocol/events';
import type { MessengerId } from '../../../protocol/messengers';
import { EVENT_TITLES } from '../../server/dashboard/event-titles';
import { weekRange } from '../../server/dashboard/iso-week';
import { range } from '../../../i18n/typography';

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

const monthDay = new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** "2026-W47" → "Неделя 47: 16–22 ноября 2026"; across months "30 ноября – 6 декабря 2026". */
export function weekLabel(week: string): string {
  const days = weekRange(week);
  if (!days) return week;
  const start = new Date(`${days.from}T00:00:00Z`);
  const end = new Date(`${days.to}T00:00:00Z`);
  const left = start.getUTCMonth() === end.getUTCMonth() ? String(start.getUTCDate()) : monthDay.format(start);
  return `Неделя\u00a0${Number(week.slice(6))}: ${range(left, monthDay.format(end))}\u00a0${end.getUTCFullYear()}`;
}

/** "2026-W47" → "16.11" (its Monday), for the chart's axis. */
export function weekShortLabel(week: string): string {
  const range = weekRange(week);
  return range ? `${range.from.slice(8)}.${range.from.slice(5, 7)}` : week;
}

export const formatNumber = (n: number): string => n.toLocaleString('ru-RU');

export const formatShare = (ratio: number | null): string =>
  ratio === null ? '—' : `${(ratio * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })}\u00a0%`;
