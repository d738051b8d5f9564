import { translate } from '../i18n';
import type { InterstitialTexts, UiLocale } from '../messages';
import type { MessengerId } from '../protocol/messengers';
import { messengerName } from '../rules';

/** The interstitial's words in the decided language; the page bundles no locale files. */
export function interstitialTexts(locale: UiLocale, messenger: MessengerId, alternativeName: string): InterstitialTexts {
  return {
    title: translate(locale, 'interstitial_title', [alternativeName]),
    rule: translate(locale, 'nudge_rule', [messengerName(messenger)]),
    openAlternative: translate(locale, 'interstitial_openAlternative', [alternativeName]),
    personalUse: translate(locale, 'interstitial_personalUse'),
    proceed: translate(locale, 'interstitial_proceed'),
    howToMove: translate(locale, 'interstitial_howToMove'),
  };
}
