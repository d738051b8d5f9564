import { render } from 'preact';
import { GuidePage } from '../../components/guide/GuidePage';
import { resolveLocale, translate, type UiLocale } from '../../i18n';

/** `?lang=ru|en` picks the language; otherwise the browser's. */
function pageLocale(): UiLocale {
  const asked = new URLSearchParams(location.search).get('lang');
  return asked === 'ru' || asked === 'en' ? asked : resolveLocale('auto');
}

const locale = pageLocale();
document.documentElement.lang = locale;
document.title = translate(locale, 'guide_pageTitle');
render(<GuidePage locale={locale} otherLanguageHref={`?lang=${locale === 'ru' ? 'en' : 'ru'}`} />, document.getElementById('app')!);
