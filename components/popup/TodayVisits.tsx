import type { VisitTally } from '../../background/visit-store';
import { ALTERNATIVE_TARGETS } from '../../protocol/alternatives';
import type { Translate } from '../../i18n';

/** Today's visits to Sferum, MAX, VK Messenger and the district's own place, as counted here. */
export function TodayVisits({ visits, t }: { visits: VisitTally[string]; t: Translate }) {
  const targets = ALTERNATIVE_TARGETS.filter((target) => (visits[target] ?? 0) > 0);
  if (targets.length === 0) return <p class="muted" data-testid="today-no-visits">{t('popup_noVisitsToday')}</p>;
  return (
    <table data-testid="today-visits">
      <thead>
        <tr>
          <th scope="col">{t('popup_alternative')}</th>
          <th scope="col">{t('popup_visits')}</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((target) => (
          <tr key={target}>
            <th scope="row">{t(`popup_target_${target}`)}</th>
            <td>{visits[target]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
