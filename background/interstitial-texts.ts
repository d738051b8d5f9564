import type { InterstitialTexts } from '../components/interstitial/Interstitial';
import { translate, type UiLocale } from '../i18n';
import type { MessengerId } from '../protocol/messengers';
import { CATALOGUE } from '../rules';

/** The interstitial's words in the decided language; the page bundles no locale files. */
export function interstitialTexts(locale: UiLocale, messenger: MessengerId, alternativeName: string): InterstitialTexts {
  const messengerName = CATALOGUE.find((entry) => entry.id === messenger)?.name ?? messenger;
  return {
    title: translate(locale, 'interstitial_title', [alternativeName]),
    rule: translate(locale, 'nudge_rule', [messengerName]),
    openAlternative: translate(locale, 'interstitial_openAlternative', [alternativeName]),
    personalUse: translate(locale, 'interstitial_personalUse'),
    proceed: translate(locale, 'interstitial_proceed'),
    howToMove: translate(locale, 'interstitial_howToMove'),
  };
}
