import type { DecisionAlternative, InterstitialTexts, UiLocale } from '../../messages';
import type { NudgeChoices } from '../nudge/choices';
import { followedByExtension, trusted } from '../nudge/trusted';

export interface InterstitialProps extends NudgeChoices {
  texts: InterstitialTexts;
  locale: UiLocale;
  alternative: DecisionAlternative;
  /** A district's own words (plain text, never HTML), shown instead of the built-in rule. */
  message?: string;
  onProceed: () => void;
}

/** The keyboard starts on the way to the alternative (a stable ref callback runs once, on mount). */
const focusOnMount = (element: HTMLElement | null) => element?.focus();

/** confirm mode: a full page in front of the messenger until the teacher chooses. */
export function Interstitial({ texts, locale, alternative, message, onAlternative, onHowToMove, onPersonalUse, onProceed }: InterstitialProps) {
  return (
    <div class="page" role="dialog" aria-modal="true" aria-labelledby="podskazka-title" lang={locale}>
      <main class="card">
        <h1 id="podskazka-title">{texts.title}</h1>
        <p class="rule">{message ?? texts.rule}</p>
        <div class="actions">
          <a ref={focusOnMount} class="primary" href={alternative.url} target="_blank" rel="noopener noreferrer" onClick={followedByExtension(onAlternative)}>
            {texts.openAlternative}
          </a>
          <button type="button" class="secondary" onClick={trusted(onPersonalUse)}>
            {texts.personalUse}
          </button>
          <button type="button" class="secondary" onClick={trusted(onProceed)}>
            {texts.proceed}
          </button>
        </div>
        <button type="button" class="link" onClick={trusted(onHowToMove)}>
          {texts.howToMove}
        </button>
      </main>
    </div>
  );
}
