import { translate, type UiLocale } from '../../i18n';

export interface ParentsMessageInput {
  /** As the teacher typed it: «5 Б». */
  className: string;
  /** The new chat's invite link, as pasted. */
  link: string;
  /** `YYYY-MM-DD` from the date field; empty when not picked. */
  date: string;
}

/** Only an https address goes into the text and the QR code; anything else is a typo to point out. */
export function chatLink(link: string): string | null {
  const trimmed = link.trim();
  try {
    return new URL(trimmed).protocol === 'https:' && !/\s/.test(trimmed) ? trimmed : null;
  } catch {
    return null;
  }
}

/** «9 декабря» from `2026-12-09` (a calendar day: no time zone may shift it). */
export function dayLabel(locale: UiLocale, date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return null;
  return day.toLocaleDateString(locale === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });
}

/** The message for the old chat and for parents; null until there is a class and a usable link. */
export function parentsMessage(locale: UiLocale, input: ParentsMessageInput): string | null {
  const link = chatLink(input.link);
  const className = input.className.trim().replace(/\s+/g, ' ');
  if (!link || !className) return null;
  const day = dayLabel(locale, input.date) ?? (locale === 'ru' ? 'сегодняшнего дня' : 'today');
  return translate(locale, 'guide_message_body', [className, day, link]);
}

/** A week from today, as the date field wants it: the default moving day. */
export function inAWeek(now: Date = new Date()): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 7);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
