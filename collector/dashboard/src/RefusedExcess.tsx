import type { ReportResponse } from '../../server/dashboard/api-types';
import { plural } from '../../../i18n/typography';
import { formatDay, formatNumber } from './labels';

const REFUSED = { one: 'отклонена', few: 'отклонены', many: 'отклонено' };
const COUNTS = { one: 'отметка', few: 'отметки', many: 'отметок' };

/**
 * Days on which a school's extension reported more than any class could do (beyond the per-cell
 * bound): the collector refused the excess, and the district should look at that computer or token.
 */
export function RefusedExcess({ refused }: { refused: ReportResponse['refused'] }) {
  if (refused.length === 0) return null;
  return (
    <section class="card warning" role="note" aria-labelledby="refused-title">
      <h2 id="refused-title">Неправдоподобные отчёты</h2>
      <p>Сервер не принял часть отметок: их больше, чем может набраться за день в одной школе. Проверьте компьютеры школы и её ключ отчётов.</p>
      <ul data-testid="refused-excess">
        {refused.map((line) => (
          <li key={`${line.code}/${line.day}`}>
            {line.name} <span class="muted">({line.code})</span>, {formatDay(line.day)}: {plural('ru', line.n, REFUSED)} {formatNumber(line.n)}
            {'\u00a0'}
            {plural('ru', line.n, COUNTS)}
          </li>
        ))}
      </ul>
    </section>
  );
}
