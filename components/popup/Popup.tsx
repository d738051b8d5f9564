import type { Tally } from '../../background/count-store';
import type { VisitTally } from '../../background/visit-store';
import { translator, type UiLocale } from '../../i18n';
import { GUIDE_PATH } from '../../messages/guide-address';
import { ReportingPanel } from '../ReportingPanel';
import { PolicyStatusSection } from '../settings-status/PolicyStatusSection';
import { TodayCounts } from './TodayCounts';

export interface PopupProps {
  locale: UiLocale;
  /** undefined while loading. */
  today: Tally[string] | undefined;
  /** Today's alternative visits; undefined while loading. */
  visits?: VisitTally[string];
  onOpenGuide: () => void;
}

export function Popup({ locale, today, visits, onOpenGuide }: PopupProps) {
  const t = translator(locale);
  return (
    <main lang={locale}>
      <h1>{t('popup_title')}</h1>
      <p>{t('popup_about')}</p>
      <p>
        <a
          href={GUIDE_PATH}
          onClick={(event) => {
            event.preventDefault();
            onOpenGuide();
          }}
        >
          {t('popup_openGuide')}
        </a>
      </p>
      <TodayCounts today={today} visits={visits} t={t} />
      <PolicyStatusSection locale={locale} />
      <ReportingPanel locale={locale} />
    </main>
  );
}
