import { messengerName } from '../rules';
import type { MessengerId } from '../protocol/messengers';
import type { NudgeTexts, UiLocale } from '../messages';
import { translate } from '../i18n';

/** The nudge's words in the decided language; the page receives them ready, with no locale files. */
export function nudgeTexts(locale: UiLocale, messenger: MessengerId, alternativeName: string): NudgeTexts {
  return {
    label: translate(locale, 'nudge_label'),
    rule: translate(locale, 'nudge_rule', [messengerName(messenger)]),
    openAlternative: translate(locale, 'nudge_openAlternative', [alternativeName]),
    howToMove: translate(locale, 'nudge_howToMove'),
    personalUse: translate(locale, 'nudge_personalUse'),
    parentsMessage: translate(locale, 'nudge_parentsMessage'),
    collapse: translate(locale, 'nudge_collapse'),
    reopen: translate(locale, 'nudge_reopen'),
    close: translate(locale, 'nudge_close'),
  };
}
