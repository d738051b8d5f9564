import type { Tally } from '../../background/count-store';
import { EVENT_NAMES } from '../../protocol/events';
import { CATALOGUE } from '../../rules';
import type { Translate } from '../../i18n';
import type { VisitTally } from '../../background/visit-store';
import { TodayVisits } from './TodayVisits';

/** The way to Sferum is what the nudge is for: its column stays even on a day nobody took it. */
const ALWAYS_SHOWN = 'alternative_opened';

/** Today's counts on this computer: one row per messenger, one column per event that happened (and «Переход в Сферум»); then the visits to the alternative. */
export function TodayCounts({ today, visits = {}, t }: { today: Tally[string] | undefined; visits?: VisitTally[string]; t: Translate }) {
  if (today === undefined) return null;
  const rows = CATALOGUE.filter((entry) => today[entry.id] !== undefined);
  const events = EVENT_NAMES.filter((event) => event === ALWAYS_SHOWN || rows.some((entry) => (today[entry.id]?.[event] ?? 0) > 0));
  return (
    <section aria-labelledby="today-title">
      <h2 id="today-title">{t('popup_today')}</h2>
      {rows.length === 0 ? (
        <p class="muted">{t('popup_nothingToday')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('popup_messenger')}</th>
              {events.map((event) => (
                <th scope="col" key={event}>
                  {t(`popup_event_${event}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">{entry.name}</th>
                {events.map((event) => (
                  <td key={event}>{today[entry.id]?.[event] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <TodayVisits visits={visits} t={t} />
    </section>
  );
}
