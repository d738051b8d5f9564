import type { UiLocale } from '../messages';
import { translate } from '../i18n';

/** «Не напомню до 15:40» after «Это личная переписка»: the end of the quiet time, in the computer's local time. */
export function quietText(locale: UiLocale, minutes: number, now: number = Date.now()): string {
  if (minutes <= 0) return translate(locale, 'nudge_quietNone');
  const until = new Date(now + minutes * 60_000);
  const time = until.toLocaleTimeString(locale === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
  const sameDay = until.toDateString() === new Date(now).toDateString();
  return translate(locale, sameDay ? 'nudge_quietUntil' : 'nudge_quietUntilTomorrow', [time]);
}
