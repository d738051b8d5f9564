import type { JSX } from 'preact';
import type { DecisionAlternative, NudgeTexts, UiLocale } from '../../messages';
import type { NudgeChoices } from './choices';
import { trusted } from './trusted';

export interface BannerProps extends NudgeChoices {
  texts: NudgeTexts;
  locale: UiLocale;
  alternative: DecisionAlternative;
  /** A district's own words, shown instead of the built-in rule sentence. */
  message?: string;
  onClose: () => void;
}

export function Banner({ texts, locale, alternative, message, onAlternative, onHowToMove, onPersonalUse, onClose }: BannerProps) {
  const closeOnEscape = (event: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && event.isTrusted) {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <section class="nudge" role="region" aria-label={texts.label} lang={locale} onKeyDown={closeOnEscape}>
      <p class="rule">{message ?? texts.rule}</p>
      <div class="actions">
        <a class="primary" href={alternative.url} target="_blank" rel="noopener noreferrer" onClick={trusted(onAlternative, true)}>
          {texts.openAlternative}
        </a>
        <button type="button" class="link" onClick={trusted(onHowToMove)}>
          {texts.howToMove}
        </button>
        <button type="button" class="secondary" onClick={trusted(onPersonalUse)}>
          {texts.personalUse}
        </button>
      </div>
      <button type="button" class="close" aria-label={texts.close} title={texts.close} onClick={trusted(onClose)}>
        <span aria-hidden="true">×</span>
      </button>
    </section>
  );
}
