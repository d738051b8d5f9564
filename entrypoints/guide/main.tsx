import { render } from 'preact';
import { GuidePage } from '../../components/guide/GuidePage';
import { GuideReasonNotice } from '../../components/guide-notice/GuideReasonNotice';
import { resolveLocale, translate, type UiLocale } from '../../i18n';
import { loadSettings } from '../../settings';

/** `?lang=ru|en` picks the language; otherwise the settings' `locale`. */
function pageLocale(setting: Parameters<typeof resolveLocale>[0]): UiLocale {
  const asked = new URLSearchParams(location.search).get('lang');
  return asked === 'ru' || asked === 'en' ? asked : resolveLocale(setting);
}

void loadSettings().then(({ settings }) => {
  const locale = pageLocale(settings.locale);
  document.documentElement.lang = locale;
  document.title = translate(locale, 'guide_pageTitle');
  render(
    <>
      <GuideReasonNotice locale={locale} search={location.search} message={settings.message[locale]} />
      <GuidePage locale={locale} alternative={settings.alternative} otherLanguageHref={`?lang=${locale === 'ru' ? 'en' : 'ru'}`} />
    </>,
    document.getElementById('app')!,
  );
  // The page is drawn after it loads, so the browser cannot scroll to #message by itself.
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
});
