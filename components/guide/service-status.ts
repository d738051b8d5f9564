import type { UiLocale } from '../../i18n';
import { translate } from '../../i18n';
import type { MessengerId } from '../../protocol/messengers';
import { CATALOGUE_SOURCES, messengerName } from '../../rules';

const MONTHS = {
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** «8 октября 2024 года», «октября 2025 года» (after «с»); "8 October 2024", "October 2025". */
export function sinceDate(locale: UiLocale, since: string): string {
  const [year, month, day] = since.split('-').map(Number) as [number, number, number | undefined];
  const name = MONTHS[locale][month - 1];
  if (locale === 'en') return day ? `${day} ${name} ${year}` : `${name} ${year}`;
  return `${day ? `${day} ` : ''}${name} ${year} года`;
}

/** One line of the guide: the service and, in plain words, where it stands in Russia (rules/sources.ts). */
export function serviceStatusText(locale: UiLocale, id: MessengerId): string {
  const { status } = CATALOGUE_SOURCES[id];
  return translate(locale, `guide_status_${status.kind}`, [messengerName(id), sinceDate(locale, status.since)]);
}
